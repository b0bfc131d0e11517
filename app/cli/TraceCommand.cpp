// `gatehouse-cli trace --id-number X --from ISO --to ISO --out FILE [--lang en|vi]` (formats/cli.md).
#include "TraceCommand.h"

#include "LogSession.h"
#include "crypto/Sha256.h"
#include "export/ContactTrace.h"

#include <QSaveFile>

namespace {
const QCommandLineOption ID_NUMBER(QStringLiteral("id-number"), QStringLiteral("The confirmed case's ID number."),
                                   QStringLiteral("X"));
const QCommandLineOption FROM(QStringLiteral("from"), QStringLiteral("Start of the window (ISO 8601)."),
                              QStringLiteral("ISO"));
const QCommandLineOption TO(QStringLiteral("to"), QStringLiteral("End of the window (ISO 8601)."),
                            QStringLiteral("ISO"));
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("The file to write (.csv)."),
                             QStringLiteral("FILE"));
const QCommandLineOption LANG(QStringLiteral("lang"), QStringLiteral("Header language: en (default) or vi."),
                              QStringLiteral("en|vi"), QStringLiteral("en"));
} // namespace

QString TraceCommand::summary() const
{
    return tr("Everyone whose stay overlapped a stay of a confirmed case, with the minutes.");
}

void TraceCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({ID_NUMBER, FROM, TO, OUT, LANG});
}

int TraceCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QDateTime from = QDateTime::fromString(parser.value(FROM), Qt::ISODate);
    const QDateTime to = QDateTime::fromString(parser.value(TO), Qt::ISODate);
    if (parser.value(ID_NUMBER).trimmed().isEmpty() || !from.isValid() || !to.isValid()) {
        context.err << tr("trace needs --id-number, and --from and --to in ISO 8601.") << Qt::endl;
        return 2;
    }
    if (from >= to) {
        context.err << tr("--from must be before --to.") << Qt::endl;
        return 2;
    }
    const QString path = parser.value(OUT);
    if (!path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        context.err << tr("This Gatehouse writes CSV exports: name the file with .csv.") << Qt::endl;
        return 2;
    }
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    CheckInService& service = session.value()->service();
    auto contacts =
        ContactTrace::find(session.value()->log(), service.site(), parser.value(ID_NUMBER), from, to, service.now());
    if (!contacts)
        return context.fail(contacts.error());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        context.err << tr("Gatehouse cannot write %1 (%2).").arg(path, file.errorString()) << Qt::endl;
        return 2;
    }
    Sha256 hash;
    auto rows =
        ContactTrace::writeCsv(contacts.value(), file, parser.value(LANG), service.site().utcOffsetMinutes, &hash);
    if (!rows) {
        file.cancelWriting();
        return context.fail(rows.error());
    }
    if (!file.commit()) {
        context.err << tr("Gatehouse could not finish %1 (%2).").arg(path, file.errorString()) << Qt::endl;
        return 1;
    }
    // The case's number is not repeated in the audit log: its last three digits identify the query.
    const Result<void> audited = session.value()->audit().append(
        {service.now(), QStringLiteral("cli"), QStringLiteral("trace"),
         QStringLiteral("id_number=…%1 from=%2 to=%3 rows=%4 sha256=%5 file=%6")
             .arg(parser.value(ID_NUMBER).trimmed().right(3), from.toString(Qt::ISODate), to.toString(Qt::ISODate))
             .arg(rows.value())
             .arg(QString::fromLatin1(hash.result().toHex()), path)});
    if (!audited)
        context.err << audited.error().message() << Qt::endl;
    context.out << tr("%1 contacts written to %2.").arg(rows.value()).arg(path) << '\n';
    return 0;
}
