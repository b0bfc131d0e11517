// ThreadedCheckIn: the kiosk's writer thread. Requests are answered later, on the caller's
// thread, in order; the database is touched only by the writer thread; a log that cannot be
// opened is a sentence at start; KioskFlow works through it end to end.
#include "FakeClock.h"
#include "checkin/KioskFlow.h"
#include "qr/PayloadRecognizer.h"
#include "records/ThreadedCheckIn.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {
CheckInService::Request visitor(const QString& name, const QString& idNumber)
{
    CheckInService::Request request;
    request.entry.fullName = name;
    request.entry.idNumber = idNumber;
    return request;
}
} // namespace

class TestThreadedCheckIn : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeClock m_clock{QDateTime(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC)};

private slots:
    void answersLaterOnTheCallersThread()
    {
        ThreadedCheckIn writer(Site(), m_clock);
        QVERIFY(writer.open(m_dir.filePath(QStringLiteral("a.db")), false).ok());
        QStringList answered;
        QList<QThread*> threads;
        writer.checkIn(visitor(QStringLiteral("Nguyễn Thị Hoa"), QStringLiteral("046090001234")),
                       [&](const Result<CheckInService::Outcome>& outcome) {
                           answered << (outcome ? outcome->entry->fullName : outcome.error().message());
                           threads << QThread::currentThread();
                       });
        // The same person again: refused (already inside), and answered after the first.
        writer.checkIn(visitor(QStringLiteral("Nguyễn Thị Hoa"), QStringLiteral("046090001234")),
                       [&](const Result<CheckInService::Outcome>& outcome) {
                           answered << (outcome ? QStringLiteral("admitted twice") : QStringLiteral("refused"));
                           threads << QThread::currentThread();
                       });
        QVERIFY(answered.isEmpty()); // never inside the call: the GUI thread does not wait
        QTRY_COMPARE(answered.size(), 2);
        QCOMPARE(answered, (QStringList{QStringLiteral("Nguyễn Thị Hoa"), QStringLiteral("refused")}));
        QCOMPARE(threads[0], QThread::currentThread());
        QCOMPARE(threads[1], QThread::currentThread());

        bool left = false;
        writer.checkOutPerson(QStringLiteral("046090001234"), Entry::CheckoutKind::Kiosk,
                              [&](const Result<Entry>& entry) { left = entry.ok() && entry->checkedOutAt; });
        QTRY_VERIFY(left);
    }

    void aLogThatCannotOpenIsASentence()
    {
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        ThreadedCheckIn writer(Site(), m_clock);
        const Result<void> opened = writer.open(blocker.fileName() + QStringLiteral("/data/log.db"), false);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message().contains(QStringLiteral("cannot create")),
                 qPrintable(opened.error().message()));
        bool answered = false;
        writer.checkIn(visitor(QStringLiteral("A"), QStringLiteral("046090001235")),
                       [&](const Result<CheckInService::Outcome>& outcome) { answered = !outcome.ok(); });
        QTRY_VERIFY(answered); // nothing recorded, and the flow is told so
    }

    void kioskFlowThroughTheWriter()
    {
        ThreadedCheckIn writer(Site(), m_clock);
        QVERIFY(writer.open(m_dir.filePath(QStringLiteral("b.db")), false).ok());
        PayloadRecognizer recognizer{TrustStore()};
        KioskFlow flow(writer, recognizer, m_clock, KioskFlow::Timing(), false);
        flow.codeScanned(QStringLiteral("046090001234||Nguyễn Thị Hoa|12031990|Nữ|12 Lê Lợi, TP Huế|01062021"));
        QCOMPARE(flow.state(), KioskFlow::State::WaitForApp);
        AppVerification phone;
        phone.profile = QStringLiteral("bluezone");
        flow.appVerified(phone);
        QVERIFY(flow.isRecording());
        flow.appVerified(phone); // a second advert while the writer works records nothing twice
        flow.tick();
        QTRY_COMPARE(flow.state(), KioskFlow::State::Result);
        QVERIFY(!flow.isRecording());
        QVERIFY(flow.outcome()->entry.has_value());
        QCOMPARE(flow.outcome()->entry->appStatus, Entry::AppStatus::Verified);
    }
};

QTEST_GUILESS_MAIN(TestThreadedCheckIn)
#include "TestThreadedCheckIn.moc"
