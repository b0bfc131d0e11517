// The kiosk's one full-screen window: a demo banner when there is no real hardware, and the
// screens of the check-in flow stacked beneath it.
#pragma once

#include "common/Settings.h"

#include <QWidget>

class IdleScreen;
class QLabel;
class QStackedWidget;
class Translation;

class KioskWindow : public QWidget
{
    Q_OBJECT

public:
    KioskWindow(const Settings& settings, Translation& translation, bool demo, QWidget* parent = nullptr);

    IdleScreen* idleScreen() const { return m_idle; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    Translation& m_translation;
    QLabel* m_demoBanner = nullptr;
    QStackedWidget* m_screens = nullptr;
    IdleScreen* m_idle = nullptr;
};
