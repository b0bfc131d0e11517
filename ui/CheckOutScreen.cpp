// Check-out.
#include "CheckOutScreen.h"

#include "TouchField.h"
#include "checkin/KioskFlow.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>

#include <QPushButton>
#include <QVBoxLayout>

CheckOutScreen::CheckOutScreen(KioskFlow& flow, QWidget* parent) : TranslatedWidget(parent), m_flow(flow)
{
    m_title = addLabel(QStringLiteral("ScreenTitle"));
    m_message = addLabel(QStringLiteral("Message"));
    m_idLabel = addLabel(QStringLiteral("FieldLabel"), Qt::AlignLeft | Qt::AlignVCenter);
    m_idNumber = new TouchField(this);
    m_idNumber->setObjectName(QStringLiteral("IdNumber"));
    m_idNumber->setInputMethodHints(Qt::ImhPreferNumbers | Qt::ImhNoPredictiveText);
    m_checkOut = new QPushButton(this);
    m_checkOut->setObjectName(QStringLiteral("PrimaryButton"));
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("CancelButton"));
    // The service reads the number in any spelling (common/IdNumber.h) and says what is wrong.
    const auto submit = [this] {
        if (!m_idNumber->text().trimmed().isEmpty())
            m_flow.checkOutByIdNumber(m_idNumber->text());
    };
    connect(m_checkOut, &QPushButton::clicked, this, submit);
    connect(m_idNumber, &QLineEdit::returnPressed, this, submit);
    connect(m_idNumber, &QLineEdit::textEdited, this, [this] { m_flow.keepAlive(); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_flow.cancel(); });
    connect(&m_flow, &KioskFlow::messageChanged, m_message, &QLabel::setText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    layout->setSpacing(20);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_idLabel);
    layout->addWidget(m_idNumber);
    layout->addWidget(m_checkOut, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    layout->addWidget(m_cancel, 0, Qt::AlignHCenter);
    retranslate();
}

void CheckOutScreen::reset()
{
    m_idNumber->setText(QString()); // and its undo history (IdentifyScreen::reset())
}

void CheckOutScreen::retranslate()
{
    m_title->setText(tr("Check out"));
    m_message->setText(tr("To check out, show your citizen ID card or visitor pass to the camera, or type your ID "
                          "number."));
    m_idLabel->setText(tr("ID number"));
    m_checkOut->setText(tr("Check out"));
    m_cancel->setText(tr("Cancel"));
}
