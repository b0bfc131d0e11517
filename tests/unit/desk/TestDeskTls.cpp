// The reception desk for a desk computer of the site's network (issue 24, the High finding's last
// part): the kiosk serves its Desk by TLS, and only a computer with a certificate the site's
// authority signed is let in; a console trusts only a kiosk whose certificate that authority signed
// for the host it dialled. Certificates are made with the openssl tool as the README tells a site
// (tests/fakes/SiteAuthority.h); the console's end is the console's own (desk/DeskLink.h), speaking
// to a real QSslServer on the loopback.
#include "DeskStaff.h"
#include "SiteAuthority.h"
#include "common/WorkerThread.h"
#include "crypto/DeskTls.h"
#include "desk/DeskLink.h"
#include "desk/DeskServer.h"
#include "desk/DeskWire.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace DeskStaff;

namespace {
const QString LOOPBACK = QStringLiteral("127.0.0.1");

// Asks verb of link and waits for the answer.
template <typename T>
Result<T> ask(DeskLink& link, const QString& verb, const DeskLink::Arguments& args = {})
{
    std::optional<Result<T>> answer;
    link.ask<T>(verb, args, [&answer](const Result<T>& result) { answer = result; });
    for (QDeadlineTimer answered(30000); !answer && !answered.hasExpired();)
        QTest::qWait(10);
    return answer ? *answer : Result<T>(Error(Error::Kind::Failed, QStringLiteral("no answer")));
}

QString sentence(const Error& error)
{
    return error.message();
}
} // namespace

class TestDeskTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SiteAuthority> m_site;     // the site's own authority
    std::unique_ptr<SiteAuthority> m_stranger; // another one: a public CA, another site
    SiteAuthority::Issued m_kiosk;             // for 127.0.0.1
    SiteAuthority::Issued m_desk;              // a desk computer of the site
    SiteAuthority::Issued m_strangeDesk;       // a computer with another authority's certificate
    SiteAuthority::Issued m_strangeKiosk;      // a server with another authority's certificate
    SiteAuthority::Issued m_otherHost;         // the site's, for another host
    std::unique_ptr<SiteLog> m_log;
    // The kiosk's side on a thread of its own, as RunningKiosk serves it: the console here waits
    // for its handshake as a console of another computer would.
    std::unique_ptr<WorkerThread> m_kioskSide;
    DeskServer* m_server = nullptr; // lives on m_kioskSide
    quint16 m_port = 0;
    QStringList m_refused; // who the kiosk's side turned away, heard on this thread
    int m_count = 0;

    int connections() const
    {
        int count = 0;
        m_kioskSide->run([&] { count = m_server->connections(); });
        return count;
    }

    DeskTls::Files files(const SiteAuthority::Issued& issued, const SiteAuthority& authority) const
    {
        return DeskTls::Files{issued.certificate, issued.key, authority.certificate()};
    }

    QSslConfiguration tls(const SiteAuthority::Issued& issued, const SiteAuthority& authority) const
    {
        const Result<QSslConfiguration> made =
            DeskTls::configuration(files(issued, authority), QDateTime::currentDateTimeUtc());
        if (!made)
            qWarning("%s", qPrintable(made.error().message()));
        return made ? made.value() : QSslConfiguration();
    }

    // The kiosk serving its desk on the loopback with kiosk's certificate, consoles of authority.
    bool serve(const SiteAuthority::Issued& kiosk)
    {
        const QString path = m_dir.filePath(QStringLiteral("t%1.db").arg(++m_count));
        m_log = std::make_unique<SiteLog>(path, START);
        if (!hire(*m_log) || !admitThreeVisitors(*m_log))
            return false;
        DeskServer::Config config;
        config.socketPath = m_dir.filePath(QStringLiteral("desk%1.sock").arg(m_count));
        config.owner = geteuid();
        config.desk.databasePath = path;
        config.desk.site.id = QStringLiteral("hue-dpc-01");
        config.desk.settingsPath = m_dir.filePath(QStringLiteral("gatehouse%1.ini").arg(m_count));
        config.network = DeskServer::Config::Network{QHostAddress::LocalHost, 0, tls(kiosk, *m_site)};
        m_refused.clear();
        m_kioskSide = std::make_unique<WorkerThread>(QStringLiteral("test-desk-tls"));
        Result<void> listening;
        m_kioskSide->run([&] {
            m_server = new DeskServer(config, m_log->clock, m_kioskSide->context());
            connect(m_server, &DeskServer::refused, this, [this](const QString& who) { m_refused.append(who); });
            listening = m_server->listen();
            m_port = m_server->networkPort();
        });
        if (!listening)
            qWarning("%s", qPrintable(listening.error().message()));
        return listening.ok() && m_port != 0;
    }

    DeskLink::Where kiosk(const QSslConfiguration& console, const QString& host = LOOPBACK) const
    {
        return DeskLink::Where{{}, host, m_port, console};
    }

private slots:
    void initTestCase()
    {
        if (!SiteAuthority::available())
            QSKIP("the openssl tool is not installed (packaging/install-deps.sh installs it)");
        m_site = std::make_unique<SiteAuthority>(m_dir.path(), QStringLiteral("site-authority"));
        m_stranger = std::make_unique<SiteAuthority>(m_dir.path(), QStringLiteral("stranger-authority"));
        QVERIFY(m_site->ok() && m_stranger->ok());
        const auto kiosk = m_site->kiosk(QStringLiteral("kiosk-1"),
                                         {QStringLiteral("DNS:kiosk-1.site.lan"), QStringLiteral("IP:127.0.0.1")});
        const auto desk = m_site->desk(QStringLiteral("desk-1"));
        const auto strangeDesk = m_stranger->desk(QStringLiteral("desk-9"));
        const auto strangeKiosk = m_stranger->kiosk(QStringLiteral("kiosk-9"), {QStringLiteral("IP:127.0.0.1")});
        const auto otherHost = m_site->kiosk(QStringLiteral("kiosk-2"), {QStringLiteral("DNS:kiosk-2.site.lan")});
        QVERIFY(kiosk && desk && strangeDesk && strangeKiosk && otherHost);
        m_kiosk = *kiosk;
        m_desk = *desk;
        m_strangeDesk = *strangeDesk;
        m_strangeKiosk = *strangeKiosk;
        m_otherHost = *otherHost;
    }

    void cleanup()
    {
        m_kioskSide.reset();
        m_server = nullptr;
        m_log.reset();
    }

    void aDeskComputerOfTheSiteIsServedAsAConsoleOfTheKiosksOwn()
    {
        QVERIFY(serve(m_kiosk));
        DeskLink console;
        const Result<void> connected = console.connectTo(kiosk(tls(m_desk, *m_site)));
        QVERIFY2(connected, qPrintable(connected ? QString() : sentence(connected.error())));
        // The lock screen's names, then nothing more until a person's PIN opens the desk.
        const Result<QStringList> names = ask<QStringList>(console, QStringLiteral("names"));
        QVERIFY2(names, qPrintable(names ? QString() : sentence(names.error())));
        QVERIFY(names.value().contains(RECEPTIONIST));
        QVERIFY(!ask<CheckInService::SitePresence>(console, QStringLiteral("present")));
        QVERIFY(!ask<Accounts::Account>(console, QStringLiteral("unlock"),
                                        [](QDataStream& out) { out << RECEPTIONIST << QStringLiteral("000000"); }));
        const Result<Accounts::Account> signedIn = ask<Accounts::Account>(
            console, QStringLiteral("unlock"), [](QDataStream& out) { out << RECEPTIONIST << RECEPTIONIST_PIN; });
        QVERIFY2(signedIn, qPrintable(signedIn ? QString() : sentence(signedIn.error())));
        const Result<CheckInService::SitePresence> inside =
            ask<CheckInService::SitePresence>(console, QStringLiteral("present"));
        QVERIFY2(inside, qPrintable(inside ? QString() : sentence(inside.error())));
        QCOMPARE(inside.value().entries.size(), 3);
        // A receptionist's role holds by the network as on the socket: no accounts.
        QVERIFY(!ask<QList<Accounts::Account>>(console, QStringLiteral("accounts")));
        QCOMPARE(connections(), 1);
    }

    void aComputerWithoutACertificateIsTurnedAway()
    {
        QVERIFY(serve(m_kiosk));
        // It trusts the kiosk, but has nothing to show for itself.
        QSslConfiguration bare = tls(m_desk, *m_site);
        bare.setLocalCertificateChain({});
        bare.setPrivateKey(QSslKey());
        DeskLink console;
        QSignalSpy closed(&console, &DeskLink::closed);
        (void)console.connectTo(kiosk(bare));
        const Result<QStringList> names = ask<QStringList>(console, QStringLiteral("names"));
        QVERIFY(!names);
        QTRY_COMPARE(closed.count(), 1);
        QVERIFY2(closed.first().first().toString().contains(QStringLiteral("certificate")),
                 qPrintable(closed.first().first().toString()));
        QTRY_VERIFY(!m_refused.isEmpty());
        QVERIFY2(m_refused.first().contains(LOOPBACK), qPrintable(m_refused.first()));
        QCOMPARE(connections(), 0);
    }

    void aCertificateOfAnotherAuthorityIsTurnedAway()
    {
        QVERIFY(serve(m_kiosk));
        // It trusts the kiosk's authority, but its own certificate is another's.
        QSslConfiguration strange = tls(m_strangeDesk, *m_stranger);
        strange.setCaCertificates(QSslCertificate::fromPath(m_site->certificate()));
        DeskLink console;
        QSignalSpy closed(&console, &DeskLink::closed);
        (void)console.connectTo(kiosk(strange));
        QVERIFY(!ask<QStringList>(console, QStringLiteral("names")));
        QTRY_COMPARE(closed.count(), 1);
        QVERIFY2(closed.first().first().toString().contains(QStringLiteral("certificate")),
                 qPrintable(closed.first().first().toString()));
        QTRY_VERIFY(!m_refused.isEmpty());
        QCOMPARE(connections(), 0);
    }

    void aServerWithoutTheSitesCertificateIsNotAsked()
    {
        // Something answering at the kiosk's address with another authority's certificate, or the
        // site's certificate of another host: the console sends it neither names nor PINs.
        for (const SiteAuthority::Issued* impostor : {&m_strangeKiosk, &m_otherHost}) {
            QVERIFY(serve(*impostor));
            DeskLink console;
            const Result<void> connected = console.connectTo(kiosk(tls(m_desk, *m_site)));
            QVERIFY(!connected);
            QVERIFY2(connected.error().message().contains(QStringLiteral("not a kiosk of this site")),
                     qPrintable(connected.error().message()));
            QVERIFY(!console.isConnected());
            QVERIFY(!ask<QStringList>(console, QStringLiteral("names")));
            QCOMPARE(connections(), 0);
            cleanup();
        }
    }

    void aConsoleThatDoesNotSpeakTlsIsDropped()
    {
        // A desk frame in the clear, as a console of the socket would send it: no answer, no desk.
        QVERIFY(serve(m_kiosk));
        QTcpSocket plain;
        plain.connectToHost(LOOPBACK, m_port);
        QVERIFY(plain.waitForConnected(5000));
        QByteArray body;
        QDataStream out(&body, QIODevice::WriteOnly);
        DeskWire::use(out);
        out << quint64(1) << QStringLiteral("names");
        plain.write(DeskWire::frame(body));
        QTRY_COMPARE_WITH_TIMEOUT(plain.state(), QAbstractSocket::UnconnectedState, 15000);
        const QByteArray heard = plain.readAll();
        QVERIFY2(!heard.contains(RECEPTIONIST.toUtf8()), heard.toHex().constData());
        QCOMPARE(connections(), 0);
    }

    void aKioskThatNeverAnswersIsGivenUpOn()
    {
        // Something takes the connection and says nothing (a kiosk hung, a port forwarded to the
        // wrong machine): the console says so after a few seconds instead of waiting for TCP.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        DeskLink console;
        QSignalSpy opened(&console, &DeskLink::opened);
        QSignalSpy closed(&console, &DeskLink::closed);
        console.open(DeskLink::Where{{}, LOOPBACK, silent.serverPort(), tls(m_desk, *m_site)});
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 4 * DeskLink::NETWORK_TIMEOUT_MS);
        QCOMPARE(opened.count(), 0);
        QVERIFY2(closed.first().first().toString().contains(QStringLiteral("does not answer within")),
                 qPrintable(closed.first().first().toString()));
        QVERIFY(!console.isConnected());
    }

    void plainOpenSslSeesTheSameDoor()
    {
        // Another TLS client than Qt's: openssl s_client, as a technician checks a port. With the
        // desk computer's certificate the kiosk's verifies against the site's authority; without
        // one, the kiosk ends the handshake with an alert.
        QVERIFY(serve(m_kiosk));
        // -ign_eof: it stays to hear the kiosk's verdict, which TLS 1.3 sends after the client's
        // half of the handshake; a console let in is left waiting for its first question.
        const auto client = [this](const QStringList& more) {
            QProcess openssl;
            openssl.setProcessChannelMode(QProcess::MergedChannels);
            openssl.start(QStringLiteral("openssl"),
                          QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                                      QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("-CAfile"),
                                      m_site->certificate(), QStringLiteral("-verify_return_error"),
                                      QStringLiteral("-brief"), QStringLiteral("-ign_eof")} +
                              more);
            openssl.closeWriteChannel();
            const bool ended = openssl.waitForFinished(3000);
            if (!ended) {
                openssl.kill();
                openssl.waitForFinished();
            }
            return std::make_pair(ended, QString::fromUtf8(openssl.readAll()));
        };
        const auto [admittedEnded, admitted] =
            client({QStringLiteral("-cert"), m_desk.certificate, QStringLiteral("-key"), m_desk.key});
        QVERIFY2(admitted.contains(QStringLiteral("Verification: OK")), qPrintable(admitted));
        QVERIFY2(!admittedEnded && !admitted.contains(QStringLiteral("alert")), qPrintable(admitted));
        const auto [turnedAwayEnded, turnedAway] = client({});
        QVERIFY(turnedAwayEnded);
        QVERIFY2(turnedAway.contains(QStringLiteral("alert certificate required")), qPrintable(turnedAway));
    }

    void whatATechnicianGetsWrongIsSaidBeforeAnythingListens()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto refusal = [&](const DeskTls::Files& given, const QDateTime& at) {
            const Result<QSslConfiguration> made = DeskTls::configuration(given, at);
            return made ? QString() : made.error().message();
        };
        QVERIFY(refusal(files(m_kiosk, *m_site), now).isEmpty());
        // A key the group may read is no secret.
        const QString shared = m_dir.filePath(QStringLiteral("shared.key"));
        QVERIFY(QFile::copy(m_kiosk.key, shared));
        QVERIFY(QFile::setPermissions(shared, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        QVERIFY(
            refusal({m_kiosk.certificate, shared, m_site->certificate()}, now).contains(QStringLiteral("chmod 600")));
        // Another certificate's key.
        QVERIFY(refusal({m_kiosk.certificate, m_desk.key, m_site->certificate()}, now)
                    .contains(QStringLiteral("is not the key of")));
        // Out of its validity (30 days from today).
        QVERIFY(refusal(files(m_kiosk, *m_site), now.addDays(60)).contains(QStringLiteral("valid from")));
        // A file that is not there, or not a certificate.
        QVERIFY(refusal({m_kiosk.certificate, m_kiosk.key, m_dir.filePath(QStringLiteral("absent.pem"))}, now)
                    .contains(QStringLiteral("absent.pem")));
        QVERIFY(refusal({m_kiosk.key, m_kiosk.key, m_site->certificate()}, now).contains(QStringLiteral("no PEM")));
        QVERIFY(refusal({m_kiosk.certificate, {}, m_site->certificate()}, now).contains(QStringLiteral("tls_key")));
    }
};

QTEST_GUILESS_MAIN(TestDeskTls)
#include "TestDeskTls.moc"
