// What a province's administrator does with the central store (`gatehouse-cli central …`,
// formats/cli.md): register sites and kiosks, see who is inside a site at every entrance, and
// each kiosk's state. Runs as a member of gatehouse_admin (or a superuser).
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

class CentralConnection;

class CentralAdmin
{
    Q_DECLARE_TR_FUNCTIONS(CentralAdmin)

public:
    struct Presence
    {
        QString visitKey;
        QString entrance;
        QString personType;
        QString fullName;
        QString idNumber;
        QString phone;
        QDateTime checkedInAt;
    };

    struct KioskState
    {
        QString kiosk;
        QString site;
        QString entrance;
        QDateTime lastReceivedAt; // invalid: nothing received yet
        qint64 events = 0;
        qint64 lastSeq = 0;
        // Rows of its audit chain that did not extend the one before (issue 24): the newest's
        // reason, and how many. Zero: the chain arrived whole.
        qint64 auditBreaks = 0;
        QString lastAuditBreak;
        // When the kiosk last said it was there (each sync round, schema version 7), and how many
        // of its events were then still waiting to be sent; -1: it has not said.
        QDateTime lastContactAt;
        qint64 backlog = -1;
    };

    struct SiteState
    {
        QString site;
        QString name;
        QString district;
        QList<KioskState> kiosks; // auditBreaks left at zero: the console's scopes do not read them
    };

    explicit CentralAdmin(CentralConnection& connection) : m_connection(connection) {}

    [[nodiscard]] Result<void> addSite(const QString& id, const QString& name, const QString& district);
    // Creates the kiosk's login role (a member of gatehouse_kiosk) and registers it at the site.
    [[nodiscard]] Result<void> addKiosk(const QString& kiosk, const QString& site, const QString& entrance);
    // The console's administrator `official` adds (or renames) a site, or adds (or moves) a kiosk,
    // within the scope the connection acts as (SET LOCAL ROLE); the store checks that the account
    // is an administrator of that scope and that the site lies in it, and audits the change.
    // A refusal is a sentence (Usage).
    [[nodiscard]] Result<void> addSiteAs(const QString& official, const QString& id, const QString& name,
                                         const QString& district);
    [[nodiscard]] Result<void> addKioskAs(const QString& official, const QString& kiosk, const QString& site,
                                          const QString& entrance);
    [[nodiscard]] Result<QList<Presence>> present(const QString& site);
    [[nodiscard]] Result<QList<KioskState>> status();
    // The sites and their kiosks that the connection's role may see (the console reads it as an
    // official's scope: row-level security leaves out the rest), by district and name.
    [[nodiscard]] Result<QList<SiteState>> sites();
    // Removes the old row versions that a forget or a purge left behind (PostgreSQL keeps a deleted
    // or updated row until VACUUM), from the tables that hold people and from their indexes:
    // INDEX_CLEANUP ON, because a VACUUM that finds few dead rows may skip the indexes, where the
    // ID number would stay (https://www.postgresql.org/docs/15/sql-vacuum.html). Run it from a timer
    // (README); it takes no lock that stops kiosks or officials.
    [[nodiscard]] Result<void> vacuum();

private:
    // The store's word for a refused registration (schema version 7), as a sentence; none: done.
    static Result<void> refusal(const QString& word, const QString& kiosk, const QString& site);

    CentralConnection& m_connection;
};
