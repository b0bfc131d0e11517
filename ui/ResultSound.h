// A short sound for each result, so a visitor who has already turned to the door hears how it
// went: two rising notes for welcome, one repeated middle note for "install the app", a low long
// note for "see the receptionist". The notes are synthesised once at start (16-bit PCM WAV) rather
// than shipped, and played with Qt Multimedia's QSoundEffect (low latency, no decoder).
#pragma once

#include <QObject>
#include <QTemporaryDir>

class QSoundEffect;

class ResultSound : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Success, Notice, Refusal };

    explicit ResultSound(QObject* parent = nullptr);
    ~ResultSound() override;

    void play(Kind kind);

    // The WAV bytes of a kind's sound (44.1 kHz, mono, 16-bit), for the effect and for tests.
    static QByteArray wave(Kind kind);

private:
    QTemporaryDir m_folder;
    QList<QSoundEffect*> m_effects; // by Kind
};
