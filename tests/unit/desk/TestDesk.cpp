// Desk (issue 24): the reception desk's requests run on the desk's worker with its own connection
// to the entry log and answer through callbacks on the caller's thread, after the caller returned
// to its event loop (the console keeps drawing meanwhile). Each request asks the session first, in
// the core: a receptionist's session or a locked one runs no administrator's request, whatever a
// screen shows.
#include "DeskStaff.h"
#include "desk/LocalDesk.h"
#include "export/ExportManifest.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DeskStaff;

class TestDesk : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    QString m_path;
    QString m_out; // each test's files
    std::unique_ptr<SiteLog> m_site;

    std::unique_ptr<LocalDesk> desk()
    {
        Desk::Config config;
        config.databasePath = m_path;
        config.site.id = QStringLiteral("hue-dpc-01");
        config.site.policy = Policy(Policy::Kind::Required);
        config.siteName = QStringLiteral("Sở Y tế Thừa Thiên Huế");
        config.rollCallFolder = QDir(m_out).filePath(QStringLiteral("roll calls"));
        auto desk = std::make_unique<LocalDesk>(config, m_site->clock);
        const Result<void> opened = desk->open();
        return opened ? std::move(desk) : nullptr;
    }

    Desk::FileAsk ask(const QString& name) const
    {
        return {QDir(m_out).filePath(name), START.addDays(-1), START.addDays(1), QStringLiteral("vi"), {}};
    }

    QStringList audited(const QString& actor)
    {
        QStringList actions;
        for (const AuditLog::Record& record : m_site->audit.latest(50).value()) {
            if (record.actor == actor)
                actions.prepend(record.action);
        }
        return actions;
    }

private slots:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("d%1.db").arg(++m_count));
        m_out = m_dir.filePath(QStringLiteral("out%1").arg(m_count));
        QVERIFY(QDir().mkpath(m_out));
        m_site = std::make_unique<SiteLog>(m_path, START);
        QVERIFY(hire(*m_site));
        QVERIFY(admitThreeVisitors(*m_site));
    }

    void cleanup() { m_site.reset(); }

    void anAdministratorsExportIsAnsweredAfterTheCallerReturns()
    {
        auto desk = this->desk();
        QVERIFY(desk);
        QVERIFY(desk->session().unlock(ADMIN, ADMIN_PIN).ok());
        QSignalSpy busy(desk.get(), &LocalDesk::busyChanged);
        std::optional<Result<OfficialFile::Handed>> answer;
        desk->exportEntries(ask(QStringLiteral("entries.csv")),
                            [&answer](const Result<OfficialFile::Handed>& handed) { answer = handed; });
        // Never answered inside the call: the caller's thread goes back to drawing.
        QVERIFY(!answer);
        QCOMPARE(desk->pending(), 1);
        QTRY_VERIFY(answer);
        QVERIFY2(answer->ok(), answer->ok() ? "" : qPrintable(answer->error().message()));
        QCOMPARE(answer->value().rows, 3);
        QVERIFY(QFile::exists(QDir(m_out).filePath(QStringLiteral("entries.csv"))));
        QCOMPARE(desk->pending(), 0);
        QCOMPARE(busy.size(), 2);
        QCOMPARE(busy.at(0).at(0).toBool(), true);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
        QVERIFY2(audited(ADMIN).contains(QStringLiteral("export")), qPrintable(audited(ADMIN).join(u' ')));
    }

    void aReceptionistsOrALockedSessionRunsNoAdministratorsRequest()
    {
        auto desk = this->desk();
        QVERIFY(desk);
        const auto refused = [&](const QString& expected) {
            QStringList sentences;
            const auto heard = [&sentences](const auto& result) {
                sentences << (result.ok() ? QStringLiteral("ran") : result.error().message());
            };
            desk->exportEntries(ask(QStringLiteral("entries.csv")), heard);
            desk->traceCase(ask(QStringLiteral("trace.csv")), QStringLiteral("046090001230"), heard);
            desk->adoptionReport(ask(QStringLiteral("report.pdf")), heard);
            desk->writePoster(QDir(m_out).filePath(QStringLiteral("poster.pdf")), heard);
            desk->importRoster(QDir(m_out).filePath(QStringLiteral("roster.csv")), heard);
            QTRY_COMPARE(sentences.size(), 5);
            for (const QString& sentence : std::as_const(sentences))
                QVERIFY2(sentence.contains(expected), qPrintable(sentence));
        };
        refused(QStringLiteral("locked"));
        QVERIFY(desk->session().unlock(RECEPTIONIST, RECEPTIONIST_PIN).ok());
        refused(QStringLiteral("only an administrator"));
        QCOMPARE(QDir(m_out).entryList({QStringLiteral("*.csv"), QStringLiteral("*.pdf")}), QStringList());
        QVERIFY(!audited(RECEPTIONIST).contains(QStringLiteral("export")));
    }

    void aWindowOrLanguageOutOfRuleIsRefusedBeforeAnythingRuns()
    {
        auto desk = this->desk();
        QVERIFY(desk);
        QVERIFY(desk->session().unlock(ADMIN, ADMIN_PIN).ok());
        Desk::FileAsk reversed = ask(QStringLiteral("entries.csv"));
        std::swap(reversed.from, reversed.to);
        QVERIFY(!desk->mayAsk(reversed).ok());
        Desk::FileAsk french = ask(QStringLiteral("trace.csv"));
        french.language = QStringLiteral("fr");
        QStringList sentences;
        desk->exportEntries(reversed, [&](const Result<OfficialFile::Handed>& r) { sentences << r.error().message(); });
        desk->traceCase(french, QStringLiteral("046090001230"),
                        [&](const Result<OfficialFile::Handed>& r) { sentences << r.error().message(); });
        QTRY_COMPARE(sentences.size(), 2);
        QVERIFY2(sentences[0].contains(QStringLiteral("must end after it starts")), qPrintable(sentences[0]));
        QVERIFY2(sentences[1].contains(QStringLiteral("fr")), qPrintable(sentences[1]));
        QVERIFY(!QFile::exists(QDir(m_out).filePath(QStringLiteral("entries.csv"))));
    }

    void requestsRunInTheOrderAskedOnTheDesksConnection()
    {
        auto desk = this->desk();
        QVERIFY(desk);
        QVERIFY(desk->session().unlock(ADMIN, ADMIN_PIN).ok());
        QStringList order;
        desk->exportEntries(ask(QStringLiteral("entries.csv")),
                            [&](const Result<OfficialFile::Handed>& r) { order << (r ? u"export"_qs : u"x"_qs); });
        desk->traceCase(ask(QStringLiteral("trace.csv")), QStringLiteral("046 090 001 230"),
                        [&](const Result<OfficialFile::Handed>& r) { order << (r ? u"trace"_qs : u"x"_qs); });
        desk->adoptionReport(ask(QStringLiteral("report.pdf")),
                             [&](const Result<ReportRequest::Made>& r) { order << (r ? u"report"_qs : u"x"_qs); });
        QCOMPARE(desk->pending(), 3);
        QTRY_COMPARE(order.size(), 3);
        QCOMPARE(order, (QStringList{u"export"_qs, u"trace"_qs, u"report"_qs}));
        QFile pdf(QDir(m_out).filePath(QStringLiteral("report.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QCOMPARE(pdf.read(5), QByteArray("%PDF-")); // drawn on the desk's worker
        const QStringList actions = audited(ADMIN);
        QVERIFY2(actions.indexOf(QStringLiteral("export")) < actions.indexOf(QStringLiteral("trace")) &&
                     actions.indexOf(QStringLiteral("trace")) < actions.indexOf(QStringLiteral("report")),
                 qPrintable(actions.join(u' ')));
    }

    void theRollCallIsAReceptionistsRequest()
    {
        auto desk = this->desk();
        QVERIFY(desk);
        QVERIFY(desk->session().unlock(RECEPTIONIST, RECEPTIONIST_PIN).ok());
        std::optional<Result<RollCallRequest::Made>> made;
        desk->rollCall([&made](const Result<RollCallRequest::Made>& result) { made = result; });
        QTRY_VERIFY(made);
        QVERIFY2(made->ok(), made->ok() ? "" : qPrintable(made->error().message()));
        QCOMPARE(made->value().inside, 3);
        QVERIFY(QFile::exists(made->value().path));
        QVERIFY(audited(RECEPTIONIST).contains(QStringLiteral("rollcall")));
    }

    void aCheckInByHandIsTheSignedInAccountsWhateverTheRequestSays()
    {
        auto desk = this->desk();
        QVERIFY(desk);
        CheckInService::Request request;
        request.entry.fullName = QStringLiteral("Vo Van Tam");
        request.entry.idNumber = QStringLiteral("046 066 009 999");
        request.entry.method = Entry::Method::Manual;
        request.overrideReason = QStringLiteral("Phone battery flat"); // admitted without the app: audited
        request.actor = ADMIN; // a page cannot choose whose name the entry is recorded under
        std::optional<Result<CheckInService::Outcome>> outcome;
        const auto heard = [&outcome](const Result<CheckInService::Outcome>& result) { outcome = result; };
        desk->checkIn(request, heard);
        QTRY_VERIFY(outcome);
        QVERIFY2(!outcome->ok() && outcome->error().message().contains(QStringLiteral("locked")),
                 qPrintable(outcome->ok() ? QStringLiteral("ran") : outcome->error().message()));

        QVERIFY(desk->session().unlock(RECEPTIONIST, RECEPTIONIST_PIN).ok());
        QSignalSpy recorded(desk.get(), &Desk::recorded);
        outcome.reset();
        desk->checkIn(request, heard);
        QTRY_VERIFY(outcome);
        QVERIFY2(outcome->ok() && outcome->value().entry, outcome->ok() ? "" : qPrintable(outcome->error().message()));
        QCOMPARE(recorded.size(), 1);
        const qint64 id = outcome->value().entry->id;
        QCOMPARE(m_site->audit.latest(1).value().first().actor, RECEPTIONIST);
        QCOMPARE(m_site->audit.latest(1).value().first().action, QStringLiteral("override"));

        std::optional<Result<CheckInService::SitePresence>> inside;
        desk->presentAtSite([&inside](const Result<CheckInService::SitePresence>& r) { inside = r; });
        QTRY_VERIFY(inside);
        QCOMPARE(inside->value().entries.size(), 4);

        std::optional<Result<void>> left;
        desk->checkOutByHand(id, QString(), [&left](const Result<void>& r) { left = r; });
        QTRY_VERIFY(left);
        QVERIFY2(left->ok(), left->ok() ? "" : qPrintable(left->error().message()));
        QCOMPARE(recorded.size(), 2);
        QCOMPARE(m_site->audit.latest(1).value().first().actor, RECEPTIONIST);
        QCOMPARE(m_site->audit.latest(1).value().first().action, QStringLiteral("checkout_by_hand"));
    }

    void accountsAndTheAuditLogAreAnAdministratorsAndTheNamesAnyones()
    {
        auto desk = this->desk();
        QVERIFY(desk);
        std::optional<Result<QStringList>> names;
        desk->signInNames([&names](const Result<QStringList>& r) { names = r; }); // the lock screen's
        QTRY_VERIFY(names);
        QCOMPARE(names->value().size(), 2);

        QVERIFY(desk->session().unlock(RECEPTIONIST, RECEPTIONIST_PIN).ok());
        QStringList refused;
        const auto heard = [&refused](const auto& r) {
            refused << (r.ok() ? QStringLiteral("ran") : r.error().message());
        };
        desk->accounts(heard);
        desk->addAccount(QStringLiteral("Lê Văn Bảo"), Accounts::Role::Admin, QStringLiteral("112233"), heard);
        desk->setPin(ADMIN, QStringLiteral("112233"), heard);
        desk->removeAccount(ADMIN, heard);
        desk->auditLog(10, heard);
        QTRY_COMPARE(refused.size(), 5);
        for (const QString& sentence : std::as_const(refused))
            QVERIFY2(sentence.contains(QStringLiteral("only an administrator")), qPrintable(sentence));
        QCOMPARE(m_site->accounts.all().value().size(), 2);

        QVERIFY(desk->session().lock(QStringLiteral("button")).ok());
        QVERIFY(desk->session().unlock(ADMIN, ADMIN_PIN).ok());
        QSignalSpy changed(desk.get(), &Desk::accountsChanged);
        std::optional<Result<void>> added;
        desk->addAccount(QStringLiteral("Lê Văn Bảo"), Accounts::Role::Receptionist, QStringLiteral("112233"),
                         [&added](const Result<void>& r) { added = r; });
        QTRY_VERIFY(added);
        QVERIFY2(added->ok(), added->ok() ? "" : qPrintable(added->error().message()));
        QCOMPARE(changed.size(), 1);
        std::optional<Result<QList<AuditLog::Record>>> audit;
        desk->auditLog(1, [&audit](const Result<QList<AuditLog::Record>>& r) { audit = r; });
        QTRY_VERIFY(audit);
        QCOMPARE(audit->value().first().action, QStringLiteral("account_add"));
        QCOMPARE(audit->value().first().actor, ADMIN);
    }

    void withoutItsLogItSaysSo()
    {
        Desk::Config config;
        config.databasePath = m_out; // a folder: no entry log opens there
        LocalDesk desk(config, m_site->clock);
        QVERIFY(!desk.open().ok());
        QVERIFY(!desk.mayAsk(DeskSession::Need::Receptionist).ok());
        QString sentence;
        desk.exportEntries(ask(QStringLiteral("entries.csv")),
                           [&sentence](const Result<OfficialFile::Handed>& r) { sentence = r.error().message(); });
        QTRY_VERIFY(!sentence.isEmpty());
        QVERIFY2(sentence.contains(QStringLiteral("not open")), qPrintable(sentence));
    }
};

QTEST_MAIN(TestDesk)
#include "TestDesk.moc"
