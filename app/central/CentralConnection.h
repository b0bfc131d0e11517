// One libpq connection to the central store (formats/central.md). Only app/central includes
// libpq: the rest of the core sees sentences and rows. Statements are sent with parameters
// (PQexecParams), never with values pasted into SQL.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

struct pg_conn;
struct pg_result;

class CentralConnection
{
    Q_DECLARE_TR_FUNCTIONS(CentralConnection)

public:
    // A result set as text (libpq's text format); a NULL is a null QString.
    struct Rows
    {
        QStringList columns;
        QList<QStringList> values;
        qint64 affected = 0; // rows an INSERT/UPDATE/DELETE touched
    };

    // Connects with a libpq URI or key=value string, as it is, once checkLink() lets it. `kioskId`,
    // when given, is a kiosk logging in as itself: the login role unless the URI names one, and a
    // link that must carry the kiosk's certificate. connectTimeoutSeconds bounds a dead link.
    [[nodiscard]] static Result<std::unique_ptr<CentralConnection>>
    open(const QString& uri, const QString& kioskId = {}, int connectTimeoutSeconds = 10);
    // Whether uri may carry the province's records (formats/central.md "Roles": TLS with a client
    // certificate per kiosk): through a Unix socket of this machine as written; over a network
    // only with sslmode=verify-full (the server's certificate and name checked, so nobody in
    // between reads or answers), and for a kiosk with its certificate and key too (sslcert,
    // sslkey). Otherwise an Error whose sentence says what to add. Environment variables that
    // libpq reads (PGHOST, PGSSLMODE, ...) count as libpq counts them.
    [[nodiscard]] static Result<void> checkLink(const QString& uri, bool kiosk);
    // Whether every host uri names is a Unix socket of this machine (libpq: a host that begins
    // with a slash, or none at all).
    static bool isLocalSocket(const QString& uri);
    // A kiosk's [central] uri from an administrator's: the store's address without the
    // administrator's user name and password; with the kiosk's TLS files (/etc/gatehouse/ca.pem,
    // kiosk.pem, kiosk.key) when they were issued or when the store is reached over a network,
    // where a kiosk may not go without them (checkLink). `central add-kiosk` and the console.
    static QString kioskUri(const QString& adminUri, bool issued);
    ~CentralConnection();
    CentralConnection(const CentralConnection&) = delete;
    CentralConnection& operator=(const CentralConnection&) = delete;

    // Runs one statement (or, without parameters, several separated by semicolons).
    [[nodiscard]] Result<Rows> exec(const QString& sql, const QStringList& parameters = {});
    // The same in two halves: send() hands the statement to the server and returns while it
    // works (the sender prepares its next batch meanwhile); finish() waits for its result.
    [[nodiscard]] Result<void> send(const QString& sql, const QStringList& parameters);
    [[nodiscard]] Result<Rows> finish();
    // A timestamptz as this connection's server writes it (TIME ZONE 'UTC': "2020-08-03
    // 01:30:00.123+00"); invalid for a null.
    static QDateTime timeFrom(const QString& text);
    // An instant as a timestamptz parameter.
    static QString timeParameter(const QDateTime& at);
    // The URI without its password, for status lines.
    static QString withoutSecrets(const QString& uri);
    // Whether the connection is still good (after a failed statement: a broken link or not).
    bool isOk() const;
    QString user() const;

private:
    explicit CentralConnection(pg_conn* connection) : m_connection(connection) {}
    // The rows of a result, or its error as a sentence; clears it.
    [[nodiscard]] Result<Rows> rowsOf(pg_result* result) const;

    pg_conn* m_connection;
};
