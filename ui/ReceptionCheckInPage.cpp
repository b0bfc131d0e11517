// A check-in at the desk.
#include "ReceptionCheckInPage.h"

#include "TouchField.h"
#include "desk/Desk.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

ReceptionCheckInPage::ReceptionCheckInPage(Desk& desk, QWidget* parent) : TranslatedWidget(parent), m_desk(desk)
{
    m_name = new TouchField(this);
    m_name->setObjectName(QStringLiteral("FullName"));
    m_idNumber = new TouchField(this);
    m_idNumber->setObjectName(QStringLiteral("IdNumber"));
    m_phone = new TouchField(this);
    m_phone->setObjectName(QStringLiteral("Phone"));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("PersonType"));
    m_type->addItems({QString(), QString(), QString()}); // visitor, staff, guest: texts in retranslate()
    m_appSeen = new QCheckBox(this);
    m_appSeen->setObjectName(QStringLiteral("AppSeen"));
    m_reason = new TouchField(this);
    m_reason->setObjectName(QStringLiteral("Reason"));
    m_nameLabel = new QLabel(this);
    m_idLabel = new QLabel(this);
    m_phoneLabel = new QLabel(this);
    m_typeLabel = new QLabel(this);
    m_reasonLabel = new QLabel(this);
    m_outcome = addLabel(QStringLiteral("Outcome"), Qt::AlignLeft | Qt::AlignVCenter);
    m_submit = new QPushButton(this);
    m_submit->setObjectName(QStringLiteral("PrimaryButton"));
    connect(m_submit, &QPushButton::clicked, this, &ReceptionCheckInPage::submit);

    auto* form = new QGridLayout;
    form->setColumnStretch(1, 1);
    const QList<QPair<QLabel*, QWidget*>> rows = {
        {m_nameLabel, m_name}, {m_idLabel, m_idNumber}, {m_phoneLabel, m_phone}, {m_typeLabel, m_type}};
    for (int i = 0; i < rows.size(); ++i) {
        form->addWidget(rows[i].first, i, 0);
        form->addWidget(rows[i].second, i, 1);
    }
    form->addWidget(m_appSeen, int(rows.size()), 1);
    form->addWidget(m_reasonLabel, int(rows.size()) + 1, 0);
    form->addWidget(m_reason, int(rows.size()) + 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_outcome);
    layout->addWidget(m_submit, 0, Qt::AlignRight);
    layout->addStretch(1);
    retranslate();
}

void ReceptionCheckInPage::submit()
{
    if (const Result<void> allowed = m_desk.mayAsk(DeskSession::Need::Receptionist); !allowed) {
        m_outcome->setText(allowed.error().message());
        return;
    }
    CheckInService::Request request; // its actor is the signed-in account's, set by the Desk
    request.entry.fullName = m_name->text().simplified();
    request.entry.idNumber = m_idNumber->text(); // in any spelling: the service normalises it
    request.entry.phone = m_phone->text().simplified();
    request.entry.personType = Entry::PersonType(m_type->currentIndex());
    request.entry.method = Entry::Method::Manual;
    if (m_appSeen->isChecked()) {
        // Seen by the receptionist on the visitor's screen: a verification without an advert.
        AppVerification seen;
        seen.profile = QStringLiteral("bluezone");
        request.app = seen;
        request.appSeenAtDesk = true;
    }
    request.overrideReason = m_reason->text().simplified();
    m_submit->setEnabled(false); // one entry per press, however slow the disk
    m_desk.checkIn(request, [page = QPointer<ReceptionCheckInPage>(this),
                             session = m_session](const Result<CheckInService::Outcome>& outcome) {
        if (!page)
            return;
        page->m_submit->setEnabled(true);
        if (session != page->m_session) // locked since: the next person sees no name
            return;
        if (!outcome)
            return page->m_outcome->setText(outcome.error().message());
        if (outcome->entry) // recorded: the form is ready for the next visitor
            page->clearForm();
        page->m_outcome->setText(outcome->sentence);
    });
}

void ReceptionCheckInPage::clearForm()
{
    ++m_session;
    for (QLineEdit* field : {m_name, m_idNumber, m_phone, m_reason})
        field->setText(QString());
    m_appSeen->setChecked(false);
    m_outcome->setText(QString());
}

void ReceptionCheckInPage::retranslate()
{
    m_nameLabel->setText(tr("Full name"));
    m_idLabel->setText(tr("ID number"));
    m_phoneLabel->setText(tr("Phone (optional)"));
    m_typeLabel->setText(tr("Type"));
    m_type->setItemText(0, tr("Visitor"));
    m_type->setItemText(1, tr("Staff"));
    m_type->setItemText(2, tr("Guest"));
    m_appSeen->setText(tr("The tracing app is running on the visitor's phone (seen at the desk)"));
    m_reasonLabel->setText(tr("Reason to admit without the app"));
    m_submit->setText(tr("Check in"));
}
