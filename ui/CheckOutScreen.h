// Check-out: a scan of the same card or pass (with the camera's picture to aim it), or, after
// "Type my ID number instead", the ID number typed. Never a list of who is
// inside: the next person at the kiosk must not see other visitors' names.
#pragma once

#include "TranslatedWidget.h"

class KioskFlow;
class QLabel;
class QLineEdit;
class QPushButton;
class Viewfinder;

class CheckOutScreen : public TranslatedWidget
{
    Q_OBJECT

public:
    // mirrorViewfinder: [qr] mirror, the camera faces the visitor.
    CheckOutScreen(KioskFlow& flow, bool mirrorViewfinder, QWidget* parent = nullptr);

    void reset();
    Viewfinder* viewfinder() const { return m_viewfinder; }

protected:
    void retranslate() override;

private:
    void showField(bool typing);

    KioskFlow& m_flow;
    QLabel* m_title = nullptr;
    QLabel* m_message = nullptr;
    Viewfinder* m_viewfinder = nullptr;
    QPushButton* m_typeInstead = nullptr;
    QLabel* m_idLabel = nullptr;
    QLineEdit* m_idNumber = nullptr;
    QPushButton* m_checkOut = nullptr;
    QPushButton* m_cancel = nullptr;
};
