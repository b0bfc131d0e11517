// A QIODevice that accepts writes up to a number of bytes and then fails, as a full disk or a pulled
// USB stick does half-way through a file (after KeePassXC's tests/FailDevice.h): every writer of
// exports, traces, reports and audit exports must fail with a sentence, not run on.
#pragma once

#include <QBuffer>

class FailDevice final : public QBuffer
{
public:
    explicit FailDevice(qint64 failAfter) : m_failAfter(failAfter) { setErrorString(QStringLiteral("device full")); }

    qint64 written() const { return m_written; }

protected:
    qint64 writeData(const char* data, qint64 length) override
    {
        if (m_written + length > m_failAfter) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        m_written += length;
        return QBuffer::writeData(data, length);
    }

private:
    qint64 m_failAfter;
    qint64 m_written = 0;
};
