// DeskServer (issue 24, the first part of the desk's socket): a console reaches the entry log only
// through the Desk that the kiosk's process serves on a Unix socket. Peers are let in by the
// kernel's word (SO_PEERCRED); each connection has its own session, and every request is checked
// against it in the core; the actor of a check-in is the signed-in account whatever the console
// sends; an account's PIN hash never crosses; a frame that is not ours closes the connection.
// The consoles here are plain QLocalSockets speaking desk/DeskWire.h, as a console will.
#include "DeskStaff.h"
#include "common/PeerCredentials.h"
#include "desk/DeskLink.h"
#include "desk/DeskServer.h"
#include "desk/DeskWire.h"
#include "export/ExportManifest.h"
#include "storage/SharedSettingsStore.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

using namespace DeskStaff;

namespace {

// A console on the desk's socket, through the console's own end of it (desk/DeskLink.h): asks
// and waits for the answer, and keeps the events as they come.
class Console
{
public:
    explicit Console(const QString& path) : m_connected(m_link.connectTo(path).ok())
    {
        QObject::connect(&m_link, &DeskLink::told, [this](const QString& verb, const QByteArray& rest) {
            m_events.append(verb);
            if (verb == QLatin1String("inside")) {
                QDataStream in(rest);
                DeskWire::use(in);
                in >> m_inside;
            }
        });
    }

    bool connected() const { return m_connected; }

    // Asks verb with the arguments args writes, its files (if any) written into filesTo, and waits
    // for the answer.
    template <typename T>
    Result<T> ask(const QString& verb, const DeskLink::Arguments& args = {}, const QString& filesTo = QString())
    {
        std::optional<Result<T>> answer;
        m_link.ask<T>(
            verb, args, [&answer](const Result<T>& result) { answer = result; }, filesTo);
        for (QDeadlineTimer answered(60000); !answer && !answered.hasExpired();)
            QTest::qWait(10);
        return answer ? *answer : Result<T>(Error(Error::Kind::Failed, QStringLiteral("no answer")));
    }

    // Unlocks this console's session as name.
    Result<Accounts::Account> signIn(const QString& name, const QString& pin)
    {
        return ask<Accounts::Account>(QStringLiteral("unlock"),
                                      [&name, &pin](QDataStream& out) { out << name << pin; });
    }

    const QStringList& events() const { return m_events; }
    bool linked() const { return m_link.isConnected(); }
    // Who was inside, as the last "inside" event said.
    const CheckInService::SitePresence& inside() const { return m_inside; }

private:
    DeskLink m_link;
    bool m_connected;
    QStringList m_events;
    CheckInService::SitePresence m_inside;
};

QString sentence(const Result<void>& result)
{
    return result ? QStringLiteral("done") : result.error().message();
}

} // namespace

class TestDeskServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<SiteLog> m_site;
    std::unique_ptr<DeskServer> m_server;
    QString m_socket;
    Ed25519Key m_key = Ed25519Key::generate().value();

private slots:
    void init()
    {
        const QString path = m_dir.filePath(QStringLiteral("d%1.db").arg(++m_count));
        m_site = std::make_unique<SiteLog>(path, START);
        QVERIFY(hire(*m_site));
        DeskServer::Config config;
        m_socket = m_dir.filePath(QStringLiteral("desk%1.sock").arg(m_count));
        config.socketPath = m_socket;
        config.owner = geteuid();
        config.desk.databasePath = path;
        config.desk.site.id = QStringLiteral("hue-dpc-01");
        config.desk.site.policy = Policy(Policy::Kind::Required);
        // The site's export key: what the desk hands out is signed.
        const QString key = m_dir.filePath(QStringLiteral("export%1.pem").arg(m_count));
        QFile keyFile(key);
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        m_key = Ed25519Key::generate().value();
        keyFile.write(m_key.privatePem());
        keyFile.close();
        config.desk.signingKey = key;
        config.desk.settingsPath = m_dir.filePath(QStringLiteral("gatehouse%1.ini").arg(m_count));
        m_server = std::make_unique<DeskServer>(config, m_site->clock);
        const Result<void> listening = m_server->listen();
        QVERIFY2(listening, qPrintable(sentence(listening)));
    }

    void cleanup()
    {
        m_server.reset();
        m_site.reset();
    }

    void theSocketIsTheOwnersAndTheGroupsOnly()
    {
        const QFile::Permissions mode = QFileInfo(m_socket).permissions();
        QVERIFY(mode.testFlag(QFile::ReadOwner) && mode.testFlag(QFile::WriteOwner));
        QVERIFY(!mode.testFlag(QFile::ReadOther) && !mode.testFlag(QFile::WriteOther));
    }

    void aLockedDeskOffersItsNamesAndNothingElse()
    {
        Console console(m_socket);
        QVERIFY(console.connected());
        const Result<QStringList> names = console.ask<QStringList>(QStringLiteral("names"));
        QVERIFY(names);
        QCOMPARE(QSet<QString>(names->begin(), names->end()), (QSet<QString>{ADMIN, RECEPTIONIST}));
        const auto inside = console.ask<CheckInService::SitePresence>(QStringLiteral("present"));
        QVERIFY(!inside);
        QVERIFY2(inside.error().message().contains(QStringLiteral("locked")), qPrintable(inside.error().message()));
    }

    void aReceptionistsSessionRunsNoAdministratorsRequest()
    {
        Console console(m_socket);
        QVERIFY(console.connected());
        const auto wrong = console.signIn(RECEPTIONIST, QStringLiteral("000000"));
        QVERIFY(!wrong);
        const auto signedIn = console.signIn(RECEPTIONIST, RECEPTIONIST_PIN);
        QVERIFY2(signedIn, qPrintable(signedIn ? QString() : signedIn.error().message()));
        QCOMPARE(signedIn->name, RECEPTIONIST);
        QVERIFY(console.ask<CheckInService::SitePresence>(QStringLiteral("present")));

        const auto audit =
            console.ask<QList<AuditLog::Record>>(QStringLiteral("audit"), [](QDataStream& out) { out << 10; });
        QVERIFY(!audit);
        const Result<void> added = console.ask<void>(QStringLiteral("addAccount"), [](QDataStream& out) {
            out << QStringLiteral("Kẻ Gian") << Accounts::Role::Admin << QStringLiteral("111111");
        });
        QVERIFY(!added);
        QVERIFY(!m_site->accounts.find(QStringLiteral("Kẻ Gian")).value().has_value());
        QCOMPARE(m_site->audit.latest(1).value().first().action, QStringLiteral("console_unlock"));
    }

    void aCheckInByHandIsTheSignedInAccountsWhateverTheConsoleSends()
    {
        Console console(m_socket);
        QVERIFY(console.connected());
        QVERIFY(console.signIn(RECEPTIONIST, RECEPTIONIST_PIN));
        CheckInService::Request request;
        request.entry.fullName = QStringLiteral("Vo Van Tam");
        request.entry.idNumber = QStringLiteral("046 066 009 999");
        request.entry.method = Entry::Method::Manual;
        request.overrideReason = QStringLiteral("Phone battery flat");
        request.actor = ADMIN; // a console cannot choose whose name the entry is recorded under
        request.atKiosk = true;
        const auto outcome = console.ask<CheckInService::Outcome>(QStringLiteral("checkIn"),
                                                                  [&request](QDataStream& out) { out << request; });
        QVERIFY2(outcome && outcome->entry, qPrintable(outcome ? QString() : outcome.error().message()));
        QCOMPARE(outcome->entry->fullName, request.entry.fullName);
        QCOMPARE(m_site->audit.latest(1).value().first().actor, RECEPTIONIST);
        QTRY_VERIFY(console.events().contains(QStringLiteral("recorded")));

        const Result<void> left = console.ask<void>(
            QStringLiteral("checkOut"), [&outcome](QDataStream& out) { out << outcome->entry->id << QString(); });
        QVERIFY2(left, qPrintable(sentence(left)));
        QCOMPARE(m_site->audit.latest(1).value().first().actor, RECEPTIONIST);
        QCOMPARE(m_site->audit.latest(1).value().first().action, QStringLiteral("checkout_by_hand"));
    }

    // Who is inside comes as events to a signed-in console only: a locked one on the same socket
    // hears no name, whatever is recorded.
    void whoIsInsideIsToldOnlyToASignedInConsole()
    {
        Console locked(m_socket);
        Console receptionist(m_socket);
        QVERIFY(locked.connected() && receptionist.connected());
        QVERIFY(receptionist.signIn(RECEPTIONIST, RECEPTIONIST_PIN));
        QTRY_VERIFY(receptionist.events().contains(QStringLiteral("inside")));
        CheckInService::Request request;
        request.entry.fullName = QStringLiteral("Lê Thị Thu Hà");
        request.entry.idNumber = QStringLiteral("046201007788");
        request.overrideReason = QStringLiteral("Phone battery flat");
        QVERIFY(receptionist.ask<CheckInService::Outcome>(QStringLiteral("checkIn"),
                                                          [&request](QDataStream& out) { out << request; }));
        QTRY_COMPARE_WITH_TIMEOUT(receptionist.inside().entries.size(), 1, 5000);
        QCOMPARE(receptionist.inside().entries.first().fullName, request.entry.fullName);
        QTRY_VERIFY(receptionist.events().contains(QStringLiteral("day")));
        QTest::qWait(500);
        QVERIFY2(!locked.events().contains(QStringLiteral("inside")) &&
                     !locked.events().contains(QStringLiteral("day")),
                 qPrintable(locked.events().join(QLatin1Char(' '))));
    }

    // The kiosk's settings are read and changed through the desk by an administrator only, and the
    // change is audited under their name.
    void theKiosksSettingsAreAnAdministratorsAndAudited()
    {
        Console receptionist(m_socket);
        Console admin(m_socket);
        QVERIFY(receptionist.connected() && admin.connected());
        QVERIFY(receptionist.signIn(RECEPTIONIST, RECEPTIONIST_PIN));
        QVERIFY(admin.signIn(ADMIN, ADMIN_PIN));
        using Values = QList<QPair<Settings::DeskKey, QString>>;
        const Values renamed{{Settings::DeskKey::SiteName, QStringLiteral("Trường THPT Quốc Học")}};
        QVERIFY(!receptionist.ask<Values>(QStringLiteral("settings")));
        QVERIFY(!receptionist.ask<Desk::SettingsSaved>(QStringLiteral("changeSettings"),
                                                       [&renamed](QDataStream& out) { out << renamed; }));

        const auto saved = admin.ask<Desk::SettingsSaved>(QStringLiteral("changeSettings"),
                                                          [&renamed](QDataStream& out) { out << renamed; });
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message()));
        QCOMPARE(saved->changes.size(), 1);
        const auto now = admin.ask<Values>(QStringLiteral("settings"));
        QVERIFY(now);
        QVERIFY(now->contains({Settings::DeskKey::SiteName, QStringLiteral("Trường THPT Quốc Học")}));
        QCOMPARE(m_site->audit.latest(1).value().first().actor, ADMIN);
        QCOMPARE(m_site->audit.latest(1).value().first().action, QStringLiteral("settings"));
    }

    void whatTheProvinceSetsIsChangedThereNotAtTheDesk()
    {
        // Issue 26: a value the central store sets wins over the INI's at every start and sync; a
        // different one saved at the desk would never be used, so it is refused with who sets it.
        SharedSettingsStore central(*m_site->database);
        QVERIFY(central.keep(
            SharedSettings({{QStringLiteral("policy"), QStringLiteral("required"), QStringLiteral("district")}}),
            m_site->audit, m_site->clock.now()));
        Console admin(m_socket);
        QVERIFY(admin.connected() && admin.signIn(ADMIN, ADMIN_PIN));
        using Values = QList<QPair<Settings::DeskKey, QString>>;
        const Values relaxed{{Settings::DeskKey::Policy, QStringLiteral("recommended")},
                             {Settings::DeskKey::SiteName, QStringLiteral("Khách sạn Hương Giang")}};
        const auto refused = admin.ask<Desk::SettingsSaved>(QStringLiteral("changeSettings"),
                                                            [&relaxed](QDataStream& out) { out << relaxed; });
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("site/policy is set for this kiosk by the central "
                                                                   "store (district: required)")),
                 qPrintable(refused.error().message()));
        const QString ini = m_dir.filePath(QStringLiteral("gatehouse%1.ini").arg(m_count));
        QVERIFY(!QFileInfo::exists(ini)); // nothing written

        // The form as the page sends it, the province's value in it: the rest is saved, the
        // province's value is not copied into the file.
        const Values renamed{{Settings::DeskKey::Policy, QStringLiteral("required")},
                             {Settings::DeskKey::SiteName, QStringLiteral("Khách sạn Hương Giang")}};
        const auto saved = admin.ask<Desk::SettingsSaved>(QStringLiteral("changeSettings"),
                                                          [&renamed](QDataStream& out) { out << renamed; });
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message()));
        QCOMPARE(saved->changes.size(), 1);
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(written.contains("Khách sạn Hương Giang"));
        QVERIFY2(!written.contains("policy"), written.constData());
    }

    void eachConsoleHasItsOwnSessionAndIsToldWhenItLocks()
    {
        Console admin(m_socket);
        Console other(m_socket);
        QVERIFY(admin.connected() && other.connected());
        QVERIFY(admin.signIn(ADMIN, ADMIN_PIN));
        QTRY_COMPARE(m_server->connections(), 2);
        QVERIFY(admin.ask<QList<AuditLog::Record>>(QStringLiteral("audit"), [](QDataStream& out) { out << 10; }));
        QVERIFY(!other.ask<QList<AuditLog::Record>>(QStringLiteral("audit"), [](QDataStream& out) { out << 10; }));

        // Idle past the lock time: the session locks by the kiosk's clock, and says so.
        m_site->clock.advance(LOCK_AFTER_MS + 1000);
        QTRY_VERIFY_WITH_TIMEOUT(admin.events().contains(QStringLiteral("locked")), 5000);
        QVERIFY(!admin.ask<QList<AuditLog::Record>>(QStringLiteral("audit"), [](QDataStream& out) { out << 10; }));
    }

    void anAccountsPinHashNeverCrosses()
    {
        // Every byte an administrator's console receives, read off a plain socket.
        QLocalSocket raw;
        raw.connectToServer(m_socket);
        QVERIFY(raw.waitForConnected(5000));
        quint64 asked = 0;
        const auto send = [&raw, &asked](const QString& verb, const DeskLink::Arguments& args) {
            QByteArray body;
            QDataStream out(&body, QIODevice::WriteOnly);
            DeskWire::use(out);
            out << ++asked << verb;
            if (args)
                args(out);
            raw.write(DeskWire::frame(body));
        };
        send(QStringLiteral("unlock"), [](QDataStream& out) { out << ADMIN << ADMIN_PIN; });
        send(QStringLiteral("accounts"), {});
        // The receptionist's name as QDataStream writes a QString: UTF-16, big-endian.
        QByteArray receptionistsName;
        for (const QChar c : RECEPTIONIST)
            receptionistsName += char(c.unicode() >> 8) + QByteArray(1, char(c.unicode() & 0xff));
        QByteArray received;
        for (QDeadlineTimer waited(5000); !waited.hasExpired() && !received.contains(receptionistsName);) {
            QTest::qWait(20);
            received += raw.readAll();
        }
        const QByteArray hash = m_site->accounts.find(ADMIN).value()->pinHash;
        QVERIFY(!hash.isEmpty());
        QVERIFY(received.contains(receptionistsName)); // the list of accounts came
        QVERIFY(!received.contains(hash));
        QVERIFY(!received.contains(m_site->accounts.find(RECEPTIONIST).value()->pinHash));

        Console console(m_socket);
        QVERIFY(console.connected());
        QVERIFY(console.signIn(ADMIN, ADMIN_PIN));
        const auto accounts = console.ask<QList<Accounts::Account>>(QStringLiteral("accounts"));
        QVERIFY(accounts);
        QCOMPARE(accounts->size(), 2);
    }

    // An official's file is written on the kiosk's side and handed over the socket: the console
    // gets the file and its signed manifest, the audit row names where the console keeps it, and
    // nothing stays on the kiosk's side. A receptionist gets a refusal and no byte.
    void anOfficialsFileComesOverTheSocket()
    {
        QVERIFY(admitThreeVisitors(*m_site));
        const QString consolesFile = m_dir.filePath(QStringLiteral("console/through-the-socket.csv"));
        const auto askExport = [&consolesFile](QDataStream& out) {
            out << consolesFile << START.addDays(-1) << START.addDays(1) << QStringLiteral("vi");
        };
        Console receptionist(m_socket);
        QVERIFY(receptionist.connected());
        QVERIFY(receptionist.signIn(RECEPTIONIST, RECEPTIONIST_PIN));
        const QString receptionistsFolder = m_dir.filePath(QStringLiteral("receptionist"));
        QVERIFY(!receptionist.ask<OfficialFile::Handed>(QStringLiteral("export"), askExport, receptionistsFolder));
        QVERIFY(!QFileInfo::exists(receptionistsFolder));

        Console admin(m_socket);
        QVERIFY(admin.connected());
        QVERIFY(admin.signIn(ADMIN, ADMIN_PIN));
        const auto handed =
            admin.ask<OfficialFile::Handed>(QStringLiteral("export"), askExport, QFileInfo(consolesFile).path());
        QVERIFY2(handed, qPrintable(handed ? QString() : handed.error().message()));
        QCOMPARE(handed->rows, 3);
        QFile csv(consolesFile);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray written = csv.readAll();
        QVERIFY(written.contains("Khách 2"));
        QCOMPARE(QCryptographicHash::hash(written, QCryptographicHash::Sha256), handed->sha256);
        QCOMPARE(handed->manifest, QStringLiteral("through-the-socket.csv.manifest.json"));
        // The file, its manifest and the manifest's signature, written where the console asked,
        // verify with the site's key.
        QCOMPARE(QFileInfo(consolesFile).dir().entryList(QDir::Files).size(), 3);
        const Result<ExportManifest> vouched = ExportManifest::verify(consolesFile, m_key);
        QVERIFY2(vouched, qPrintable(vouched ? QString() : vouched.error().message()));
        QCOMPARE(vouched->signedBy, ADMIN);
        // Nothing of it stays on the kiosk's side (its private folders under the temporary one).
        QStringList kept;
        QDirIterator left(QDir::tempPath(), {QStringLiteral("through-the-socket.csv*")}, QDir::Files,
                          QDirIterator::Subdirectories);
        while (left.hasNext()) {
            const QString path = left.next();
            if (!path.startsWith(m_dir.path())) // the console's own copy is there
                kept << path;
        }
        QVERIFY2(kept.isEmpty(), qPrintable(kept.join(QLatin1Char(' '))));
        const AuditLog::Record audited = m_site->audit.latest(1).value().first();
        QCOMPARE(audited.actor, ADMIN);
        QVERIFY2(audited.details.contains(QStringLiteral("file=") + consolesFile), qPrintable(audited.details));
    }

    void aLongAnswerIsRefusedAndALargeFileComesInPieces()
    {
        // Forty thousand inside: who they are is longer than a frame the console reads
        // (DeskWire::MAX_FRAME). The kiosk's side says so instead of sending it, and the console
        // stays connected (it hung up, taking the frame for a stranger's).
        QSqlQuery fast(m_site->database->connection());
        QVERIFY(fast.exec(QStringLiteral("PRAGMA synchronous=OFF"))); // the test's own writes only
        constexpr int ENTRIES = 40000;
        for (int i = 0; i < ENTRIES; ++i) {
            QVERIFY(m_site->log
                        .record(visitor(QStringLiteral("Khách số %1 với một cái tên khá dài").arg(i),
                                        QStringLiteral("0460%1").arg(i, 8, 10, QLatin1Char('0')), START.addSecs(i)))
                        .ok());
        }
        const QString consolesFile = m_dir.filePath(QStringLiteral("console/large.csv"));
        Console admin(m_socket);
        QVERIFY(admin.connected());
        QVERIFY(admin.signIn(ADMIN, ADMIN_PIN));
        const auto inside = admin.ask<CheckInService::SitePresence>(QStringLiteral("present"));
        QVERIFY(!inside);
        QVERIFY2(inside.error().message().contains(QStringLiteral("too long")), qPrintable(inside.error().message()));
        QVERIFY(admin.linked());

        // They leave; the file of all their entries is several pieces, more than the kiosk's side
        // keeps queued (DeskConnection::QUEUED_AT_MOST): sent as the socket drains, and whole.
        QVERIFY(fast.exec(QStringLiteral("UPDATE entry SET checked_out_at = checked_in_at + 1")));
        const auto handed = admin.ask<OfficialFile::Handed>(
            QStringLiteral("export"),
            [&consolesFile](QDataStream& out) {
                out << consolesFile << START.addDays(-1) << START.addDays(1) << QStringLiteral("vi");
            },
            QFileInfo(consolesFile).path());
        QVERIFY2(handed, qPrintable(handed ? QString() : handed.error().message()));
        QCOMPARE(handed->rows, ENTRIES);
        QVERIFY2(QFileInfo(consolesFile).size() > 5 * DeskWire::FILE_PIECE,
                 qPrintable(QString::number(QFileInfo(consolesFile).size())));
        const Result<ExportManifest> vouched = ExportManifest::verify(consolesFile, m_key);
        QVERIFY2(vouched, qPrintable(vouched ? QString() : vouched.error().message()));
    }

    // The poster and the roll call come over the socket like the officials' files (the roll call
    // named for the console's folder, and audited so); a roster goes the other way, whole.
    void thePosterTheRollCallAndTheRosterGoOverTheSocket()
    {
        Console admin(m_socket);
        QVERIFY(admin.connected());
        QVERIFY(admin.signIn(ADMIN, ADMIN_PIN));

        const QString poster = m_dir.filePath(QStringLiteral("console/poster-over-the-socket.pdf"));
        const Result<void> written = admin.ask<void>(
            QStringLiteral("poster"), [&poster](QDataStream& out) { out << poster; }, QFileInfo(poster).path());
        QVERIFY2(written, qPrintable(sentence(written)));
        QFile posterFile(poster);
        QVERIFY(posterFile.open(QIODevice::ReadOnly));
        QCOMPARE(posterFile.read(5), QByteArray("%PDF-"));

        const QString consolesFolder = m_dir.filePath(QStringLiteral("console roll calls"));
        const auto made = admin.ask<RollCallRequest::Made>(
            QStringLiteral("rollCall"), [&consolesFolder](QDataStream& out) { out << consolesFolder; }, consolesFolder);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message()));
        QVERIFY2(made->path.startsWith(consolesFolder), qPrintable(made->path));
        QFile rollCallFile(made->path);
        QVERIFY(rollCallFile.open(QIODevice::ReadOnly));
        QCOMPARE(rollCallFile.read(5), QByteArray("%PDF-"));
        const AuditLog::Record rollCall = m_site->audit.latest(1).value().first();
        QCOMPARE(rollCall.action, QStringLiteral("rollcall"));
        QVERIFY2(rollCall.details.contains(made->path), qPrintable(rollCall.details));

        const QByteArray csv = "Staff number,Full name,Department,Phone,ID number\r\nNV001,Trần Văn Minh,Văn "
                               "phòng,0912000001,046085004321\r\n";
        const auto imported = admin.ask<StaffRoster::Import>(QStringLiteral("roster"), [&csv](QDataStream& out) {
            out << QStringLiteral("/home/le-tan/roster.csv") << csv;
        });
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message()));
        QCOMPARE(imported->added, 1);

        const Result<void> calibrated = admin.ask<void>(QStringLiteral("calibrate"));
        QVERIFY(!calibrated);
        QVERIFY2(calibrated.error().message().contains(QStringLiteral("kiosk")), qPrintable(sentence(calibrated)));
    }

    void whatIsNotOursClosesTheConnection()
    {
        QLocalSocket raw;
        raw.connectToServer(m_socket);
        QVERIFY(raw.waitForConnected(5000));
        raw.write(QByteArray(4, '\xff')); // a frame of 4 GiB announced
        QTRY_VERIFY(raw.state() == QLocalSocket::UnconnectedState);
        QTRY_COMPARE(m_server->connections(), 0);
    }

    // A peer the kernel says is someone else is turned away before any request of theirs is read,
    // even where the file would let them connect (the socket's group is theirs here). The other
    // account is Debian's nobody, entered by a child process: only root can become it.
    void anotherAccountIsTurnedAway()
    {
        if (geteuid() != 0)
            QSKIP("needs root to become another account (CI runs as root)");
        const QByteArray path = QFile::encodeName(m_socket);
        QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                        QFile::ExeGroup | QFile::ExeOther));
        QCOMPARE(::chown(path.constData(), 0, 65534), 0); // nogroup may connect, as far as the file goes
        int pipe[2];
        QCOMPARE(::pipe(pipe), 0);
        const pid_t child = fork();
        if (child == 0) {
            // Plain POSIX only in the child: connect as nobody and pass on what the kiosk said.
            ::close(pipe[0]);
            if (setgid(65534) != 0 || setuid(65534) != 0)
                _exit(3);
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            sockaddr_un address{};
            address.sun_family = AF_UNIX;
            std::strncpy(address.sun_path, path.constData(), sizeof(address.sun_path) - 1);
            if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0)
                _exit(4);
            char buffer[4096];
            ssize_t got = 0;
            while ((got = ::read(fd, buffer, sizeof(buffer))) > 0) {
                if (::write(pipe[1], buffer, size_t(got)) != got)
                    _exit(5);
            }
            _exit(0);
        }
        ::close(pipe[1]);
        QSignalSpy refused(m_server.get(), &DeskServer::refused);
        QByteArray said;
        QFile reader;
        QVERIFY(reader.open(pipe[0], QIODevice::ReadOnly, QFileDevice::AutoCloseHandle));
        for (QDeadlineTimer waited(10000); !waited.hasExpired();) {
            QTest::qWait(20); // the server accepts on this thread
            int status = 0;
            if (waitpid(child, &status, WNOHANG) == child) {
                QCOMPARE(WEXITSTATUS(status), 0);
                said = reader.readAll();
                break;
            }
        }
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().first().toString(), QStringLiteral("nobody"));
        QCOMPARE(m_server->connections(), 0);
        DeskWire::FrameReader frames;
        frames.feed(said);
        const std::optional<QByteArray> body = frames.next();
        QVERIFY(body);
        QDataStream in(*body);
        DeskWire::use(in);
        quint64 id = 1;
        QString verb;
        Error why;
        in >> id >> verb >> why;
        QCOMPARE(id, quint64(0));
        QCOMPARE(verb, QStringLiteral("refused"));
        QVERIFY2(why.message().contains(QStringLiteral("nobody")), qPrintable(why.message()));
    }

    // Who may connect: the kernel's word on the peer, root, the log's owner or the desk's group.
    void peersAreLetInByTheKernelsWord()
    {
        int pair[2];
        QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
        const std::optional<PeerCredentials> self = PeerCredentials::of(pair[0]);
        ::close(pair[0]);
        ::close(pair[1]);
        QVERIFY(self);
        QCOMPARE(self->uid, uint(geteuid()));
        QCOMPARE(self->pid, qint64(getpid()));
        QVERIFY(!PeerCredentials::of(-1));

        const PeerCredentials nobody{1, 65534, 65534};
        QVERIFY(DeskServer::mayConnect(PeerCredentials{1, 0, 0}, 1000, QString()));
        QVERIFY(DeskServer::mayConnect(PeerCredentials{1, 1000, 1000}, 1000, QString()));
        QVERIFY(!DeskServer::mayConnect(nobody, 1000, QString()));
        QVERIFY(!DeskServer::mayConnect(nobody, 1000, QStringLiteral("root")));
        QVERIFY(!DeskServer::mayConnect(nobody, 1000, QStringLiteral("no-such-group-here")));
        QVERIFY(DeskServer::mayConnect(nobody, 1000, QStringLiteral("nogroup"))); // Debian's nobody's group
    }
};

QTEST_MAIN(TestDeskServer) // the kiosk draws its PDFs with Qt GUI
#include "TestDeskServer.moc"
