// `gatehouse-cli pass issue --key FILE --name N [--host H] --from ISO --to ISO [--png FILE]`
// (formats/cli.md): prints the pass, and writes its QR as a PNG when asked.
#include "PassCommand.h"

#include "crypto/Ed25519Key.h"
#include "qr/QrEncoder.h"
#include "qr/VisitorPass.h"

#include <QImageWriter>
#include <QRandomGenerator>
#include <QSaveFile>

#include <array>

namespace {
const QCommandLineOption KEY(QStringLiteral("key"), QStringLiteral("The site's private key (site.pem)."),
                             QStringLiteral("FILE"));
const QCommandLineOption NAME(QStringLiteral("name"), QStringLiteral("The visitor's full name."), QStringLiteral("N"));
const QCommandLineOption HOST(QStringLiteral("host"), QStringLiteral("The person visited."), QStringLiteral("H"));
const QCommandLineOption FROM(QStringLiteral("from"), QStringLiteral("Valid from (ISO 8601)."), QStringLiteral("ISO"));
const QCommandLineOption TO(QStringLiteral("to"), QStringLiteral("Valid until (ISO 8601)."), QStringLiteral("ISO"));
const QCommandLineOption PNG(QStringLiteral("png"), QStringLiteral("Write the pass's QR code to this PNG file."),
                             QStringLiteral("FILE"));
const QCommandLineOption SITE(QStringLiteral("site"), QStringLiteral("Site id (default: the configuration's)."),
                              QStringLiteral("ID"));
} // namespace

QString PassCommand::summary() const
{
    return tr("\"pass issue\": sign a visitor pass for a pre-registered visitor.");
}

void PassCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({KEY, NAME, HOST, FROM, TO, PNG, SITE});
    parser.addPositionalArgument(QStringLiteral("issue"), tr("Issue a pass."));
}

int PassCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional[1] != QLatin1String("issue")) {
        context.err << tr("Say \"pass issue\" with --key, --name, --from and --to.") << Qt::endl;
        return 2;
    }
    for (const QCommandLineOption& required : {KEY, NAME, FROM, TO}) {
        if (!parser.isSet(required) || parser.value(required).trimmed().isEmpty()) {
            context.err << tr("pass issue needs --%1.").arg(required.names().constFirst()) << Qt::endl;
            return 2;
        }
    }
    const QDateTime from = QDateTime::fromString(parser.value(FROM), Qt::ISODate);
    const QDateTime to = QDateTime::fromString(parser.value(TO), Qt::ISODate);
    if (!from.isValid() || !to.isValid()) {
        context.err << tr("--from and --to need a date and time in ISO 8601 form, such as 2020-08-01T08:00:00+07:00.")
                    << Qt::endl;
        return 2;
    }
    if (from >= to) {
        context.err << tr("--from must be before --to.") << Qt::endl;
        return 2;
    }
    auto key = Ed25519Key::load(parser.value(KEY));
    if (!key) {
        context.err << key.error().message() << Qt::endl;
        return 2;
    }
    if (!key->hasPrivateKey()) {
        context.err
            << tr("%1 is a public key; a pass is signed with the private key (site.pem).").arg(parser.value(KEY))
            << Qt::endl;
        return 2;
    }
    const QString site = parser.isSet(SITE) ? parser.value(SITE) : context.settings.siteId();
    // 128 random bits from the system's generator, "P" and 32 hex digits (issue 24): with 32 bits
    // a site that issues passes for years would see two alike and, with single-use passes, refuse
    // a visitor's pass as already used (and anybody could guess a valid one's identifier).
    std::array<quint32, 4> random{};
    QRandomGenerator::system()->fillRange(random.data(), qsizetype(random.size()));
    const QString passId =
        QLatin1Char('P') +
        QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(random.data()), sizeof(random)).toHex());
    const QDateTime issuedAt = context.now.isValid() ? context.now : QDateTime::currentDateTimeUtc();
    const QString pass = VisitorPass::issue(key.value(), passId, parser.value(NAME).trimmed(), site,
                                            parser.value(HOST).trimmed(), issuedAt, from, to);
    if (parser.isSet(PNG)) {
        const QImage image = QrEncoder::encode(pass, 6);
        QSaveFile file(parser.value(PNG));
        QImageWriter writer(&file, "png");
        if (image.isNull() || !file.open(QIODevice::WriteOnly) || !writer.write(image) || !file.commit()) {
            context.err << tr("Gatehouse cannot write the image %1.").arg(parser.value(PNG)) << Qt::endl;
            return 2;
        }
    }
    context.out << pass << '\n';
    return 0;
}
