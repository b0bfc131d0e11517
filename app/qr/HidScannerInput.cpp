// Tells a USB scanner's keystroke burst from a person typing.
#include "qr/HidScannerInput.h"

#include <QCoreApplication>
#include <QKeyEvent>

HidScannerInput::HidScannerInput(const Clock& clock, Config config, QObject* parent)
    : QObject(parent), m_clock(clock), m_config(config)
{
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &HidScannerInput::flush);
}

qint64 HidScannerInput::timeOf(const QKeyEvent& event) const
{
    // Input events carry the window system's millisecond timestamp; synthetic ones may not.
    return event.timestamp() != 0 ? qint64(event.timestamp()) : m_clock.monotonicMs();
}

bool HidScannerInput::eventFilter(QObject* watched, QEvent* event)
{
    if (m_delivering || (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease))
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    if (event->type() == QEvent::KeyRelease)
        return !m_held.isEmpty(); // releases of held keys are re-created on delivery
    const qint64 now = timeOf(*key);
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    const bool printable = !key->text().isEmpty() && key->text().at(0).isPrint() &&
                           !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));

    if (!m_held.isEmpty() && now - m_lastKeyMs > m_config.maxKeyGapMs)
        flush(); // too slow to be one burst: what was held was typed by a person

    if (enter && !m_held.isEmpty()) {
        if (m_held.size() >= m_config.minLength) {
            QString text;
            for (const HeldKey& held : std::as_const(m_held))
                text += held.text;
            m_held.clear();
            m_flushTimer.stop();
            emit scanned(text);
            return true; // the Enter belongs to the scanner too
        }
        flush();
        return false;
    }
    if (!printable) {
        flush();
        return false;
    }
    m_held.append({watched, key->key(), key->modifiers(), key->text(), key->timestamp()});
    m_lastKeyMs = now;
    m_flushTimer.start(m_config.maxKeyGapMs + 1);
    return true;
}

void HidScannerInput::flush()
{
    m_flushTimer.stop();
    if (m_held.isEmpty())
        return;
    const QList<HeldKey> keys = std::exchange(m_held, {});
    deliver(keys);
}

void HidScannerInput::deliver(const QList<HeldKey>& keys)
{
    m_delivering = true;
    for (const HeldKey& held : keys) {
        if (!held.target)
            continue;
        QKeyEvent press(QEvent::KeyPress, held.key, held.modifiers, held.text);
        press.setTimestamp(held.timestamp);
        QCoreApplication::sendEvent(held.target, &press);
        QKeyEvent release(QEvent::KeyRelease, held.key, held.modifiers, held.text);
        release.setTimestamp(held.timestamp);
        QCoreApplication::sendEvent(held.target, &release);
    }
    m_delivering = false;
}
