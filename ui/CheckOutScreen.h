// Check-out: a scan of the same card or pass, or the ID number typed. Never a list of who is
// inside: the next person at the kiosk must not see other visitors' names.
#pragma once

#include "TranslatedWidget.h"

class KioskFlow;
class QLabel;
class QLineEdit;
class QPushButton;

class CheckOutScreen : public TranslatedWidget
{
    Q_OBJECT

public:
    explicit CheckOutScreen(KioskFlow& flow, QWidget* parent = nullptr);

    void reset();

protected:
    void retranslate() override;

private:
    KioskFlow& m_flow;
    QLabel* m_title = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_idLabel = nullptr;
    QLineEdit* m_idNumber = nullptr;
    QPushButton* m_checkOut = nullptr;
    QPushButton* m_cancel = nullptr;
};
