// Check-out.
#include "CheckOutScreen.h"

#include "TouchField.h"
#include "Viewfinder.h"
#include "checkin/KioskFlow.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

CheckOutScreen::CheckOutScreen(KioskFlow& flow, bool mirrorViewfinder, QWidget* parent)
    : TranslatedWidget(parent), m_flow(flow)
{
    m_title = addLabel(QStringLiteral("ScreenTitle"));
    m_message = addLabel(QStringLiteral("Message"));
    m_viewfinder = new Viewfinder(mirrorViewfinder, this);
    // As on the identify screen: the camera first, the field when asked for (both do not fit a
    // 10-inch panel at a size anyone could aim at).
    m_typeInstead = new QPushButton(this);
    m_typeInstead->setObjectName(QStringLiteral("SecondaryButton"));
    m_idLabel = addLabel(QStringLiteral("FieldLabel"), Qt::AlignLeft | Qt::AlignVCenter);
    m_idNumber = new TouchField(this);
    m_idNumber->setObjectName(QStringLiteral("IdNumber"));
    m_idNumber->setInputMethodHints(TouchField::PersonalData | Qt::ImhPreferNumbers);
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
    connect(m_typeInstead, &QPushButton::clicked, this, [this] {
        showField(true);
        m_idNumber->setFocus(); // the on-screen keyboard opens
        m_flow.keepAlive();
    });
    connect(&m_flow, &KioskFlow::messageChanged, m_message, &QLabel::setText);

    // Laid out as the identify screen: Cancel at the bottom left, the action at the right.
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_checkOut);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 16, 48, 16);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_viewfinder, 4); // as big as the panel allows
    layout->addWidget(m_typeInstead, 0, Qt::AlignHCenter);
    layout->addWidget(m_idLabel);
    layout->addWidget(m_idNumber);
    layout->addStretch(1);
    layout->addLayout(buttons);
    reset();
    retranslate();
}

void CheckOutScreen::reset()
{
    m_idNumber->setText(QString()); // and its undo history (IdentifyScreen::reset())
    m_viewfinder->clear();          // nothing of the last visitor's card
    showField(false);
}

void CheckOutScreen::showField(bool typing)
{
    m_viewfinder->setVisible(!typing);
    m_typeInstead->setVisible(!typing);
    for (QWidget* widget : std::initializer_list<QWidget*>{m_idLabel, m_idNumber, m_checkOut})
        widget->setVisible(typing);
}

void CheckOutScreen::retranslate()
{
    m_title->setText(tr("Check out"));
    m_message->setText(tr("To check out, show your citizen ID card or visitor pass to the camera, or type your ID "
                          "number."));
    m_idLabel->setText(tr("ID number"));
    m_checkOut->setText(tr("Check out"));
    m_typeInstead->setText(tr("Type my ID number instead"));
    m_cancel->setText(tr("Cancel"));
}
