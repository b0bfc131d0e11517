// FinderPatternScan: the three finder patterns of a drawn code are found where ISO/IEC 18004 puts
// them, straight, turned and shown small on a phone; the region covers the code; a frame of
// noise (however strong), of printed text or of tiles gives no region (so the decoder's second
// look stays off).
#include "PhoneScene.h"
#include "qr/FinderPatternScan.h"
#include "qr/QrEncoder.h"

#include <QGuiApplication>
#include <QLineF>
#include <QPainter>
#include <QTest>

namespace {
const QString TEXT = QStringLiteral("058179015729||Đặng Thuỳ Dương|03011952|Nữ|Tổ 5, Phường An Cựu, TP Huế|07042016");

// The code of TEXT at `module` pixels a module with its top-left corner (quiet zone included) at
// `at`, on a grey 1280x720 frame.
QImage frameWithCode(int module, QPoint at, int* modules)
{
    const QImage code = QrEncoder::encode(TEXT, module);
    *modules = code.width() / module - 8; // without the quiet zone of 4 on each side
    QImage frame(1280, 720, QImage::Format_Grayscale8);
    frame.fill(128);
    QPainter(&frame).drawImage(at, code);
    return frame;
}

} // namespace

class TestFinderPatternScan : public QObject
{
    Q_OBJECT

private slots:
    void findsTheThreeFinders()
    {
        int modules = 0;
        const int module = 4;
        const QPoint at(400, 150);
        const LumaFrame frame = LumaFrame::fromImage(frameWithCode(module, at, &modules));
        const QList<FinderPatternScan::Candidate> found = FinderPatternScan::candidates(frame);
        // Finder centres are 3.5 modules in from three corners of the symbol (ISO/IEC 18004:2015,
        // 6.3.3); the symbol starts after the quiet zone.
        const QPointF origin = at + QPointF(4 * module, 4 * module);
        const double in = 3.5 * module;
        const double far = (modules - 3.5) * module;
        for (const QPointF expected :
             {origin + QPointF(in, in), origin + QPointF(far, in), origin + QPointF(in, far)}) {
            const bool seen = std::any_of(found.cbegin(), found.cend(), [&](const FinderPatternScan::Candidate& c) {
                return QLineF(c.centre, expected).length() < module && std::abs(c.module - module) < 1;
            });
            QVERIFY2(seen, qPrintable(QStringLiteral("no finder at %1,%2").arg(expected.x()).arg(expected.y())));
        }
        const QRect region = FinderPatternScan::suspectRegion(frame);
        const QRect symbol(origin.toPoint(), QSize(modules * module, modules * module));
        QVERIFY2(region.contains(symbol), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                         .arg(region.x())
                                                         .arg(region.y())
                                                         .arg(region.width())
                                                         .arg(region.height())));
        // Not the whole frame: only the code and its surroundings are looked at again.
        QVERIFY(region.width() < 3 * symbol.width() && region.height() < 3 * symbol.height());
    }

    void turnedAndNoisy()
    {
        const QImage code = QrEncoder::encode(TEXT, 5);
        QImage frame(1280, 720, QImage::Format_Grayscale8);
        frame.fill(128);
        {
            QPainter painter(&frame);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.translate(640, 360);
            painter.rotate(33);
            painter.drawImage(-code.width() / 2, -code.height() / 2, code);
        }
        const QRect region = FinderPatternScan::suspectRegion(LumaFrame::fromImage(withCameraNoise(frame, 10, 3)));
        QVERIFY(region.contains(QPoint(640, 360)));
        QVERIFY(region.width() < 640);
    }

    void densePassShownSmall()
    {
        const QString pass = QStringLiteral("GATEHOUSE:1:") + QString(340, QLatin1Char('x')); // 77 modules
        const QRect region = FinderPatternScan::suspectRegion(LumaFrame::fromImage(phoneScene(pass, 2.0, 9, 1)));
        // phoneScene puts the code's centre at (600 + 37 % 80, 340 + 23 % 60) for seed 1.
        QVERIFY(region.contains(QPoint(637, 363)));
    }

    void nothingInAnEmptyLobby_data()
    {
        QTest::addColumn<QImage>("image");
        QImage plain(1280, 720, QImage::Format_Grayscale8);
        plain.fill(120);
        QTest::addRow("camera noise on a wall") << withCameraNoise(plain, 15, 1);
        QTest::addRow("a dim room, the gain up") << withCameraNoise(plain, 40, 2);
        QTest::addRow("pure noise") << withCameraNoise(plain, 127, 2);
        QImage notices(1280, 720, QImage::Format_RGB32);
        notices.fill(QColor(240, 238, 230));
        {
            QPainter painter(&notices);
            QFont font = painter.font();
            int y = 40;
            for (int size : {28, 18, 14, 12, 12, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10}) {
                font.setPixelSize(size);
                painter.setFont(font);
                painter.drawText(20, y,
                                 QStringLiteral("Cài Bluezone trước khi vào – Phòng 204, tầng 2 – giờ làm việc "
                                                "7:30–17:00 | Install Bluezone before entering ■ □ ▣ ◼ 03/08/2020"));
                y += size * 2 + 8;
            }
        }
        QTest::addRow("a notice board") << withCameraNoise(notices, 6, 3);
        QImage tiles(1280, 720, QImage::Format_Grayscale8);
        tiles.fill(200);
        {
            QPainter painter(&tiles);
            for (int x = 0; x < 1280; x += 40) {
                for (int y = 0; y < 720; y += 40) {
                    const int grey = ((x + y) / 40) % 2 ? 60 : 170;
                    painter.fillRect(x + 2, y + 2, 36, 36, QColor(grey, grey, grey));
                }
            }
        }
        QTest::addRow("tiles") << withCameraNoise(tiles, 6, 4);
    }

    void nothingInAnEmptyLobby()
    {
        QFETCH(QImage, image);
        const QRect region = FinderPatternScan::suspectRegion(LumaFrame::fromImage(image));
        QVERIFY2(region.isEmpty(), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                  .arg(region.x())
                                                  .arg(region.y())
                                                  .arg(region.width())
                                                  .arg(region.height())));
        QVERIFY(FinderPatternScan::suspectRegion(LumaFrame()).isEmpty());
    }
};

QTEST_MAIN(TestFinderPatternScan)
#include "TestFinderPatternScan.moc"
