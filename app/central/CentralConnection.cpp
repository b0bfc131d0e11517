// One libpq connection to the central store.
#include "central/CentralConnection.h"

#include "common/Logging.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <libpq-fe.h>

#include <optional>
#include <vector>

namespace {
// The options of a libpq connection string that decide where it goes and how, as libpq would use
// them: the string's own values, else the defaults libpq takes from its environment variables
// (PQconndefaults). nullopt when libpq cannot read the string.
std::optional<QHash<QString, QString>> linkOptions(const QString& uri)
{
    static const QStringList keys = {QStringLiteral("host"), QStringLiteral("hostaddr"), QStringLiteral("sslmode"),
                                     QStringLiteral("sslcert"), QStringLiteral("sslkey")};
    QHash<QString, QString> options;
    if (PQconninfoOption* defaults = PQconndefaults()) {
        for (PQconninfoOption* option = defaults; option->keyword; ++option) {
            const QString key = QString::fromUtf8(option->keyword);
            if (keys.contains(key) && option->val)
                options.insert(key, QString::fromUtf8(option->val));
        }
        PQconninfoFree(defaults);
    }
    char* error = nullptr;
    PQconninfoOption* given = PQconninfoParse(uri.toUtf8().constData(), &error);
    if (!given) {
        PQfreemem(error);
        return std::nullopt;
    }
    for (PQconninfoOption* option = given; option->keyword; ++option) {
        const QString key = QString::fromUtf8(option->keyword);
        if (keys.contains(key) && option->val)
            options.insert(key, QString::fromUtf8(option->val));
    }
    PQconninfoFree(given);
    return options;
}

// libpq: "If a host name looks like an absolute path name, it specifies Unix-domain
// communication"; without a host it uses the default socket directory; a hostaddr always goes
// over TCP (https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-PARAMKEYWORDS).
bool socketOnly(const QHash<QString, QString>& options)
{
    if (!options.value(QStringLiteral("hostaddr")).isEmpty())
        return false;
    for (const QString& host : options.value(QStringLiteral("host")).split(u',')) {
        if (!host.isEmpty() && !host.startsWith(u'/'))
            return false;
    }
    return true;
}
} // namespace

bool CentralConnection::isLocalSocket(const QString& uri)
{
    const auto options = linkOptions(uri);
    return options && socketOnly(*options);
}

Result<void> CentralConnection::checkLink(const QString& uri, bool kiosk)
{
    const auto options = linkOptions(uri);
    if (!options) // libpq says what is wrong with it when it tries
        return {};
    if (socketOnly(*options))
        return {};
    if (options->value(QStringLiteral("sslmode")) != QLatin1String("verify-full"))
        return Error(Error::Kind::Usage,
                     kiosk ? tr("The central store is reached over the network without checking its certificate: "
                                "add sslmode=verify-full, sslrootcert, sslcert and sslkey to the [central] uri, as "
                                "central add-kiosk prints it.")
                           : tr("The central store is reached over the network without checking its certificate: "
                                "add sslmode=verify-full and sslrootcert=(the CA's certificate) to the URI."));
    if (kiosk &&
        (options->value(QStringLiteral("sslcert")).isEmpty() || options->value(QStringLiteral("sslkey")).isEmpty()))
        return Error(Error::Kind::Usage,
                     tr("A kiosk logs in to the central store with its own certificate: add "
                        "sslcert and sslkey to the [central] uri, as central add-kiosk prints it."));
    return {};
}

Result<std::unique_ptr<CentralConnection>> CentralConnection::open(const QString& uri, const QString& kioskId,
                                                                   int connectTimeoutSeconds)
{
    const Result<void> allowed = checkLink(uri, !kioskId.isEmpty());
    if (!allowed)
        return allowed.error();
    // PQconnectdbParams with expand_dbname: the URI or key=value string is taken as libpq takes
    // it, and "if any key word is repeated, the last value is used"
    // (https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-PQCONNECTDBPARAMS): so the kiosk
    // id and the timeout come first, where the URI can still name others.
    const QByteArray userBytes = kioskId.toUtf8();
    const QByteArray uriBytes = uri.toUtf8();
    const QByteArray timeout = QByteArray::number(connectTimeoutSeconds);
    std::vector<const char*> keywords;
    std::vector<const char*> values;
    if (!kioskId.isEmpty()) {
        keywords.push_back("user");
        values.push_back(userBytes.constData());
    }
    keywords.push_back("connect_timeout");
    values.push_back(timeout.constData());
    // A primary lost with its machine sends no reset: without keepalives a kiosk waiting for its
    // COMMIT would wait for the operating system's TCP timeout (hours) before trying the standby
    // (issue 27). These find a silent peer in about 25 s; Unix sockets ignore them (libpq 34.1.2).
    for (const auto& [keyword, value] : {std::pair("keepalives_idle", "10"), std::pair("keepalives_interval", "5"),
                                         std::pair("keepalives_count", "3")}) {
        keywords.push_back(keyword);
        values.push_back(value);
    }
    keywords.push_back("application_name");
    values.push_back("gatehouse");
    keywords.push_back("dbname");
    values.push_back(uriBytes.constData());
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    PGconn* connection = PQconnectdbParams(keywords.data(), values.data(), 1);
    if (!connection)
        return Error(Error::Kind::Failed, tr("The central store cannot be reached: out of memory."));
    if (PQstatus(connection) != CONNECTION_OK) {
        const QString reason = QString::fromUtf8(PQerrorMessage(connection)).trimmed();
        PQfinish(connection);
        return Error(Error::Kind::Failed, tr("The central store cannot be reached (%1).").arg(reason));
    }
    // The server's notices ("already exists, skipping") are for a DBA's terminal, not the
    // kiosk's journal: kept at debug level.
    PQsetNoticeProcessor(
        connection, [](void*, const char* message) { qCDebug(lcCentral) << QString::fromUtf8(message).trimmed(); },
        nullptr);
    // Times as the central store writes them, whatever the server's own zone (ISO 8601, UTC).
    std::unique_ptr<CentralConnection> opened(new CentralConnection(connection));
    const auto zone = opened->exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    if (!zone)
        return zone.error();
    return opened;
}

CentralConnection::~CentralConnection()
{
    PQfinish(m_connection);
}

Result<CentralConnection::Rows> CentralConnection::exec(const QString& sql, const QStringList& parameters)
{
    if (parameters.isEmpty()) // may be several statements: the simple query protocol
        return rowsOf(PQexec(m_connection, sql.toUtf8().constData()));
    const Result<void> sent = send(sql, parameters);
    if (!sent)
        return sent.error();
    return finish();
}

Result<void> CentralConnection::send(const QString& sql, const QStringList& parameters)
{
    const QByteArray statement = sql.toUtf8();
    std::vector<QByteArray> bytes;
    bytes.reserve(size_t(parameters.size()));
    std::vector<const char*> values;
    for (const QString& parameter : parameters) {
        bytes.push_back(parameter.toUtf8());
        values.push_back(parameter.isNull() ? nullptr : bytes.back().constData());
    }
    // libpq copies the parameters into its output buffer: they need not outlive the call.
    if (PQsendQueryParams(m_connection, statement.constData(), int(values.size()), nullptr, values.data(), nullptr,
                          nullptr, 0) != 1)
        return Error(Error::Kind::Failed, tr("The central store refused a request (%1).")
                                              .arg(QString::fromUtf8(PQerrorMessage(m_connection)).trimmed()));
    return {};
}

Result<CentralConnection::Rows> CentralConnection::finish()
{
    Result<Rows> rows = rowsOf(PQgetResult(m_connection));
    // A statement's results end with a null one.
    while (PGresult* extra = PQgetResult(m_connection))
        PQclear(extra);
    return rows;
}

Result<CentralConnection::Rows> CentralConnection::rowsOf(pg_result* result) const
{
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        QString reason = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        if (reason.isEmpty())
            reason = QString::fromUtf8(PQerrorMessage(m_connection)).trimmed();
        PQclear(result);
        return Error(Error::Kind::Failed, tr("The central store refused a request (%1).").arg(reason));
    }
    Rows rows;
    const int columns = PQnfields(result);
    for (int c = 0; c < columns; ++c)
        rows.columns.append(QString::fromUtf8(PQfname(result, c)));
    const int count = PQntuples(result);
    rows.values.reserve(count);
    for (int r = 0; r < count; ++r) {
        QStringList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(PQgetisnull(result, r, c) ? QString() : QString::fromUtf8(PQgetvalue(result, r, c)));
        rows.values.append(row);
    }
    rows.affected = QByteArray(PQcmdTuples(result)).toLongLong();
    PQclear(result);
    return rows;
}

QString CentralConnection::withoutSecrets(const QString& uri)
{
    if (uri.startsWith(QLatin1String("postgres://")) || uri.startsWith(QLatin1String("postgresql://"))) {
        QUrl url(uri);
        url.setPassword(QString());
        QString text = url.toString();
        // A password may also travel as a query parameter.
        static const QRegularExpression password(QStringLiteral("([?&]password=)[^&]*"));
        return text.replace(password, QStringLiteral("\\1***"));
    }
    static const QRegularExpression keyValue(QStringLiteral("(password\\s*=\\s*)('[^']*'|\\S+)"));
    return QString(uri).replace(keyValue, QStringLiteral("\\1***"));
}

bool CentralConnection::isOk() const
{
    return PQstatus(m_connection) == CONNECTION_OK;
}

QString CentralConnection::user() const
{
    return QString::fromUtf8(PQuser(m_connection));
}

QDateTime CentralConnection::timeFrom(const QString& text)
{
    if (text.isNull())
        return {};
    QString iso = text;
    iso.replace(u' ', u'T');
    if (iso.endsWith(QLatin1String("+00")))
        iso += QStringLiteral(":00");
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toUTC();
}

QString CentralConnection::timeParameter(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QString CentralConnection::kioskUri(const QString& adminUri, bool issued)
{
    const bool withCertificate = issued || !isLocalSocket(adminUri);
    QString uri = adminUri;
    if (uri.startsWith(QLatin1String("postgres://")) || uri.startsWith(QLatin1String("postgresql://"))) {
        QUrl url(uri);
        url.setUserName(QString());
        url.setPassword(QString());
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("user"));
        query.removeAllQueryItems(QStringLiteral("password"));
        if (withCertificate) {
            for (const auto& [key, value] :
                 {std::pair(QStringLiteral("sslmode"), QStringLiteral("verify-full")),
                  std::pair(QStringLiteral("sslrootcert"), QStringLiteral("/etc/gatehouse/ca.pem")),
                  std::pair(QStringLiteral("sslcert"), QStringLiteral("/etc/gatehouse/kiosk.pem")),
                  std::pair(QStringLiteral("sslkey"), QStringLiteral("/etc/gatehouse/kiosk.key"))}) {
                query.removeAllQueryItems(key);
                query.addQueryItem(key, value);
            }
        }
        url.setQuery(query);
        return url.toString();
    }
    // key=value form: drop user and password, add the TLS files.
    QStringList kept;
    for (const QString& part : uri.split(u' ', Qt::SkipEmptyParts)) {
        const QString key = part.section(u'=', 0, 0).trimmed();
        if (key == QLatin1String("user") || key == QLatin1String("password"))
            continue;
        if (withCertificate && key.startsWith(QLatin1String("ssl")))
            continue;
        kept.append(part);
    }
    if (withCertificate)
        kept += {QStringLiteral("sslmode=verify-full"), QStringLiteral("sslrootcert=/etc/gatehouse/ca.pem"),
                 QStringLiteral("sslcert=/etc/gatehouse/kiosk.pem"), QStringLiteral("sslkey=/etc/gatehouse/kiosk.key")};
    return kept.join(u' ');
}
