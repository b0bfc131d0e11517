// `gatehouse-cli audit verify|export`.
#include "AuditCommand.h"

#include "ExportWindow.h"
#include "LogSession.h"
#include "export/AuditExportRequest.h"

namespace {
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("The file to write (.csv)."),
                             QStringLiteral("FILE"));
} // namespace

QString AuditCommand::summary() const
{
    return tr("\"audit verify\": check the audit log's hash chain; \"audit export --out FILE.csv\": give it to an "
              "inspector.");
}

void AuditCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(OUT);
    parser.addPositionalArgument(QStringLiteral("action"), tr("verify or export."));
}

int AuditCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(1);
    if (positional.size() != 2 || (action != QLatin1String("verify") && action != QLatin1String("export"))) {
        context.err << tr("Say \"audit verify\" or \"audit export --out FILE.csv\".") << Qt::endl;
        return 2;
    }
    std::optional<QString> path;
    if (action == QLatin1String("export")) {
        path = ExportWindow::outputPath(parser, OUT, {QStringLiteral(".csv")}, context);
        if (!path)
            return 2;
    }
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    if (action == QLatin1String("verify")) {
        const auto verified = session.value()->audit().verify();
        if (!verified)
            return context.fail(verified.error());
        if (const auto* broken = std::get_if<AuditLog::Break>(&verified.value())) {
            context.err << tr("The audit log is not intact: %1.").arg(broken->reason) << Qt::endl;
            return 1;
        }
        context.out << tr("The audit log is intact: %1 rows, each linked to the one before.")
                           .arg(std::get<qint64>(verified.value()))
                    << '\n';
        return 0;
    }
    AuditExportRequest request;
    request.ask.path = *path;
    request.ask.actor = QStringLiteral("cli");
    const auto handed = request.run(session.value()->records());
    if (!handed)
        return context.fail(handed.error());
    context.out << tr("%1 audit rows written to %2.").arg(handed->rows).arg(*path) << '\n';
    return 0;
}
