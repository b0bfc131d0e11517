// Check-in, second step: "hold your phone near the kiosk", with a bar that empties over the wait.
// The wait is 30 s because Bluezone on Android advertises only in one half of every 30 s
// (formats/ble-capture.md); the sentence says so, so that nobody gives up after five seconds.
#pragma once

#include "TranslatedWidget.h"

class KioskFlow;
class QLabel;
class QProgressBar;
class QPushButton;

class WaitForAppScreen : public TranslatedWidget
{
    Q_OBJECT

public:
    WaitForAppScreen(KioskFlow& flow, qint64 waitMs, QWidget* parent = nullptr);

    // Shows the time left (the kiosk window calls it on each tick).
    void refresh();

protected:
    void retranslate() override;

private:
    KioskFlow& m_flow;
    QLabel* m_title = nullptr;
    QLabel* m_hint = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
};
