// KioskFlow, the kiosk's state machine: every transition, each policy with and without the app,
// Bluezone's 15-second silence while a visitor waits, the health declaration, check-out, the
// receptionist's override, idle reset and what the next visitor must never inherit.
#include "SiteLog.h"
#include "checkin/DirectCheckIn.h"
#include "checkin/KioskFlow.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDateTime START(QDate(2020, 8, 3), QTime(1, 30), Qt::UTC);
const QString CARD = QStringLiteral("058179015729||Đặng Thuỳ Dương|03011952|Nữ|Tổ 5, Phường An Cựu, TP Huế|07042016");
const QString OTHER_CARD = QStringLiteral("079192199020|675359205|Phạm Minh Đức|18041993|Nam|Phú Vang|13082017");

} // namespace

class TestKioskFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<SiteLog> m_site;
    std::unique_ptr<CheckInService> m_service;
    std::unique_ptr<PayloadRecognizer> m_recognizer;
    std::unique_ptr<DirectCheckIn> m_gateway;
    std::unique_ptr<KioskFlow> m_flow;

    void make(Policy::Kind policy, bool health = false)
    {
        Site site;
        site.policy = Policy(policy);
        m_service =
            std::make_unique<CheckInService>(site, m_site->log, m_site->audit, m_site->clock, nullptr, &m_site->pins);
        m_gateway = std::make_unique<DirectCheckIn>(*m_service);
        m_flow = std::make_unique<KioskFlow>(*m_gateway, *m_recognizer, m_site->clock, KioskFlow::Timing(), health);
    }

    void step(qint64 ms)
    {
        m_site->clock.advance(ms);
        m_flow->tick();
    }

    QList<Entry> entries() { return m_site->entries(); }

private slots:
    void init()
    {
        m_site = std::make_unique<SiteLog>(m_dir.filePath(QStringLiteral("k%1.db").arg(++m_count)), START);
        m_recognizer = std::make_unique<PayloadRecognizer>(TrustStore());
        QVERIFY(m_site->accounts
                    .add(QStringLiteral("Phan Thị Lễ"), Accounts::Role::Receptionist, QStringLiteral("246810"),
                         QStringLiteral("test"))
                    .ok());
    }

    void checkInWithTheApp_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<qint64>("appAfterMs"); // when the phone is verified after the scan; -1: before it
        QTest::addRow("required") << int(Policy::Kind::Required) << qint64(2000);
        QTest::addRow("recommended") << int(Policy::Kind::Recommended) << qint64(2000);
        QTest::addRow("phone verified just before the scan") << int(Policy::Kind::Required) << qint64(-1);
        // The phone is in its 15-second silent half when the visitor is identified.
        QTest::addRow("after Bluezone's silent half") << int(Policy::Kind::Required) << qint64(16000);
    }

    void checkInWithTheApp()
    {
        QFETCH(int, policy);
        QFETCH(qint64, appAfterMs);
        make(Policy::Kind(policy));
        QSignalSpy states(m_flow.get(), &KioskFlow::stateChanged);
        if (appAfterMs < 0) {
            m_flow->appVerified(SiteLog::bluezonePhone());
            step(5000);
        }
        m_flow->codeScanned(CARD); // a scan at the idle screen starts the check-in
        if (appAfterMs >= 0) {
            QCOMPARE(m_flow->state(), KioskFlow::State::WaitForApp);
            QCOMPARE(m_flow->appWaitLeftMs(), 30000);
            for (qint64 t = 0; t < appAfterMs; t += 1000)
                step(1000);
            QCOMPARE(m_flow->state(), KioskFlow::State::WaitForApp); // silence is not "no app"
            m_flow->appVerified(SiteLog::bluezonePhone());
        }
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        QVERIFY(m_flow->outcome() && m_flow->outcome()->entry);
        QCOMPARE(m_flow->outcome()->decision, Policy::Decision::Admit);
        QVERIFY(m_flow->message().startsWith(QStringLiteral("Welcome, Đặng Thuỳ Dương.")));
        const QList<Entry> stored = entries();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().appStatus, Entry::AppStatus::Verified);
        QCOMPARE(stored.first().method, Entry::Method::QrCccd);
        QCOMPARE(stored.first().app->appId, SiteLog::bluezonePhone().appId);
        step(6000); // the result screen ends
        QCOMPARE(m_flow->state(), KioskFlow::State::Idle);
    }

    void noAppAfterTheWait_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("decision");
        QTest::addColumn<bool>("stored");
        QTest::addRow("recommended: recorded, install QR")
            << int(Policy::Kind::Recommended) << int(Policy::Decision::AdmitAndRecommend) << true;
        QTest::addRow("required: see the receptionist")
            << int(Policy::Kind::Required) << int(Policy::Decision::SendToReceptionist) << false;
    }

    void noAppAfterTheWait()
    {
        QFETCH(int, policy);
        QFETCH(int, decision);
        QFETCH(bool, stored);
        make(Policy::Kind(policy));
        m_flow->codeScanned(CARD);
        step(29000);
        QCOMPARE(m_flow->state(), KioskFlow::State::WaitForApp);
        step(1000);
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        QCOMPARE(int(m_flow->outcome()->decision), decision);
        QCOMPARE(entries().size(), stored ? 1 : 0);
        if (stored)
            QCOMPARE(entries().first().appStatus, Entry::AppStatus::NotDetected);
    }

    void receptionistOverride()
    {
        make(Policy::Kind::Required);
        m_flow->codeScanned(CARD);
        step(30000);
        QCOMPARE(m_flow->outcome()->decision, Policy::Decision::SendToReceptionist);
        step(10000); // the refusal waits for the receptionist, not 6 s
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        QSignalSpy refusedOverride(m_flow.get(), &KioskFlow::overrideRefused);
        m_flow->overrideRefusal(QStringLiteral("Phan Thị Lễ"), QStringLiteral("111111"), QStringLiteral("old phone"));
        QCOMPARE(refusedOverride.size(), 1); // a wrong PIN admits nobody, and the refusal stays
        QVERIFY(entries().isEmpty());
        QVERIFY(m_flow->refused());
        m_flow->overrideRefusal(QStringLiteral("Phan Thị Lễ"), QStringLiteral("246810"),
                                QStringLiteral("old phone without Bluetooth LE"));
        QCOMPARE(entries().size(), 1);
        QCOMPARE(entries().first().appStatus, Entry::AppStatus::Overridden);
        // The audit log names the receptionist whose PIN it was.
        QCOMPARE(m_site->audit.latest(1).value().first().actor, QStringLiteral("Phan Thị Lễ"));
        QCOMPARE(m_site->audit.latest(1).value().first().action, QStringLiteral("override"));
        step(6000);
        QCOMPARE(m_flow->state(), KioskFlow::State::Idle);
    }

    void aScanOverARefusalStartsAfresh()
    {
        // A refused visitor walks off; the next one scans their card while the red screen still
        // waits for the receptionist. Their check-in must not inherit the refusal: today a failed
        // check-in of theirs left the last visitor's request open to the receptionist's override.
        make(Policy::Kind::Required);
        m_flow->codeScanned(CARD);
        step(30000);
        QVERIFY(m_flow->refused());
        m_flow->codeScanned(OTHER_CARD);
        QCOMPARE(m_flow->state(), KioskFlow::State::WaitForApp);
        QVERIFY(!m_flow->outcome()); // nothing of the last visitor's result
        QSqlQuery query(m_site->database->connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA query_only=ON"))); // the next check-in fails to store
        m_flow->appVerified(SiteLog::bluezonePhone());
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        QVERIFY(!m_flow->refused());
        QVERIFY(query.exec(QStringLiteral("PRAGMA query_only=OFF")));
        m_flow->overrideRefusal(QStringLiteral("Phan Thị Lễ"), QStringLiteral("246810"), QStringLiteral("reason"));
        QVERIFY(entries().isEmpty()); // the first visitor was not admitted by the back door
    }

    void withoutBluetoothThePolicyDecidesAtOnce()
    {
        // No adapter: nobody waits 30 s for an app that cannot be seen; a required site sends the
        // visitor to the receptionist, as its policy says.
        make(Policy::Kind::Required);
        m_flow->setAppCheckAvailable(false);
        m_flow->codeScanned(CARD);
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        QCOMPARE(m_flow->outcome()->decision, Policy::Decision::SendToReceptionist);
        QVERIFY(m_flow->refused());
        QVERIFY(entries().isEmpty());
    }

    void healthDeclaration()
    {
        make(Policy::Kind::Recommended, true);
        m_flow->startCheckIn();
        KioskFlow::Identity identity;
        identity.fullName = QStringLiteral("Nguyễn Văn An");
        identity.idNumber = QStringLiteral("046087496268");
        identity.phone = QStringLiteral("0905123456");
        m_flow->identifyManually(identity);
        m_flow->appVerified(SiteLog::bluezonePhone());
        QCOMPARE(m_flow->state(), KioskFlow::State::HealthDeclaration);
        QCOMPARE(entries().size(), 0); // nothing stored before the declaration is answered
        m_flow->answerHealthDeclaration({{QStringLiteral("fever"), QStringLiteral("no")}});
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        const Entry stored = entries().first();
        QCOMPARE(stored.method, Entry::Method::Manual);
        QCOMPARE(stored.phone, QStringLiteral("0905123456"));
        QCOMPARE(stored.declaration.size(), 1);
    }

    void idleResetDropsHalfFilledData_data()
    {
        QTest::addColumn<bool>("health");
        QTest::addRow("while identifying") << false;
        QTest::addRow("in the health declaration") << true;
    }

    void idleResetDropsHalfFilledData()
    {
        QFETCH(bool, health);
        make(Policy::Kind::Recommended, health);
        m_flow->startCheckIn();
        if (health) {
            m_flow->codeScanned(CARD);
            m_flow->appVerified(SiteLog::bluezonePhone());
            QCOMPARE(m_flow->state(), KioskFlow::State::HealthDeclaration);
        }
        step(59000);
        QVERIFY(m_flow->state() != KioskFlow::State::Idle);
        step(1000);
        QCOMPARE(m_flow->state(), KioskFlow::State::Idle);
        QCOMPARE(entries().size(), 0);
        // The next visitor's "no app" is not rescued by the last one's phone.
        m_flow->codeScanned(OTHER_CARD);
        QCOMPARE(m_flow->state(), KioskFlow::State::WaitForApp);
    }

    void onePhoneVerifiesOneVisitor()
    {
        make(Policy::Kind::Recommended);
        m_flow->appVerified(SiteLog::bluezonePhone());
        m_flow->codeScanned(CARD);
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        step(6000);
        m_flow->codeScanned(OTHER_CARD); // 6 s later, the same phone's verification is spent
        QCOMPARE(m_flow->state(), KioskFlow::State::WaitForApp);
    }

    void checkOut()
    {
        make(Policy::Kind::Recommended);
        m_flow->appVerified(SiteLog::bluezonePhone());
        m_flow->codeScanned(CARD);
        step(6000);
        m_flow->startCheckOut();
        QCOMPARE(m_flow->state(), KioskFlow::State::CheckOut);
        m_flow->codeScanned(OTHER_CARD); // not inside
        QCOMPARE(m_flow->state(), KioskFlow::State::CheckOut);
        QVERIFY(m_flow->message().contains(QStringLiteral("Nobody")));
        m_flow->codeScanned(CARD);
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        // Their own card: a goodbye by name.
        QCOMPARE(m_flow->message(), QStringLiteral("Goodbye, Đặng Thuỳ Dương. Your check-out is recorded."));
        QCOMPARE(entries().first().checkoutKind, std::optional(Entry::CheckoutKind::Kiosk));
    }

    void typedNumbersNameNobody()
    {
        // A number typed at the kiosk may be anyone's: neither the goodbye nor "already inside"
        // may say whose it is.
        make(Policy::Kind::Recommended);
        m_flow->appVerified(SiteLog::bluezonePhone());
        m_flow->codeScanned(CARD);
        step(6000);
        m_flow->startCheckIn();
        KioskFlow::Identity someoneElse;
        someoneElse.fullName = QStringLiteral("Kẻ Lạ");
        someoneElse.idNumber = QStringLiteral("058 179 015 729"); // Dương's number, spaced
        m_flow->identifyManually(someoneElse);
        m_flow->appVerified(SiteLog::bluezonePhone());
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        QVERIFY(!m_flow->outcome());
        QVERIFY2(!m_flow->message().contains(QStringLiteral("Dương")), qPrintable(m_flow->message()));
        // Issue 24: nor whether, or since when, that number is inside.
        QCOMPARE(m_flow->message(), QStringLiteral("This ID number cannot be checked in at the kiosk now. Please see "
                                                   "the receptionist."));
        QCOMPARE(entries().size(), 1);

        // Dương came in with her card: a typed number does not check her out, and the answer is the
        // one a number nobody has inside gets.
        m_flow->startCheckOut();
        m_flow->checkOutByIdNumber(QStringLiteral("058-179-015-729"));
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        QVERIFY(m_flow->typedCheckOut());
        const QString answer = m_flow->message();
        QVERIFY2(answer.contains(QStringLiteral("scan it to check out, or see the receptionist")), qPrintable(answer));
        QVERIFY(!entries().first().checkedOutAt.has_value());
        m_flow->startCheckOut();
        m_flow->checkOutByIdNumber(QStringLiteral("079192199020")); // nobody inside
        QCOMPARE(m_flow->message(), answer);
        // Her card does.
        m_flow->startCheckOut();
        m_flow->codeScanned(CARD);
        QVERIFY(!m_flow->typedCheckOut());
        QVERIFY(entries().first().checkedOutAt.has_value());
    }

    // Issue 24: who came in by typing their number leaves by typing it, with the same answer.
    // Issue 24: a pass's stand-in ("PASS:" and its id) typed at the kiosk is refused by the flow
    // and by the service, whatever screen sends it: a pass is shown, never typed.
    void aPassIdentifierIsNeverTyped()
    {
        make(Policy::Kind::Recommended);
        m_flow->startCheckIn();
        KioskFlow::Identity typed;
        typed.fullName = QStringLiteral("Kẻ Lạ");
        typed.idNumber = QStringLiteral("PASS:P-7");
        m_flow->identifyManually(typed);
        QCOMPARE(m_flow->state(), KioskFlow::State::Identify);
        QVERIFY2(m_flow->message().contains(QStringLiteral("visitor pass")), qPrintable(m_flow->message()));
        CheckInService::Request request;
        request.entry.fullName = typed.fullName;
        request.entry.idNumber = typed.idNumber;
        request.entry.method = Entry::Method::Manual;
        QVERIFY(!m_service->checkIn(request).ok());
        m_flow->cancel();
        m_flow->startCheckOut();
        QCOMPARE(m_flow->state(), KioskFlow::State::CheckOut);
        m_flow->checkOutByIdNumber(QStringLiteral("PASS:P-7"));
        QCOMPARE(m_flow->state(), KioskFlow::State::CheckOut);
        QCOMPARE(entries().size(), 0);
    }

    void aTypedEntryEndsWithATypedNumber()
    {
        make(Policy::Kind::Recommended);
        m_flow->startCheckIn();
        KioskFlow::Identity typed;
        typed.fullName = QStringLiteral("Lê Thị Thu Hà");
        typed.idNumber = QStringLiteral("046201007788");
        m_flow->identifyManually(typed);
        m_flow->appVerified(SiteLog::bluezonePhone());
        QVERIFY(m_flow->outcome() && m_flow->outcome()->entry);
        step(6000);
        m_flow->startCheckOut();
        m_flow->checkOutByIdNumber(QStringLiteral("046 201 007 788"));
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        QVERIFY2(m_flow->message().startsWith(QStringLiteral("Thank you. If you came in by typing this number")),
                 qPrintable(m_flow->message()));
        QCOMPARE(entries().first().checkoutKind, std::optional(Entry::CheckoutKind::Kiosk));
        // A malformed number is said as such: that tells nothing of anybody.
        m_flow->startCheckOut();
        m_flow->checkOutByIdNumber(QStringLiteral("0462"));
        QCOMPARE(m_flow->state(), KioskFlow::State::CheckOut);
    }

    void codesThatAreNotIdentity()
    {
        make(Policy::Kind::Recommended);
        m_flow->startCheckIn();
        m_flow->codeScanned(QStringLiteral("https://bluezone.vn/"));
        QCOMPARE(m_flow->state(), KioskFlow::State::Identify);
        QVERIFY(m_flow->message().contains(QStringLiteral("not an ID card")));
        m_flow->codeScanned(QStringLiteral("05817901572||Dương|03011952|Nữ|Huế|07042016")); // 11 digits
        QCOMPARE(m_flow->state(), KioskFlow::State::Identify);
        m_flow->codeScanned(QStringLiteral("GATEHOUSE:1:abc.def.ghi"));
        QCOMPARE(m_flow->state(), KioskFlow::State::Identify);
        QVERIFY(m_flow->message().contains(QStringLiteral("not a readable Gatehouse pass")));
        QCOMPARE(entries().size(), 0);
    }

    void storageFailureIsNeverAWelcome()
    {
        make(Policy::Kind::Recommended);
        QSqlQuery query(m_site->database->connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA query_only=ON")));
        m_flow->appVerified(SiteLog::bluezonePhone());
        m_flow->codeScanned(CARD);
        QCOMPARE(m_flow->state(), KioskFlow::State::Result);
        QVERIFY(!m_flow->outcome());
        QVERIFY2(m_flow->message().contains(QStringLiteral("Nothing was recorded")), qPrintable(m_flow->message()));
    }
};

QTEST_GUILESS_MAIN(TestKioskFlow)
#include "TestKioskFlow.moc"
