// The console's sessions.
#include "console/ConsoleSessions.h"

#include "common/Clock.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <openssl/crypto.h>
#include <openssl/rand.h>

ConsoleSessions::ConsoleSessions(const Clock& clock, int idleMinutes, int sessionHours)
    : m_clock(clock), m_idleMs(qint64(idleMinutes) * 60 * 1000), m_longestMs(qint64(sessionHours) * 3600 * 1000),
      m_formKey(randomToken())
{}

QByteArray ConsoleSessions::randomToken()
{
    // 256 bits from OpenSSL's CSPRNG, in base64url (a cookie's value needs no quoting).
    QByteArray bytes(32, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), int(bytes.size())) != 1)
        qFatal("OpenSSL's random generator failed; no token can be made");
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray ConsoleSessions::key(const QByteArray& token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

QByteArray ConsoleSessions::open(const CentralOfficials::Official& official)
{
    const QByteArray token = randomToken();
    const qint64 now = m_clock.monotonicMs();
    QMutexLocker lock(&m_mutex);
    m_sessions.insert(key(token), Session{official, randomToken(), now, now, {}, {}});
    return token;
}

std::optional<ConsoleSessions::Session> ConsoleSessions::find(const QByteArray& token)
{
    if (token.isEmpty())
        return std::nullopt;
    const qint64 now = m_clock.monotonicMs();
    QMutexLocker lock(&m_mutex);
    // Ended sessions are dropped as they are met, and all of them once a minute.
    if (now - m_sweptMs > 60 * 1000) {
        m_sweptMs = now;
        for (auto it = m_sessions.begin(); it != m_sessions.end();)
            it = (now - it->lastSeenMs > m_idleMs || now - it->startedMs > m_longestMs) ? m_sessions.erase(it) : ++it;
    }
    const auto it = m_sessions.find(key(token));
    if (it == m_sessions.end())
        return std::nullopt;
    if (now - it->lastSeenMs > m_idleMs || now - it->startedMs > m_longestMs) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    it->lastSeenMs = now;
    return *it;
}

void ConsoleSessions::close(const QByteArray& token)
{
    QMutexLocker lock(&m_mutex);
    m_sessions.remove(key(token));
}

void ConsoleSessions::setLanguage(const QByteArray& token, const QString& language)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_sessions.find(key(token));
    if (it != m_sessions.end())
        it->official.language = language;
}

void ConsoleSessions::keepFiles(const QByteArray& token, const QHash<QString, File>& files)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_sessions.find(key(token));
    if (it != m_sessions.end())
        it->files = files;
}

void ConsoleSessions::offerOnce(const QByteArray& token, const QString& name, const File& file)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_sessions.find(key(token));
    if (it != m_sessions.end())
        it->once.insert(name, file);
}

std::optional<ConsoleSessions::File> ConsoleSessions::takeOnce(const QByteArray& token, const QString& name)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_sessions.find(key(token));
    if (it == m_sessions.end() || !it->once.contains(name))
        return std::nullopt;
    return it->once.take(name);
}

int ConsoleSessions::count()
{
    QMutexLocker lock(&m_mutex);
    return int(m_sessions.size());
}

QByteArray ConsoleSessions::formToken(const QByteArray& formCookie) const
{
    return QMessageAuthenticationCode::hash(formCookie, m_formKey, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool ConsoleSessions::same(const QByteArray& a, const QByteArray& b)
{
    return !a.isEmpty() && a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}
