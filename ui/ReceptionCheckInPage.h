// A check-in at the desk: for the visitor whose card will not scan, whose phone is flat, or who
// cannot use the kiosk. Under the required policy a visitor without the app needs a reason,
// which the audit log keeps.
#pragma once

#include "TranslatedWidget.h"

class Desk;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

class ReceptionCheckInPage : public TranslatedWidget
{
    Q_OBJECT

public:
    explicit ReceptionCheckInPage(Desk& desk, QWidget* parent = nullptr);

    // Who is signed in at the console: the audit log names them for every check-in by hand.
    // Empties the form, its undo history too (the console locks).
    void clearForm();

protected:
    void retranslate() override;

private:
    void submit();

    Desk& m_desk;      // runs each request, as the signed-in account
    int m_session = 0; // counts clearForm(): an answer is shown only on the form it came from
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_idLabel = nullptr;
    QLineEdit* m_idNumber = nullptr;
    QLabel* m_phoneLabel = nullptr;
    QLineEdit* m_phone = nullptr;
    QLabel* m_typeLabel = nullptr;
    QComboBox* m_type = nullptr;
    QCheckBox* m_appSeen = nullptr;
    QLabel* m_reasonLabel = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_outcome = nullptr;
    QPushButton* m_submit = nullptr;
};
