// The site's accounts as an administrator manages them at the desk: who they are, their role,
// whether they are locked; add one (name, role, PIN typed twice), remove one, give one a new PIN
// (which also ends a lock). Every change goes through storage/Accounts.h, which audits it under
// the administrator's name.
#pragma once

#include "TranslatedWidget.h"
#include "common/Result.h"

#include <functional>

class Desk;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

class AccountsPage : public TranslatedWidget
{
    Q_OBJECT

public:
    explicit AccountsPage(Desk& desk, QWidget* parent = nullptr);

    // Who is signed in: the name the audit log gives every change.
    void refresh();
    // Empties the form (the console locks: the next person sees nothing typed).
    void clearForm();
    QTableWidget* table() const { return m_table; }
    QString lastOutcome() const;

    void addAccount();
    void removeSelected();
    void changePinOfSelected();

protected:
    void retranslate() override;

private:
    QString selectedName() const;
    // The two PIN fields agree and keep the rule; the PIN, or an empty string with the problem said.
    QString typedPin();

    // Says sentence when a change is done (and empties the form), or why it was not.
    std::function<void(const Result<void>&)> changed(const QString& sentence, bool clearForm);

    Desk& m_desk; // runs each request, as the signed-in account
    QTableWidget* m_table = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_roleLabel = nullptr;
    QComboBox* m_role = nullptr;
    QLabel* m_pinLabel = nullptr;
    QLineEdit* m_pin = nullptr;
    QLabel* m_pinAgainLabel = nullptr;
    QLineEdit* m_pinAgain = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_changePin = nullptr;
    QLabel* m_outcome = nullptr;
};
