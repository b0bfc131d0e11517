// The end of a check-in or check-out.
#include "ResultScreen.h"

#include "ResultSound.h"
#include "TouchField.h"
#include "checkin/KioskFlow.h"
#include "qr/QrEncoder.h"

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

ResultScreen::ResultScreen(KioskFlow& flow, const QString& installUrl, const QString& receptionistPin,
                           ResultSound* sound, QWidget* parent)
    : TranslatedWidget(parent), m_flow(flow), m_pin(receptionistPin), m_sound(sound)
{
    m_panel = new QWidget(this);
    m_panel->setObjectName(QStringLiteral("ResultPanel"));
    m_panel->setAttribute(Qt::WA_StyledBackground);
    m_headline = new QLabel(m_panel);
    m_headline->setObjectName(QStringLiteral("ResultHeadline"));
    m_headline->setAlignment(Qt::AlignCenter);
    m_headline->setWordWrap(true);
    m_sentence = new QLabel(m_panel);
    m_sentence->setObjectName(QStringLiteral("ResultSentence"));
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
    connect(m_receptionist, &QPushButton::clicked, this, [this] {
        m_override->setVisible(true);
        m_admit->setVisible(true);
        m_receptionist->setVisible(false);
        m_installCode->setVisible(false); // room for the form; the visitor is not installing now
        m_pinField->setFocus();
        m_flow.keepAlive();
    });

    // The receptionist's override: PIN and a reason, both required; the reason is audited.
    m_override = new QWidget(this);
    m_override->setObjectName(QStringLiteral("OverrideForm"));
    m_pinLabel = new QLabel(m_override);
    m_pinField = new TouchField(m_override);
    m_pinField->setObjectName(QStringLiteral("Pin"));
    m_pinField->setEchoMode(QLineEdit::Password);
    m_pinField->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
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
    form->addWidget(m_pinLabel, 0, 0);
    form->addWidget(m_pinField, 0, 1);
    form->addWidget(m_reasonLabel, 1, 0);
    form->addWidget(m_reason, 1, 1);

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
    m_installCode->setVisible(m_tone == Tone::Recommend || m_tone == Tone::Refused);
    m_receptionist->setVisible(m_tone == Tone::Refused);
    m_override->setVisible(false);
    m_admit->setVisible(false);
    m_pinField->clear();
    m_reason->clear();
    m_overrideProblem->clear();
    retranslate();
    if (m_sound)
        m_sound->play(m_tone == Tone::Welcome || m_tone == Tone::Goodbye ? ResultSound::Kind::Success
                      : m_tone == Tone::Recommend                        ? ResultSound::Kind::Notice
                                                                         : ResultSound::Kind::Refusal);
}

void ResultScreen::admit()
{
    if (m_pin.isEmpty()) {
        m_overrideProblem->setText(tr("No receptionist PIN is set for this kiosk ([kiosk] receptionist_pin): "
                                      "admit the visitor from the receptionist's console."));
        return;
    }
    if (m_pinField->text() != m_pin) {
        m_overrideProblem->setText(tr("That PIN is not right."));
        m_pinField->clear();
        return;
    }
    if (m_reason->text().simplified().isEmpty()) {
        m_overrideProblem->setText(tr("Please give the reason for admitting this visitor without the app."));
        return;
    }
    m_flow.overrideRefusal(m_reason->text().simplified());
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
    }
    m_done->setText(tr("Done"));
    m_receptionist->setText(tr("Receptionist"));
    m_pinLabel->setText(tr("Receptionist PIN"));
    m_reasonLabel->setText(tr("Reason"));
    m_admit->setText(tr("Admit"));
}
