// A whole kiosk for UI tests: an entry log on disk, the real CheckInService, KioskFlow and
// KioskWindow with every screen, a clock the test steps, a trusted pass key. Visitors are driven
// through it with simulated taps and typing (QTest), scans as a USB scanner or the camera would
// deliver them, and phones as the PresenceTracker reports them.
#pragma once

#include "../unit/checkin/SiteLog.h"
#include "KioskWindow.h"
#include "checkin/CheckInService.h"
#include "checkin/DirectCheckIn.h"
#include "checkin/HealthQuestions.h"
#include "checkin/KioskFlow.h"
#include "common/Settings.h"
#include "common/Translation.h"
#include "crypto/Ed25519Key.h"
#include "crypto/TrustStore.h"
#include "qr/PayloadRecognizer.h"
#include "qr/VisitorPass.h"

#include <QInputMethodEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

struct Kiosk
{
    static constexpr const char* Site = "hue-dpc-01";

    // The receptionist every kiosk of the tests has (an account made with this PIN).
    static constexpr const char* Receptionist = "Phan Thị Lễ";
    static constexpr const char* ReceptionistPin = "246810";

    Kiosk(const QString& folder, Policy::Kind policy, bool healthDeclaration,
          const QString& language = QStringLiteral("vi"), bool demo = false)
        : site(folder + QStringLiteral("/log.db"), QDateTime(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC)),
          key(Ed25519Key::generate().value())
    {
        ::Site config;
        config.id = QString::fromLatin1(Site);
        config.policy = Policy(policy);
        (void)site.accounts.add(QString::fromUtf8(Receptionist), Accounts::Role::Receptionist,
                                QString::fromLatin1(ReceptionistPin), QStringLiteral("test"));
        service = std::make_unique<CheckInService>(config, site.log, site.audit, site.clock, nullptr, &site.pins);
        TrustStore trust;
        trust.add(key);
        recognizer = std::make_unique<PayloadRecognizer>(trust, config.id);
        gateway = std::make_unique<DirectCheckIn>(*service);
        flow = std::make_unique<KioskFlow>(*gateway, *recognizer, site.clock, timing, healthDeclaration);
        (void)translation.apply(language);
        settings.setLanguage(language);
        settings.setSiteName(QStringLiteral("Sở Y tế Thừa Thiên Huế"));
        window = std::make_unique<KioskWindow>(settings, translation, *flow, HealthQuestions::load().value(),
                                               timing.appWaitMs, demo);
    }

    // A pass this kiosk trusts, valid now.
    QString pass(const QString& passId, const QString& name) const
    {
        const QDateTime now = site.clock.now();
        return VisitorPass::issue(key, passId, name, QString::fromLatin1(Site), QStringLiteral("Phòng Kế hoạch"), now,
                                  now.addSecs(-3600), now.addSecs(8 * 3600));
    }

    template <typename T = QPushButton>
    T* find(const QString& objectName) const
    {
        QCoreApplication::processEvents();
        // The visible one: several screens share object names (PrimaryButton, CancelButton).
        for (T* widget : window->currentScreen()->findChildren<T*>(objectName)) {
            if (widget->isVisible())
                return widget;
        }
        return nullptr;
    }

    void tap(QWidget* target) const
    {
        // Layouts settle in the event loop: a screen just shown has its geometry only after it.
        QCoreApplication::processEvents();
        QVERIFY2(target, "nothing to tap");
        QVERIFY2(target->isVisible() && target->isEnabled(), qPrintable(target->objectName()));
        QTest::mouseClick(target, Qt::LeftButton);
    }

    void type(const QString& field, const QString& text) const
    {
        auto* edit = find<QLineEdit>(field);
        QVERIFY2(edit, qPrintable(field));
        edit->setFocus();
        // Letters with diacritics arrive as the on-screen keyboard sends them, committed by the
        // input method; plain ASCII as key presses.
        for (const QChar c : text) {
            if (c.unicode() < 0x80) {
                QTest::keyClick(edit, c.toLatin1());
            } else {
                QInputMethodEvent commit;
                commit.setCommitString(QString(c));
                QCoreApplication::sendEvent(edit, &commit);
            }
        }
    }

    // Lets time pass on the kiosk, in the window's own ticks.
    void wait(qint64 ms)
    {
        for (qint64 step = 0; step < ms; step += 250) {
            site.clock.advance(250);
            window->tick();
        }
    }

    SiteLog site;
    Ed25519Key key;
    KioskFlow::Timing timing;
    std::unique_ptr<CheckInService> service;
    std::unique_ptr<DirectCheckIn> gateway;
    std::unique_ptr<PayloadRecognizer> recognizer;
    std::unique_ptr<KioskFlow> flow;
    Translation translation;
    Settings settings;
    std::unique_ptr<KioskWindow> window;
};
