// The kiosk's one full-screen window.
#include "KioskWindow.h"

#include "CheckOutScreen.h"
#include "HealthDeclarationScreen.h"
#include "IdentifyScreen.h"
#include "IdleScreen.h"
#include "KioskDevices.h"
#include "PosterScreen.h"
#include "ResultScreen.h"
#include "TouchField.h"
#include "Viewfinder.h"
#include "WaitForAppScreen.h"
#include "common/Translation.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

KioskWindow::KioskWindow(const Settings& settings, Translation& translation, KioskFlow& flow, HealthQuestions questions,
                         qint64 appWaitMs, bool demo, ResultSound* sound, QWidget* parent)
    : TranslatedWidget(parent), m_translation(translation), m_flow(flow)
{
    setObjectName(QStringLiteral("KioskWindow"));
    setAttribute(Qt::WA_StyledBackground);
    QFile style(QStringLiteral(":/styles/kiosk.qss"));
    if (style.open(QIODevice::ReadOnly))
        m_designStyle = QString::fromUtf8(style.readAll());

    m_demoBanner = new QLabel(this);
    m_demoBanner->setObjectName(QStringLiteral("DemoBanner"));
    m_demoBanner->setTextFormat(Qt::PlainText);
    m_demoBanner->setAlignment(Qt::AlignCenter);
    m_demoBanner->setWordWrap(true);
    m_demoBanner->setVisible(demo);

    m_idle = new IdleScreen(settings.siteName(), settings.installUrl(), translation.language(), this);
    connect(m_idle, &IdleScreen::languageRequested, this, [this](const QString& language) {
        if (m_translation.apply(language)) {
            m_idle->setLanguage(language);
            useLocaleOf(language);
        }
    });
    connect(m_idle, &IdleScreen::checkInRequested, &m_flow, &KioskFlow::startCheckIn);
    connect(m_idle, &IdleScreen::checkOutRequested, &m_flow, &KioskFlow::startCheckOut);
    m_identify = new IdentifyScreen(flow, settings, this);
    m_wait = new WaitForAppScreen(flow, appWaitMs, this);
    m_declaration = new HealthDeclarationScreen(flow, std::move(questions), translation, this);
    m_result = new ResultScreen(flow, settings.installUrl(), sound, this);
    m_checkOut = new CheckOutScreen(flow, settings.mirrorViewfinder(), this);
    m_poster = new PosterScreen(settings.siteName(), settings.installUrl(), this);
    connect(m_poster, &PosterScreen::touched, this, [this] {
        m_flow.keepAlive();
        tick();
    });

    m_screens = new QStackedWidget(this);
    for (QWidget* screen :
         std::initializer_list<QWidget*>{m_idle, m_identify, m_wait, m_declaration, m_result, m_checkOut, m_poster})
        m_screens->addWidget(screen);
    connect(&m_flow, &KioskFlow::stateChanged, this, &KioskWindow::showState);
    // A new sentence in the same state (an override, a refused scan) is a new result to show.
    connect(&m_flow, &KioskFlow::messageChanged, this, [this] {
        if (m_flow.state() == KioskFlow::State::Result)
            m_result->showOutcome();
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_screens, 1);
    // The window is the screen: its size is the panel's, never grown by what a screen would like
    // (word-wrapped text asks for room at a narrow width). TestScreenshots checks that every
    // screen fits the three kiosk sizes.
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    retranslate();

    // Four ticks a second: the progress bar moves smoothly enough and timeouts land within 250 ms.
    auto* timer = new QTimer(this);
    timer->setInterval(250);
    connect(timer, &QTimer::timeout, this, &KioskWindow::tick);
    timer->start();
}

void KioskWindow::setLocked(bool locked)
{
    if (locked == m_locked)
        return;
    m_locked = locked;
    // Every key of the application passes here first, whichever widget has the focus (a text
    // field's own shortcuts included).
    if (locked)
        qApp->installEventFilter(this);
    else
        qApp->removeEventFilter(this);
}

void KioskWindow::resizeEvent(QResizeEvent* event)
{
    // Drawn for the panel before the layouts place anything at this size (the style sets the
    // widgets' minimum sizes, which the layouts then respect).
    const KioskPanel panel = KioskPanel::of(size());
    if (panel != m_panel) {
        m_panel = panel;
        setStyleSheet(panel.scaleStyleSheet(m_designStyle));
        // What a style sheet's min-height cannot size (TouchField.h): the fields and the list of names.
        for (QWidget* field : findChildren<TouchField*>())
            field->setMinimumHeight(panel.touchPx(TouchField::MinimumHeight));
        for (QWidget* list : findChildren<QComboBox*>())
            list->setMinimumHeight(panel.touchPx(TouchField::MinimumHeight));
        // The room between things shrinks with them (each layout's margins and spacing as designed
        // are kept aside the first time).
        for (QLayout* layout : findChildren<QLayout*>()) {
            auto designed = m_designSpacing.find(layout);
            if (designed == m_designSpacing.end())
                designed = m_designSpacing.insert(layout, {layout->contentsMargins(), layout->spacing()});
            const QMargins margins = designed->first;
            layout->setContentsMargins(panel.px(margins.left()), panel.px(margins.top()), panel.px(margins.right()),
                                       panel.px(margins.bottom()));
            if (designed->second >= 0)
                layout->setSpacing(panel.px(designed->second));
        }
        m_idle->drawFor(panel);
        m_result->drawFor(panel);
    }
    TranslatedWidget::resizeEvent(event);
}

void KioskWindow::closeEvent(QCloseEvent* event)
{
    if (m_locked)
        event->ignore();
    else
        TranslatedWidget::closeEvent(event);
}

bool KioskWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const QKeyCombination combination = key->keyCombination();
        if (key->matches(QKeySequence::Quit) || key->matches(QKeySequence::Close) ||
            combination == QKeyCombination(Qt::AltModifier, Qt::Key_F4) ||
            combination == QKeyCombination(Qt::ControlModifier, Qt::Key_Q) ||
            combination == QKeyCombination(Qt::ControlModifier, Qt::Key_W)) {
            event->accept();
            return true; // swallowed: no shortcut, no widget sees it
        }
    }
    return TranslatedWidget::eventFilter(watched, event);
}

void KioskWindow::setSpeaker(Speaker* speaker)
{
    m_result->setSpeaker(speaker);
}

void KioskWindow::showCameraOf(KioskDevices& devices)
{
    connect(&m_flow, &KioskFlow::stateChanged, &devices, [&devices](KioskFlow::State state) {
        devices.setViewfinderWanted(state == KioskFlow::State::Identify || state == KioskFlow::State::CheckOut);
    });
    for (Viewfinder* viewfinder : {m_identify->viewfinder(), m_checkOut->viewfinder()}) {
        connect(&devices, &KioskDevices::viewfinderFrame, viewfinder,
                [this, viewfinder](const QImage& picture, QSize size) {
                    if (viewfinderOnScreen() == viewfinder)
                        viewfinder->showFrame(picture, size);
                });
        connect(&devices, &KioskDevices::codeSeen, viewfinder, [this, viewfinder](const QPolygon& corners, QSize size) {
            if (viewfinderOnScreen() == viewfinder)
                viewfinder->highlight(corners, size);
        });
    }
}

Viewfinder* KioskWindow::viewfinderOnScreen() const
{
    Viewfinder* viewfinder = nullptr;
    if (m_screens->currentWidget() == m_identify)
        viewfinder = m_identify->viewfinder();
    else if (m_screens->currentWidget() == m_checkOut)
        viewfinder = m_checkOut->viewfinder();
    // Not while the visitor types instead (the screen hides it then).
    return viewfinder && viewfinder->isVisible() ? viewfinder : nullptr;
}

void KioskWindow::useLocaleOf(const QString& language)
{
    // The on-screen keyboard (Qt Virtual Keyboard) opens in the default locale's layout: the
    // Vietnamese one (vi_VN, with its tone marks) for Vietnamese; its globe key switches too.
    QLocale::setDefault(language == QLatin1String("vi") ? QLocale(QLocale::Vietnamese, QLocale::Vietnam)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates));
}

QWidget* KioskWindow::currentScreen() const
{
    return m_screens->currentWidget();
}

void KioskWindow::tick()
{
    m_flow.tick();
    if (m_flow.state() == KioskFlow::State::WaitForApp)
        m_wait->refresh();
    // The electronic poster in turns with the idle screen while nobody is at the door.
    if (m_flow.state() == KioskFlow::State::Idle && !m_holdingScan) {
        const qint64 quiet = m_flow.quietForMs() - PosterAfterMs;
        QWidget* wanted = quiet >= 0 && (quiet / PosterTurnMs) % 2 == 0 ? static_cast<QWidget*>(m_poster) : m_idle;
        if (m_screens->currentWidget() != wanted)
            m_screens->setCurrentWidget(wanted);
    }
}

void KioskWindow::showState(KioskFlow::State state)
{
    // A code read on the identify or check-out screen: its outline stays a moment before the next
    // screen, so that the visitor sees it was their card that was read.
    if (m_holdingScan)
        return; // the state at the end of the hold is shown then
    const Viewfinder* viewfinder = viewfinderOnScreen();
    if (viewfinder && viewfinder->isHighlighting() &&
        state != (m_screens->currentWidget() == m_identify ? KioskFlow::State::Identify : KioskFlow::State::CheckOut)) {
        m_holdingScan = true;
        QTimer::singleShot(ScanHoldMs, this, [this] {
            m_holdingScan = false;
            showState(m_flow.state());
        });
        return;
    }
    switch (state) {
    case KioskFlow::State::Idle:
        // What the last visitor typed is gone before the next one comes.
        m_identify->reset();
        m_declaration->reset();
        m_checkOut->reset();
        m_screens->setCurrentWidget(m_idle);
        break;
    case KioskFlow::State::Identify:
        // Every visitor starts on an empty form, also the one who comes straight after a result.
        m_identify->reset();
        m_screens->setCurrentWidget(m_identify);
        break;
    case KioskFlow::State::WaitForApp:
        m_wait->refresh();
        m_screens->setCurrentWidget(m_wait);
        break;
    case KioskFlow::State::HealthDeclaration:
        m_declaration->reset();
        m_screens->setCurrentWidget(m_declaration);
        break;
    case KioskFlow::State::Result:
        m_screens->setCurrentWidget(m_result);
        break;
    case KioskFlow::State::CheckOut:
        m_checkOut->reset();
        m_screens->setCurrentWidget(m_checkOut);
        break;
    }
}

void KioskWindow::retranslate()
{
    setWindowTitle(tr("Gatehouse check-in"));
    m_demoBanner->setText(tr("Demo mode (--demo): made-up visitors are replayed into a log that disappears when the "
                             "kiosk closes. Nothing shown here is a real check-in."));
}
