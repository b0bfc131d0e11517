// The stays of the central store's `visits` that overlap a window, at one site, the sites of a
// district or every site, as the rows of an entry export (export/EntryRows.h): `central export`
// writes them with the kiosk's own CSV and XLSX writers. Read through a server-side cursor in one
// read-only REPEATABLE READ transaction (PostgreSQL 15 docs, "DECLARE" and "Transaction
// Isolation"): a consistent snapshot while kiosks keep sending, a few thousand rows per round trip,
// and memory that does not grow with the province.
#pragma once

#include "export/EntryRows.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <array>
#include <memory>

class CentralConnection;

class CentralEntryRows final : public EntryRows
{
    Q_DECLARE_TR_FUNCTIONS(CentralEntryRows)

public:
    // Which sites: one, those of a district, or all.
    struct Sites
    {
        enum class Kind { Site, District, All };
        Kind kind = Kind::All;
        QString name; // the site's id or the district's name

        // As a manifest's `site` says it: the site's id, "district:NAME", or "*".
        QString label() const;
    };

    // Every stay with checked_in_at < to and (still inside or checked_out_at >= from) at those
    // sites, by check-in time. An Error (kind Input) when no such site or district is registered.
    [[nodiscard]] static Result<std::unique_ptr<CentralEntryRows>>
    open(CentralConnection& connection, const Sites& sites, const QDateTime& from, const QDateTime& to);
    // Ends the read-only transaction.
    ~CentralEntryRows() override;
    CentralEntryRows(const CentralEntryRows&) = delete;
    CentralEntryRows& operator=(const CentralEntryRows&) = delete;

    [[nodiscard]] Result<bool> next() override;
    [[nodiscard]] bool isNull(Column column) const override { return m_null[column]; }
    [[nodiscard]] std::string_view text(Column column) const override
    {
        return {m_text[column].constData(), size_t(m_text[column].size())};
    }
    [[nodiscard]] qint64 integer(Column column) const override { return m_text[column].toLongLong(); }
    [[nodiscard]] bool numberedEntries() const override { return false; }

private:
    explicit CentralEntryRows(CentralConnection& connection) : m_connection(connection) {}

    CentralConnection& m_connection;
    QList<QStringList> m_batch; // the rows of the last FETCH
    qsizetype m_next = 0;       // the next of them
    bool m_done = false;        // the cursor has given its last row
    std::array<QByteArray, ColumnCount> m_text;
    std::array<bool, ColumnCount> m_null{};
};
