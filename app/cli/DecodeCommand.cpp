// `gatehouse-cli decode` (formats/cli.md).
#include "DecodeCommand.h"

#include "common/JsonLine.h"
#include "common/SystemClock.h"
#include "qr/ClipSource.h"
#include "qr/ImageSource.h"
#include "qr/PayloadRecognizer.h"
#include "qr/QrDecoder.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QImageReader>
#include <QMimeDatabase>

namespace {
const QCommandLineOption TRUST(QStringLiteral("trust"),
                               QStringLiteral("Directory of trusted pass keys (*.pem); default [passes] trust_dir."),
                               QStringLiteral("DIR"));
const QCommandLineOption SITE(QStringLiteral("site"), QStringLiteral("Refuse passes for any other site."),
                              QStringLiteral("ID"));
const QCommandLineOption JSON(QStringLiteral("json"), QStringLiteral("Print one JSON object a line."));

QByteArray payloadLine(const QString& file, const QrCode& code, const QrPayload& payload, bool json)
{
    if (!json) {
        QString line = file + QStringLiteral(": ") + QrPayload::kindName(payload.kind);
        if (payload.valid)
            line += *payload.valid ? QStringLiteral(" valid") : QStringLiteral(" refused (") + payload.reason + u')';
        for (const auto& [name, value] : payload.fields)
            line += QStringLiteral("\n  ") + name + QStringLiteral(": ") + value;
        if (payload.kind == QrPayload::Kind::Url || payload.kind == QrPayload::Kind::Text)
            line += QStringLiteral("\n  ") + payload.text;
        return line.toUtf8();
    }
    JsonLine fields;
    for (const auto& [name, value] : payload.fields)
        fields.add(qPrintable(name), value);
    JsonLine line;
    line.add("file", file).add("found", true).add("format", code.format).add("text", payload.text);
    line.add("kind", QrPayload::kindName(payload.kind));
    if (payload.valid)
        line.add("valid", *payload.valid);
    else
        line.addNull("valid");
    line.addOrNull("reason", payload.reason);
    if (!payload.detail.isEmpty())
        line.add("detail", payload.detail);
    line.addRaw("fields", fields.toJson());
    return line.toJson();
}

enum class Media { Image, Video, Other };

// By content and name: a folder, a JSON or a text file named among images is skipped with a
// warning, not an error.
Media mediaOf(const QString& path)
{
    static const QMimeDatabase mimes;
    const QString type = mimes.mimeTypeForFile(path).name();
    if (type.startsWith(QLatin1String("image/")))
        return Media::Image;
    if (type.startsWith(QLatin1String("video/")))
        return Media::Video;
    return Media::Other;
}
} // namespace

QString DecodeCommand::summary() const
{
    return tr("Find QR codes in images and videos and say what they are.");
}

void DecodeCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({TRUST, SITE, JSON});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("Images (PNG, JPEG) or video files."),
                                 QStringLiteral("FILE..."));
}

int DecodeCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    QStringList files = parser.positionalArguments();
    files.removeFirst(); // the command's own name
    if (files.isEmpty()) {
        context.err << tr("decode needs at least one image or video file.") << Qt::endl;
        return 2;
    }
    TrustStore trust;
    const QString trustDirectory = parser.isSet(TRUST) ? parser.value(TRUST) : context.settings.trustDirectory();
    if (!trustDirectory.isEmpty()) {
        auto loaded = TrustStore::load(trustDirectory);
        if (!loaded) {
            context.err << loaded.error().message() << Qt::endl;
            return 2;
        }
        for (const QString& warning : loaded->warnings())
            context.err << warning << Qt::endl;
        trust = loaded.value();
    }
    const PayloadRecognizer recognizer(trust, parser.value(SITE));
    const QDateTime now = context.now.isValid() ? context.now : QDateTime::currentDateTimeUtc();
    const bool json = parser.isSet(JSON);
    SystemClock clock;
    int exitCode = 0;

    for (const QString& file : std::as_const(files)) {
        QList<QrCode> codes;
        if (!QFileInfo::exists(file)) {
            context.err << tr("The file %1 does not exist.").arg(file) << Qt::endl;
            exitCode = 2;
            continue;
        }
        const Media media = mediaOf(file);
        if (media == Media::Other) {
            context.err << tr("%1 is not an image or a video; skipped.").arg(file) << Qt::endl;
            continue;
        }
        if (media == Media::Video) {
            // Every distinct code of the clip, in the order first seen; frames that arrive while
            // one is decoded are skipped by the sink, as on a kiosk.
            ClipSource clip(file, clock, 2.0);
            QEventLoop loop;
            bool failed = false;
            QObject::connect(&clip, &FrameSource::frameArrived, &clip, [&codes](const LumaFrame& frame) {
                for (const QrCode& code : QrDecoder::decode(frame)) {
                    const bool seen = std::any_of(codes.cbegin(), codes.cend(),
                                                  [&code](const QrCode& c) { return c.text == code.text; });
                    if (!seen)
                        codes.append(code);
                }
            });
            QObject::connect(&clip, &FrameSource::errorOccurred, &clip, [&](const Error& error) {
                context.err << error.message() << Qt::endl;
                failed = true;
            });
            QObject::connect(&clip, &FrameSource::finished, &loop, &QEventLoop::quit);
            clip.start();
            loop.exec();
            if (failed) {
                exitCode = 2;
                continue;
            }
        } else {
            auto frame = ImageSource::read(file);
            if (!frame) {
                context.err << frame.error().message() << Qt::endl;
                exitCode = 2;
                continue;
            }
            codes = QrDecoder::decode(frame.value());
        }
        if (codes.isEmpty()) {
            context.out << (json ? JsonLine().add("file", file).add("found", false).toJson()
                                 : (file + QStringLiteral(": ") + tr("no code found")).toUtf8())
                        << '\n';
            continue;
        }
        for (const QrCode& code : std::as_const(codes))
            context.out << payloadLine(file, code, recognizer.recognize(code.text, now), json) << '\n';
    }
    return exitCode;
}
