// The window of the officials' commands.
#include "ExportWindow.h"

#include "crypto/ExportKey.h"

const QCommandLineOption ExportWindow::From(QStringLiteral("from"), QStringLiteral("Start of the window (ISO 8601)."),
                                            QStringLiteral("ISO"));
const QCommandLineOption ExportWindow::To(QStringLiteral("to"), QStringLiteral("End of the window (ISO 8601)."),
                                          QStringLiteral("ISO"));

const QCommandLineOption ExportWindow::Sign(QStringLiteral("sign"),
                                            QStringLiteral("Sign the file's manifest with this private export key "
                                                           "(export.pem; default: [export] signing_key)."),
                                            QStringLiteral("KEY"));

const QCommandLineOption ExportWindow::Lang(QStringLiteral("lang"),
                                            QStringLiteral("The file's language: vi or en (exports and traces: en "
                                                           "unless given; reports: the site's)."),
                                            QStringLiteral("LANG"));

QString ExportWindow::language(const QCommandLineParser& parser, const QString& fallback)
{
    return parser.isSet(Lang) ? parser.value(Lang) : fallback;
}

Result<std::optional<Ed25519Key>> ExportWindow::signingKey(const QCommandLineParser& parser, const CliContext& context)
{
    const QString path = parser.isSet(Sign) ? parser.value(Sign) : context.settings.exportSigningKey();
    if (path.isEmpty())
        return std::optional<Ed25519Key>();
    auto key = ExportKey::load(path, context.settings.trustDirectory());
    if (!key)
        return key.error();
    return std::optional<Ed25519Key>(key.value());
}

std::optional<ExportWindow> ExportWindow::parse(const QCommandLineParser& parser, CliContext& context)
{
    ExportWindow window{QDateTime::fromString(parser.value(From), Qt::ISODate),
                        QDateTime::fromString(parser.value(To), Qt::ISODate)};
    if (!window.from.isValid() || !window.to.isValid()) {
        context.err << tr("Give --from and --to in ISO 8601, such as 2020-08-01T00:00:00+07:00.") << Qt::endl;
        return std::nullopt;
    }
    return window; // its order is checked with the rest of the ask (export/OfficialAsk.h)
}

std::optional<QString> ExportWindow::outputPath(const QCommandLineParser& parser, const QCommandLineOption& out,
                                                const QStringList& extensions, CliContext& context)
{
    const QString path = parser.value(out);
    for (const QString& extension : extensions) {
        if (path.endsWith(extension, Qt::CaseInsensitive) && path.size() > extension.size())
            return path;
    }
    context.err << tr("Name the --out file with %1.").arg(extensions.join(tr(" or "))) << Qt::endl;
    return std::nullopt;
}
