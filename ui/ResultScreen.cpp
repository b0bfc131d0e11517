// The end of a check-in or check-out.
#include "ResultScreen.h"

#include "KioskPanel.h"
#include "ResultSound.h"
#include "TouchField.h"
#include "checkin/KioskFlow.h"
#include "checkin/Speaker.h"
#include "checkin/SpokenGuidance.h"
#include "qr/QrEncoder.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMetaEnum>
#include <QPixmap>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

ResultScreen::ResultScreen(KioskFlow& flow, const QString& installUrl, ResultSound* sound, QWidget* parent)
    : TranslatedWidget(parent), m_flow(flow), m_sound(sound), m_installUrl(installUrl)
{
    m_panel = new QWidget(this);
    m_panel->setObjectName(QStringLiteral("ResultPanel"));
    m_panel->setAttribute(Qt::WA_StyledBackground);
    m_headline = new QLabel(m_panel);
    m_headline->setObjectName(QStringLiteral("ResultHeadline"));
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setAlignment(Qt::AlignCenter);
    m_headline->setWordWrap(true);
    m_sentence = new QLabel(m_panel);
    m_sentence->setObjectName(QStringLiteral("ResultSentence"));
    // It may carry the visitor's name as they typed it or their card said it: never markup.
    m_sentence->setTextFormat(Qt::PlainText);
    m_sentence->setAlignment(Qt::AlignCenter);
    m_sentence->setWordWrap(true);
    m_installCode = new QLabel(m_panel);
    m_installCode->setObjectName(QStringLiteral("InstallCode"));
    m_installCode->setAlignment(Qt::AlignCenter);
    m_installCode->setPixmap(QPixmap::fromImage(QrEncoder::encode(installUrl, 5)));
    auto* panel = new QVBoxLayout(m_panel);
    panel->setContentsMargins(32, 32, 32, 32);
    panel->addStretch(1);
    panel->addWidget(m_headline);
    panel->addWidget(m_sentence);
    panel->addWidget(m_installCode);
    panel->addStretch(1);

    m_done = new QPushButton(this);
    m_done->setObjectName(QStringLiteral("PrimaryButton"));
    connect(m_done, &QPushButton::clicked, this, [this] { m_flow.cancel(); });
    m_receptionist = new QPushButton(this);
    m_receptionist->setObjectName(QStringLiteral("SecondaryButton"));
    connect(m_receptionist, &QPushButton::clicked, this, &ResultScreen::openOverride);

    // The receptionist's override: their name (chosen, not typed), PIN and a reason, all required;
    // the core checks the PIN and audits the reason under the account's name.
    m_override = new QWidget(this);
    m_override->setObjectName(QStringLiteral("OverrideForm"));
    m_accountLabel = new QLabel(m_override);
    m_account = new QComboBox(m_override);
    m_account->setObjectName(QStringLiteral("Receptionist"));
    m_account->setMinimumHeight(TouchField::MinimumHeight);
    m_pinLabel = new QLabel(m_override);
    m_pinField = new TouchField(m_override);
    m_pinField->setObjectName(QStringLiteral("Pin"));
    m_pinField->setEchoMode(QLineEdit::Password);
    m_pinField->setInputMethodHints(TouchField::PersonalData | Qt::ImhDigitsOnly);
    m_reasonLabel = new QLabel(m_override);
    m_reason = new TouchField(m_override);
    m_reason->setObjectName(QStringLiteral("Reason"));
    m_overrideProblem = addLabel(QStringLiteral("FormProblem"), Qt::AlignLeft | Qt::AlignVCenter);
    m_admit = new QPushButton(this);
    m_admit->setObjectName(QStringLiteral("AdmitButton"));
    connect(m_admit, &QPushButton::clicked, this, &ResultScreen::admit);
    for (QLineEdit* field : {m_pinField, m_reason})
        connect(field, &QLineEdit::textEdited, this, [this] { m_flow.keepAlive(); });
    // A grid, not a QFormLayout: it keeps every field at its full (touch) height.
    auto* form = new QGridLayout(m_override);
    form->setContentsMargins(0, 0, 0, 0);
    form->setVerticalSpacing(6);
    form->setColumnStretch(1, 1);
    // Name and PIN side by side: three rows do not fit an 800-pixel-high panel under the result.
    form->addWidget(m_accountLabel, 0, 0);
    form->addWidget(m_account, 0, 1);
    form->addWidget(m_pinLabel, 0, 2);
    form->addWidget(m_pinField, 0, 3);
    form->addWidget(m_reasonLabel, 1, 0);
    form->addWidget(m_reason, 1, 1, 1, 3);
    form->setColumnStretch(3, 1);
    connect(m_account, &QComboBox::activated, this, [this] { m_flow.keepAlive(); });
    connect(&m_flow, &KioskFlow::overrideRefused, this, [this](const QString& sentence) {
        m_overrideProblem->setText(sentence);
        m_pinField->setText(QString());
        m_pinField->setFocus();
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(16);
    layout->addWidget(m_panel, 1);
    layout->addWidget(m_override);
    layout->addWidget(m_overrideProblem);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_receptionist);
    buttons->addWidget(m_done);
    buttons->addWidget(m_admit);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    retranslate();
}

void ResultScreen::showOutcome()
{
    const auto& outcome = m_flow.outcome();
    if (!outcome)
        m_tone = Tone::Problem; // nothing was recorded: the sentence says why
    else if (m_flow.typedCheckOut())
        m_tone = Tone::Noted;
    else if (m_flow.refused())
        m_tone = Tone::Refused;
    else if (outcome->entry && outcome->entry->checkedOutAt)
        m_tone = Tone::Goodbye;
    else if (outcome->decision == Policy::Decision::AdmitAndRecommend)
        m_tone = Tone::Recommend;
    else
        m_tone = Tone::Welcome;
    // The QSS colours the panel by this property (resources/styles/kiosk.qss).
    m_panel->setProperty("tone", QString::fromLatin1(QMetaEnum::fromType<Tone>().valueToKey(int(m_tone))));
    m_panel->style()->unpolish(m_panel);
    m_panel->style()->polish(m_panel);
    m_sentence->setText(m_flow.message());
    m_sentence->setVisible(true);
    m_installCode->setVisible(m_tone == Tone::Recommend || m_tone == Tone::Refused);
    m_receptionist->setVisible(m_tone == Tone::Refused);
    m_override->setVisible(false);
    m_admit->setVisible(false);
    // Nothing of an earlier override stays, not even in the fields' undo history.
    m_account->clear();
    m_pinField->setText(QString());
    m_reason->setText(QString());
    m_overrideProblem->setText(QString());
    retranslate();
    if (m_sound)
        m_sound->play(m_tone == Tone::Welcome || m_tone == Tone::Goodbye   ? ResultSound::Kind::Success
                      : m_tone == Tone::Recommend || m_tone == Tone::Noted ? ResultSound::Kind::Notice
                                                                           : ResultSound::Kind::Refusal);
    if (m_speaker) {
        const SpokenGuidance::Result said = m_tone == Tone::Welcome     ? SpokenGuidance::Result::Welcome
                                            : m_tone == Tone::Recommend ? SpokenGuidance::Result::Recommend
                                            : m_tone == Tone::Refused   ? SpokenGuidance::Result::Refused
                                            : m_tone == Tone::Goodbye || m_tone == Tone::Noted
                                                ? SpokenGuidance::Result::Goodbye
                                                : SpokenGuidance::Result::Problem;
        m_speaker->say(SpokenGuidance::sentence(said, outcome ? outcome->entry : std::nullopt, m_flow.ownCode()));
    }
}

void ResultScreen::openOverride()
{
    m_override->setVisible(true);
    m_admit->setVisible(true);
    m_receptionist->setVisible(false);
    // Room for the form on a 800-pixel-high panel: the receptionist reads the headline; the
    // visitor is not installing now.
    m_installCode->setVisible(false);
    m_sentence->setVisible(false);
    m_flow.keepAlive();
    // The names come from the writer thread (checkin/CheckInGateway.h); the list fills when they do.
    m_flow.receptionists([this](const Result<QStringList>& names) {
        m_account->clear();
        if (!names) {
            m_overrideProblem->setText(names.error().message());
            return;
        }
        if (names->isEmpty()) {
            m_overrideProblem->setText(tr("This site has no receptionist accounts yet: an administrator creates "
                                          "them with \"gatehouse-cli account add\". Admit the visitor from the "
                                          "receptionist's console."));
            return;
        }
        m_account->addItems(names.value());
        m_pinField->setFocus();
    });
}

void ResultScreen::admit()
{
    if (m_account->currentText().isEmpty()) {
        m_overrideProblem->setText(tr("Choose your name first."));
        return;
    }
    if (m_pinField->text().isEmpty()) {
        m_overrideProblem->setText(tr("Please type your PIN."));
        m_pinField->setFocus();
        return;
    }
    if (m_reason->text().simplified().isEmpty()) {
        m_overrideProblem->setText(tr("Please give the reason for admitting this visitor without the app."));
        return;
    }
    m_overrideProblem->setText(QString());
    m_flow.overrideRefusal(m_account->currentText(), m_pinField->text(), m_reason->text().simplified());
}

void ResultScreen::retranslate()
{
    switch (m_tone) {
    case Tone::Welcome:
        m_headline->setText(tr("Welcome"));
        break;
    case Tone::Recommend:
        m_headline->setText(tr("Tracing app not found: please install it"));
        break;
    case Tone::Refused:
        m_headline->setText(tr("Please see the receptionist"));
        break;
    case Tone::Goodbye:
        m_headline->setText(tr("Goodbye"));
        break;
    case Tone::Problem:
        m_headline->setText(tr("Not recorded"));
        break;
    case Tone::Noted:
        m_headline->setText(tr("Thank you"));
        break;
    }
    m_done->setText(tr("Done"));
    m_receptionist->setText(tr("Receptionist"));
    m_accountLabel->setText(tr("Receptionist"));
    m_pinLabel->setText(tr("PIN"));
    m_reasonLabel->setText(tr("Reason"));
    m_admit->setText(tr("Admit"));
}

void ResultScreen::drawFor(const KioskPanel& panel)
{
    const int module = panel.scale() < 0.8 ? 3 : panel.scale() < 1.0 ? 4 : 5;
    m_installCode->setPixmap(QPixmap::fromImage(QrEncoder::encode(m_installUrl, module)));
}
