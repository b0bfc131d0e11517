// `gatehouse-cli audit verify|export`.
#include "AuditCommand.h"

#include "ExportWindow.h"
#include "LogSession.h"
#include "central/CentralAuditAnchor.h"
#include "export/AuditExportRequest.h"

namespace {
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("The file to write (.csv)."),
                             QStringLiteral("FILE"));
const QCommandLineOption ANCHOR(QStringLiteral("anchor"),
                                QStringLiteral("The chain's head as kept outside the file: a signed manifest's "
                                               "audit_head (ID:HASH)."),
                                QStringLiteral("ID:HASH"));
} // namespace

QString AuditCommand::summary() const
{
    return tr("\"audit verify\": check the audit log's hash chain; \"audit export --out FILE.csv\": give it to an "
              "inspector.");
}

void AuditCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({OUT, ANCHOR});
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
        // The heads kept outside the file (issue 24): one given, and the central store's when the
        // kiosk is joined to one and it answers.
        QList<std::pair<QString, AuditLog::Head>> anchors;
        if (parser.isSet(ANCHOR)) {
            const auto given = AuditLog::Head::parse(parser.value(ANCHOR));
            if (!given) {
                context.err << tr("--anchor takes a manifest's audit_head: the row number, a colon and 64 hex "
                                  "digits.")
                            << Qt::endl;
                return 2;
            }
            anchors.append({tr("the anchor given"), *given});
        }
        QString unanchored;
        if (context.settings.hasCentral()) {
            const auto central =
                CentralAuditAnchor::fetch(context.settings.centralUri(), context.settings.centralKioskId(), 10);
            if (!central)
                unanchored = tr("The central store could not be reached (%1): the chain was checked within the file "
                                "only, where rows removed from its end do not show.")
                                 .arg(central.error().message());
            else if (central.value())
                anchors.append({tr("the central store's copy"), *central.value()});
        } else if (!parser.isSet(ANCHOR)) {
            unanchored = tr("No anchor outside the file (no central store, no --anchor): the chain was checked "
                            "within the file only, where rows removed from its end do not show.");
        }
        std::optional<AuditLog::Head> none;
        QList<std::pair<QString, std::optional<AuditLog::Head>>> checks{{QString(), none}};
        for (const auto& [source, head] : anchors)
            checks.append({source, head});
        qint64 rows = 0;
        for (const auto& [source, anchor] : checks) {
            const auto verified = session.value()->audit().verify(anchor);
            if (!verified)
                return context.fail(verified.error());
            if (const auto* broken = std::get_if<AuditLog::Break>(&verified.value())) {
                context.err << (source.isEmpty()
                                    ? tr("The audit log is not intact: %1.").arg(broken->reason)
                                    : tr("The audit log is not intact against %1: %2.").arg(source, broken->reason))
                            << Qt::endl;
                return 1;
            }
            rows = std::get<qint64>(verified.value());
        }
        context.out << tr("The audit log is intact: %1 rows, each linked to the one before.").arg(rows);
        for (const auto& [source, head] : anchors)
            context.out << ' ' << tr("Checked against %1, which ends at row %2.").arg(source).arg(head.id);
        context.out << '\n';
        if (!unanchored.isEmpty())
            context.err << unanchored << Qt::endl;
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
