// `gatehouse-cli demo-data --out DIR`: the data the kiosk's demo mode replays (resources/demo):
// a lobby capture from LobbySimulator (visitors with the app come to the kiosk about every 20 s,
// a few passers-by and one beacon: small enough to ship) and one short MJPEG clip per demo
// visitor showing the QR of a made-up citizen ID card (formats/cccd-qr.md) as a camera would.
// Deterministic: running it again writes the same files.
#include "DemoDataCommand.h"

#include "ble/CaptureWriter.h"
#include "ble/LobbySimulator.h"
#include "qr/MjpegClipWriter.h"
#include "qr/QrEncoder.h"

#include <QDir>
#include <QPainter>

namespace {
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("The folder to write the demo data to."),
                             QStringLiteral("DIR"));

// Made-up people (numbers in Thừa Thiên Huế's 046 range, never real cards).
const char* const Visitors[] = {
    "046090001234||Nguyễn Thị Hoa|12031990|Nữ|12 Lê Lợi, Phú Hội, TP Huế|01062021",
    "046085004321|191234567|Trần Văn Minh|05071985|Nam|45 Hùng Vương, Phú Nhuận, TP Huế|15052021",
    "046201007788||Lê Thị Thu Hà|21092001|Nữ|7 Đinh Tiên Hoàng, Thuận Thành, TP Huế|20042021",
    "046078002468|190876543|Phạm Quốc Bảo|30011978|Nam|88 Nguyễn Huệ, Vĩnh Ninh, TP Huế|02022021",
    "046095003579||Hoàng Ngọc Anh|14021995|Nữ|23 Trần Hưng Đạo, Phú Hòa, TP Huế|11112021",
    "046066009999|190111222|Võ Văn Tâm|09091966|Nam|5 Bà Triệu, Xuân Phú, TP Huế|25032021",
};
constexpr QSize FrameSize(480, 360);
constexpr int FramesPerSecond = 10;
} // namespace

QString DemoDataCommand::summary() const
{
    return tr("Make the kiosk's demo data: a lobby capture and QR clips of made-up visitors.");
}

void DemoDataCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(OUT);
}

int DemoDataCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QString out = parser.value(OUT);
    if (out.isEmpty() || !QDir().mkpath(out)) {
        context.err << tr("demo-data needs --out DIR, a folder Gatehouse can create.") << Qt::endl;
        return 2;
    }
    LobbySimulator::Config lobby;
    lobby.durationMs = 10 * 60 * 1000;
    lobby.seed = 2020;
    lobby.visitorsPerHour = 180;
    lobby.passersPerHour = 40;
    lobby.beacons = 1;
    CaptureWriter capture;
    const QString capturePath = QDir(out).filePath(QStringLiteral("lobby.jsonl"));
    Result<void> written = capture.open(capturePath);
    qint64 adverts = 0;
    if (written) {
        LobbySimulator(lobby).run([&](const Advertisement& advert) {
            if (written) {
                written = capture.write(advert);
                ++adverts;
            }
        });
    }
    if (written)
        written = capture.close();
    if (!written)
        return context.fail(written.error());

    int index = 0;
    for (const char* visitor : Visitors) {
        // A second and a half of a card held up in front of the camera, a little off centre and moving.
        const QImage code = QrEncoder::encode(QString::fromUtf8(visitor), 3);
        MjpegClipWriter clip;
        const QString path = QDir(out).filePath(QStringLiteral("visitor-%1.avi").arg(++index));
        Result<void> step = clip.open(path, FrameSize, FramesPerSecond);
        for (int frame = 0; step && frame < 3 * FramesPerSecond / 2; ++frame) {
            QImage image(FrameSize, QImage::Format_RGB32);
            image.fill(QColor(0x6b, 0x6b, 0x60)); // a lobby's grey
            QPainter painter(&image);
            const QPoint at((FrameSize.width() - code.width()) / 2 + frame * 2 - 20,
                            (FrameSize.height() - code.height()) / 2 + (frame % 4) - 2);
            painter.fillRect(QRect(at, code.size()).adjusted(-24, -24, 24, 24), Qt::white); // the card
            painter.drawImage(at, code);
            painter.end();
            step = clip.add(image, 60);
        }
        if (step)
            step = clip.close();
        if (!step)
            return context.fail(step.error());
    }
    context.out << tr("Demo data written to %1: %2 adverts, %3 visitor clips.").arg(out).arg(adverts).arg(index)
                << '\n';
    return 0;
}
