// `gatehouse-cli trace --id-number X --from ISO --to ISO --out FILE [--lang en|vi]` (formats/cli.md).
#include "TraceCommand.h"

#include "ExportWindow.h"
#include "LogSession.h"
#include "crypto/Sha256.h"
#include "export/ContactTrace.h"
#include "export/OutputFile.h"

namespace {
const QCommandLineOption ID_NUMBER(QStringLiteral("id-number"), QStringLiteral("The confirmed case's ID number."),
                                   QStringLiteral("X"));
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
    parser.addOptions({ID_NUMBER, ExportWindow::From, ExportWindow::To, OUT, LANG});
}

int TraceCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    if (parser.value(ID_NUMBER).trimmed().isEmpty()) {
        context.err << tr("trace needs --id-number: the confirmed case's ID number.") << Qt::endl;
        return 2;
    }
    const auto window = ExportWindow::parse(parser, context);
    if (!window)
        return 2;
    const auto path = ExportWindow::outputPath(parser, OUT, {QStringLiteral(".csv")}, context);
    if (!path)
        return 2;
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    CheckInService& service = session.value()->service();
    auto contacts = ContactTrace::find(session.value()->log(), service.site(), parser.value(ID_NUMBER), window->from,
                                       window->to, service.now());
    if (!contacts)
        return context.fail(contacts.error());
    Sha256 hash;
    auto rows = OutputFile::write(*path, [&](QIODevice& file) {
        return ContactTrace::writeCsv(contacts.value(), file, parser.value(LANG), service.site().utcOffsetMinutes,
                                      &hash);
    });
    if (!rows)
        return context.fail(rows.error());
    // The case's number is not repeated in the audit log: its last three digits identify the query.
    session.value()->recordAction(
        QStringLiteral("trace"),
        QStringLiteral("id_number=%1 ").arg(AuditLog::maskedIdNumber(parser.value(ID_NUMBER))) +
            AuditLog::outputDetails(window->from, window->to, QStringLiteral("rows=%1").arg(rows.value()),
                                    hash.result(), *path),
        context.err);
    context.out << tr("%1 contacts written to %2.").arg(rows.value()).arg(*path) << '\n';
    return 0;
}
