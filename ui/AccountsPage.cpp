// The site's accounts as an administrator manages them at the desk.
#include "AccountsPage.h"

#include "TouchField.h"
#include "desk/Desk.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

AccountsPage::AccountsPage(Desk& desk, QWidget* parent) : TranslatedWidget(parent), m_desk(desk)
{
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("Accounts"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("AccountName"));
    m_name->setInputMethodHints(TouchField::PersonalData);
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("Role"));
    m_role->addItem(QString(), QStringLiteral("receptionist"));
    m_role->addItem(QString(), QStringLiteral("admin"));
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("NewPin"));
    m_pinAgain = new QLineEdit(this);
    m_pinAgain->setObjectName(QStringLiteral("NewPinAgain"));
    for (QLineEdit* field : {m_pin, m_pinAgain}) {
        field->setEchoMode(QLineEdit::Password);
        field->setInputMethodHints(TouchField::PersonalData | Qt::ImhDigitsOnly);
    }
    m_nameLabel = new QLabel(this);
    m_roleLabel = new QLabel(this);
    m_pinLabel = new QLabel(this);
    m_pinAgainLabel = new QLabel(this);
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("AddAccount"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("RemoveAccount"));
    m_changePin = new QPushButton(this);
    m_changePin->setObjectName(QStringLiteral("ChangePin"));
    connect(m_add, &QPushButton::clicked, this, &AccountsPage::addAccount);
    connect(m_remove, &QPushButton::clicked, this, &AccountsPage::removeSelected);
    connect(m_changePin, &QPushButton::clicked, this, &AccountsPage::changePinOfSelected);
    m_outcome = addLabel(QStringLiteral("Outcome"), Qt::AlignLeft | Qt::AlignVCenter);

    auto* form = new QGridLayout;
    form->setColumnStretch(1, 1);
    const QList<QPair<QLabel*, QWidget*>> rows = {
        {m_nameLabel, m_name}, {m_roleLabel, m_role}, {m_pinLabel, m_pin}, {m_pinAgainLabel, m_pinAgain}};
    for (int i = 0; i < rows.size(); ++i) {
        form->addWidget(rows[i].first, i, 0);
        form->addWidget(rows[i].second, i, 1);
    }
    // What acts on the selected account sits under the list, adding one under its form: each
    // row fits a portrait screen (800 px) in Vietnamese, which the three side by side did not.
    auto* selected = new QHBoxLayout;
    selected->addWidget(m_changePin);
    selected->addStretch(1);
    selected->addWidget(m_remove);
    auto* adding = new QHBoxLayout;
    adding->addWidget(m_add);
    adding->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(selected);
    layout->addLayout(form);
    layout->addLayout(adding);
    layout->addWidget(m_outcome);
    retranslate();
}

QString AccountsPage::lastOutcome() const
{
    return m_outcome->text();
}

void AccountsPage::refresh()
{
    if (!m_desk.mayAsk(DeskSession::Need::Admin)) // locked: read again at the next unlock
        return;
    m_desk.accounts([page = QPointer<AccountsPage>(this)](const Result<QList<Accounts::Account>>& accounts) {
        if (!page)
            return;
        if (!accounts) {
            page->m_outcome->setText(accounts.error().message());
            return;
        }
        const QDateTime now = page->m_desk.now();
        QTableWidget* table = page->m_table;
        table->setRowCount(int(accounts->size()));
        for (int row = 0; row < accounts->size(); ++row) {
            const Accounts::Account& account = accounts.value()[row];
            const QStringList cells = {account.name, account.isAdmin() ? tr("Administrator") : tr("Receptionist"),
                                       account.isLockedAt(now) ? tr("Locked (wrong PINs)") : tr("Ready")};
            for (int column = 0; column < cells.size(); ++column) {
                auto* item = new QTableWidgetItem(cells[column]);
                item->setData(Qt::UserRole, account.name);
                table->setItem(row, column, item);
            }
        }
    });
}

std::function<void(const Result<void>&)> AccountsPage::changed(const QString& sentence, bool clearForm)
{
    return [page = QPointer<AccountsPage>(this), sentence, clearForm](const Result<void>& done) {
        if (!page)
            return;
        if (!done) {
            page->m_outcome->setText(done.error().message());
            return;
        }
        if (clearForm)
            page->clearForm();
        page->m_outcome->setText(sentence);
        page->refresh();
    };
}

void AccountsPage::clearForm()
{
    // setText() also drops the undo history (a PIN must not come back with Ctrl+Z).
    for (QLineEdit* field : {m_name, m_pin, m_pinAgain})
        field->setText(QString());
    m_outcome->setText(QString());
}

QString AccountsPage::selectedName() const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(Qt::UserRole).toString();
}

QString AccountsPage::typedPin()
{
    const QString pin = m_pin->text();
    if (pin != m_pinAgain->text()) {
        m_outcome->setText(tr("The two PINs are not the same."));
        return {};
    }
    const Result<void> rule = Accounts::checkPinRule(pin);
    if (!rule) {
        m_outcome->setText(rule.error().message());
        return {};
    }
    return pin;
}

void AccountsPage::addAccount()
{
    if (const Result<void> allowed = m_desk.mayAsk(DeskSession::Need::Admin); !allowed) {
        m_outcome->setText(allowed.error().message());
        return;
    }
    const QString pin = typedPin();
    if (pin.isEmpty())
        return;
    const auto role = Accounts::roleFrom(m_role->currentData().toString()).value_or(Accounts::Role::Receptionist);
    const QString name = m_name->text().simplified();
    m_desk.addAccount(name, role, pin, changed(tr("The account %1 is added.").arg(name), true));
}

void AccountsPage::removeSelected()
{
    if (const Result<void> allowed = m_desk.mayAsk(DeskSession::Need::Admin); !allowed) {
        m_outcome->setText(allowed.error().message());
        return;
    }
    const QString name = selectedName();
    if (name.isEmpty()) {
        m_outcome->setText(tr("Choose an account in the list first."));
        return;
    }
    m_desk.removeAccount(name, changed(tr("The account %1 is removed.").arg(name), false));
}

void AccountsPage::changePinOfSelected()
{
    if (const Result<void> allowed = m_desk.mayAsk(DeskSession::Need::Admin); !allowed) {
        m_outcome->setText(allowed.error().message());
        return;
    }
    const QString name = selectedName();
    if (name.isEmpty()) {
        m_outcome->setText(tr("Choose an account in the list first."));
        return;
    }
    const QString pin = typedPin();
    if (pin.isEmpty())
        return;
    m_desk.setPin(name, pin, changed(tr("The PIN of %1 is changed.").arg(name), true));
}

void AccountsPage::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("State")});
    m_nameLabel->setText(tr("Name"));
    m_roleLabel->setText(tr("Role"));
    m_role->setItemText(0, tr("Receptionist: overrides and check-in by hand"));
    m_role->setItemText(1, tr("Administrator: also settings, exports, roster and accounts"));
    m_pinLabel->setText(tr("PIN (at least 6 digits)"));
    m_pinAgainLabel->setText(tr("The same PIN again"));
    m_add->setText(tr("Add the account"));
    m_changePin->setText(tr("New PIN for the selected account"));
    m_remove->setText(tr("Remove the selected account"));
    refresh();
}
