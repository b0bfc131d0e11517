// The health office's list of people under isolation orders at the central store (issue 26;
// `gatehouse-cli central isolation`, formats/cli.md): numbers added with the order's kind (F0, F1)
// and end, removed, listed. Every change is kept with its author (gatehouse.isolation_change).
// Kiosks receive the list as keyed hashes at their sync (gatehouse.kiosk_isolation(),
// storage/IsolationList.h); an order past its end is sent to none.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

class CentralConnection;

class CentralIsolation
{
    Q_DECLARE_TR_FUNCTIONS(CentralIsolation)

public:
    struct Order
    {
        QString idNumber;
        QString kind;
        QDateTime until;
        QString addedBy;
    };

    explicit CentralIsolation(CentralConnection& connection) : m_connection(connection) {}

    // idNumber in any spelling (formats/cccd-qr.md); kind F0 or F1; until in the future.
    [[nodiscard]] Result<void> add(const QString& idNumber, const QString& kind, const QDateTime& until,
                                   const QDateTime& now, const QString& author = QString());
    // Whether the number was on the list.
    [[nodiscard]] Result<bool> remove(const QString& idNumber, const QString& author = QString());
    // The orders in force at now, by end.
    [[nodiscard]] Result<QList<Order>> list(const QDateTime& now);

private:
    CentralConnection& m_connection;
};
