// USB barcode scanners are keyboards: they "type" the code in a burst and press Enter. This
// filter, installed on the application, tells such a burst from a person typing by its timing,
// captures it wherever the focus is, and keeps it out of form fields. Keys a person types are
// held back for at most one gap (a few tens of milliseconds) and then delivered unchanged.
#pragma once

#include "common/Clock.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QKeyEvent;

class HidScannerInput : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        // Scanners send a key every 1-10 ms; people rarely type two keys within 35 ms.
        int maxKeyGapMs = 35;
        // Shorter bursts are fast typing (or a key repeat), not a code.
        int minLength = 6;
    };

    HidScannerInput(const Clock& clock, Config config, QObject* parent = nullptr);
    explicit HidScannerInput(const Clock& clock, QObject* parent = nullptr) : HidScannerInput(clock, Config(), parent)
    {}

    bool eventFilter(QObject* watched, QEvent* event) override;
    // Delivers whatever is held back now (focus change, shutdown).
    void flush();

signals:
    void scanned(const QString& text);

private:
    struct HeldKey
    {
        QPointer<QObject> target;
        int key = 0;
        Qt::KeyboardModifiers modifiers;
        QString text;
        quint64 timestamp = 0;
    };

    qint64 timeOf(const QKeyEvent& event) const;
    void deliver(const QList<HeldKey>& keys);

    const Clock& m_clock;
    Config m_config;
    QList<HeldKey> m_held;
    qint64 m_lastKeyMs = 0;
    QTimer m_flushTimer;
    bool m_delivering = false;
};
