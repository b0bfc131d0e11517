// Check-in, first step.
#include "IdentifyScreen.h"

#include "TouchField.h"
#include "Viewfinder.h"
#include "checkin/KioskFlow.h"
#include "common/IdNumber.h"
#include "common/Settings.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>
#include <QStackedWidget>
#include <QVBoxLayout>

IdentifyScreen::IdentifyScreen(KioskFlow& flow, const Settings& settings, QWidget* parent)
    : TranslatedWidget(parent), m_flow(flow), m_retentionDays(settings.retentionDays()),
      m_declarationRetentionDays(settings.declarationRetentionDays()),
      m_auditRetentionDays(settings.auditRetentionDays()), m_healthDeclaration(settings.healthDeclaration())
{
    m_title = addLabel(QStringLiteral("ScreenTitle"));
    m_message = addLabel(QStringLiteral("Message"));
    m_pages = new QStackedWidget(this);
    m_prompt = new QWidget(m_pages);
    m_privacy = addLabel(QStringLiteral("PrivacyNotice"), Qt::AlignLeft | Qt::AlignVCenter);
    m_privacy->setTextFormat(Qt::RichText); // our own words, with a bold first phrase
    m_readMore = new QPushButton(this);
    m_readMore->setObjectName(QStringLiteral("ReadMoreButton"));
    auto* notice = new QWidget(m_pages);
    m_privacyFull = new QLabel(notice);
    m_privacyFull->setObjectName(QStringLiteral("PrivacyNoticeFull"));
    m_privacyFull->setTextFormat(Qt::RichText);
    m_privacyFull->setWordWrap(true);
    m_privacyFull->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* scroll = new QScrollArea(notice);
    scroll->setObjectName(QStringLiteral("PrivacyScroll"));
    scroll->setWidget(m_privacyFull);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    QScroller::grabGesture(scroll->viewport(), QScroller::LeftMouseButtonGesture); // a finger scrolls
    m_back = new QPushButton(notice);
    m_back->setObjectName(QStringLiteral("PrimaryButton"));
    auto* noticeLayout = new QVBoxLayout(notice);
    noticeLayout->setContentsMargins(0, 0, 0, 0);
    noticeLayout->addWidget(scroll, 1);
    noticeLayout->addWidget(m_back, 0, Qt::AlignRight);
    connect(m_readMore, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentIndex(1);
        m_flow.keepAlive();
    });
    connect(m_back, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentIndex(0);
        m_flow.keepAlive();
    });

    m_viewfinder = new Viewfinder(settings.mirrorViewfinder(), this);
    m_typeInstead = new QPushButton(this);
    m_typeInstead->setObjectName(QStringLiteral("SecondaryButton"));
    connect(m_typeInstead, &QPushButton::clicked, this, [this] {
        m_form->setVisible(true);
        m_continue->setVisible(true);
        m_typeInstead->setVisible(false);
        m_viewfinder->setVisible(false);
        m_message->setVisible(false); // the scan prompt gives way to the form (the notice stays)
        m_name->setFocus();           // the on-screen keyboard opens on the first field
        m_flow.keepAlive();
    });

    // The manual form: what a CCCD's QR would have given. Phone is optional.
    m_form = new QWidget(this);
    m_form->setObjectName(QStringLiteral("ManualForm"));
    m_name = new TouchField(m_form);
    m_name->setObjectName(QStringLiteral("FullName"));
    m_idNumber = new TouchField(m_form);
    m_idNumber->setObjectName(QStringLiteral("IdNumber"));
    m_idNumber->setInputMethodHints(TouchField::PersonalData | Qt::ImhPreferNumbers);
    m_phone = new TouchField(m_form);
    m_phone->setObjectName(QStringLiteral("Phone"));
    m_phone->setInputMethodHints(TouchField::PersonalData | Qt::ImhDialableCharactersOnly);
    m_nameLabel = new QLabel(m_form);
    m_idLabel = new QLabel(m_form);
    m_phoneLabel = new QLabel(m_form);
    m_formProblem = addLabel(QStringLiteral("FormProblem"), Qt::AlignLeft | Qt::AlignVCenter);
    m_continue = new QPushButton(this);
    m_continue->setObjectName(QStringLiteral("PrimaryButton"));
    connect(m_continue, &QPushButton::clicked, this, &IdentifyScreen::submit);
    for (QLineEdit* field : {m_name, m_idNumber, m_phone}) {
        connect(field, &QLineEdit::textEdited, this, [this] { m_flow.keepAlive(); });
        connect(field, &QLineEdit::returnPressed, this, &IdentifyScreen::submit);
    }
    // A grid, not a QFormLayout: it keeps every field at its full (touch) height.
    auto* form = new QGridLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setVerticalSpacing(6);
    form->setColumnStretch(1, 1);
    form->addWidget(m_nameLabel, 0, 0);
    form->addWidget(m_name, 0, 1);
    form->addWidget(m_idLabel, 1, 0);
    form->addWidget(m_idNumber, 1, 1);
    form->addWidget(m_phoneLabel, 2, 0);
    form->addWidget(m_phone, 2, 1);

    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("CancelButton"));
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_flow.cancel(); });

    auto* privacyRow = new QHBoxLayout;
    privacyRow->addWidget(m_privacy, 1);
    privacyRow->addWidget(m_readMore);
    auto* layout = new QVBoxLayout(m_prompt);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_message);
    layout->addLayout(privacyRow);
    layout->addWidget(m_viewfinder, 4); // as big as the panel allows
    layout->addWidget(m_typeInstead, 0, Qt::AlignHCenter);
    layout->addWidget(m_form);
    layout->addWidget(m_formProblem);
    layout->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_continue);
    layout->addLayout(buttons);
    m_pages->addWidget(m_prompt);
    m_pages->addWidget(notice);
    auto* screen = new QVBoxLayout(this);
    screen->setContentsMargins(48, 16, 48, 16);
    screen->setSpacing(10);
    screen->addWidget(m_title);
    screen->addWidget(m_pages, 1);
    connect(&m_flow, &KioskFlow::messageChanged, m_message, &QLabel::setText);
    reset();
    retranslate();
}

void IdentifyScreen::reset()
{
    // setText() drops the undo history; clear() would keep the last visitor's text one Ctrl+Z away.
    for (QLineEdit* field : {m_name, m_idNumber, m_phone})
        field->setText(QString());
    m_formProblem->setText(QString());
    m_pages->setCurrentIndex(0);
    m_form->setVisible(false);
    m_continue->setVisible(false);
    m_message->setVisible(true);
    m_typeInstead->setVisible(true);
    m_viewfinder->clear(); // nothing of the last visitor's card
    m_viewfinder->setVisible(true);
}

void IdentifyScreen::submit()
{
    const QString name = m_name->text().simplified();
    if (name.isEmpty()) {
        m_formProblem->setText(tr("Please type your full name."));
        m_name->setFocus();
        return;
    }
    // The one rule for typed ID numbers (common/IdNumber.h): CCCD 12 digits, CMND 9, or a passport,
    // never a pass's stand-in.
    const auto idNumber = IdNumber::parseTyped(m_idNumber->text());
    if (!idNumber) {
        m_formProblem->setText(tr("Please type the number of your citizen ID card (12 digits), old ID card (9 "
                                  "digits) or passport."));
        m_idNumber->setFocus();
        return;
    }
    KioskFlow::Identity identity;
    identity.fullName = name;
    identity.idNumber = idNumber->text();
    identity.phone = m_phone->text().simplified();
    m_flow.identifyManually(identity);
}

void IdentifyScreen::retranslate()
{
    m_title->setText(tr("Check in"));
    m_message->setText(tr("Show the QR code of your citizen ID card or visitor pass to the camera, or type your "
                          "details."));
    // Every kind of data the site keeps, and how long (Law 91/2025/QH15: the person is told what is
    // collected, why, for how long and who receives it).
    const QString entries = tr("%n days", nullptr, m_retentionDays);
    const QString audit = tr("%n days", nullptr, m_auditRetentionDays);
    QString stored = tr("We record your name, ID number, phone (if you give it), the address on your ID card (when "
                        "you scan it), the times you come and go, and whether your tracing app was found (with its "
                        "identifier)");
    QString kept = tr("Your entry is kept %1, then deleted").arg(entries);
    if (m_healthDeclaration) {
        stored = tr("We record your name, ID number, phone (if you give it), the address on your ID card (when you "
                    "scan it), your health declaration answers, the times you come and go, and whether your tracing "
                    "app was found (with its identifier)");
        kept = tr("Your entry is kept %1 and your health answers %2, then deleted")
                   .arg(entries, tr("%n days", nullptr, m_declarationRetentionDays));
    }
    m_privacy->setText(tr("<b>Your personal data</b> is kept %1 for health officials, then deleted.").arg(entries));
    m_readMore->setText(tr("Read more"));
    m_back->setText(tr("Back"));
    m_privacyFull->setText(
        tr("<b>Your personal data.</b> %1, so that health officials can reach you if a COVID-19 case "
           "was here at the same time, as the Provincial People's Committee requires. %2; the site's "
           "audit log keeps the last three digits of ID numbers and receptionists' reasons %3. Only "
           "this site and the health authorities who ask for it see it. By continuing you agree to "
           "this.")
            .arg(stored, kept, audit));
    m_typeInstead->setText(tr("Type my details instead"));
    m_nameLabel->setText(tr("Full name"));
    m_idLabel->setText(tr("ID number"));
    m_phoneLabel->setText(tr("Phone (optional)"));
    m_continue->setText(tr("Continue"));
    m_cancel->setText(tr("Cancel"));
}
