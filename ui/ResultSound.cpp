// Result sounds.
#include "ResultSound.h"

#include <QFile>
#include <QSoundEffect>
#include <QUrl>
#include <QtEndian>

#include <cmath>
#include <numbers>

namespace {
constexpr int Rate = 44100;

struct Note
{
    double hertz; // 0: silence
    int ms;
};

// RIFF/WAVE with one PCM "fmt " and one "data" chunk (Microsoft's WAVE format, as every player
// reads it): 16-bit little-endian mono samples.
QByteArray wav(const QList<Note>& notes)
{
    QByteArray samples;
    for (const Note& note : notes) {
        const int count = Rate * note.ms / 1000;
        for (int i = 0; i < count; ++i) {
            // A 10 ms fade at both ends of a note: no click.
            const double fade = std::min({1.0, i / (Rate * 0.01), (count - i) / (Rate * 0.01)});
            const double value = note.hertz > 0 ? std::sin(2 * std::numbers::pi * note.hertz * i / Rate) : 0.0;
            const auto sample = qint16(value * fade * 0.5 * 32767);
            char bytes[2];
            qToLittleEndian(sample, bytes);
            samples.append(bytes, 2);
        }
    }
    QByteArray out;
    const auto u32 = [&out](quint32 v) {
        char b[4];
        qToLittleEndian(v, b);
        out.append(b, 4);
    };
    const auto u16 = [&out](quint16 v) {
        char b[2];
        qToLittleEndian(v, b);
        out.append(b, 2);
    };
    out += "RIFF";
    u32(quint32(36 + samples.size()));
    out += "WAVEfmt ";
    u32(16);       // fmt chunk size
    u16(1);        // PCM
    u16(1);        // mono
    u32(Rate);     // sample rate
    u32(Rate * 2); // byte rate
    u16(2);        // block align
    u16(16);       // bits per sample
    out += "data";
    u32(quint32(samples.size()));
    return out + samples;
}
} // namespace

QByteArray ResultSound::wave(Kind kind)
{
    switch (kind) {
    case Kind::Success:
        return wav({{880, 120}, {1320, 200}});
    case Kind::Notice:
        return wav({{660, 150}, {0, 80}, {660, 150}});
    case Kind::Refusal:
        return wav({{330, 500}});
    }
    return {};
}

ResultSound::ResultSound(QObject* parent) : QObject(parent)
{
    for (Kind kind : {Kind::Success, Kind::Notice, Kind::Refusal}) {
        auto* effect = new QSoundEffect(this);
        const QString path = m_folder.filePath(QStringLiteral("result-%1.wav").arg(int(kind)));
        QFile file(path);
        if (m_folder.isValid() && file.open(QIODevice::WriteOnly) && file.write(wave(kind)) > 0) {
            file.close();
            effect->setSource(QUrl::fromLocalFile(path));
        }
        m_effects.append(effect);
    }
}

ResultSound::~ResultSound() = default;

void ResultSound::play(Kind kind)
{
    m_effects[int(kind)]->play();
}
