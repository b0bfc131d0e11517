// The signed-in sessions of the province's console (formats/console.md): kept in the server's
// memory only, so that signing out, the idle timeout or a restart ends a session for good; the
// browser holds a random token in an HttpOnly cookie and the server keeps only its SHA-256 (a
// memory dump gives nobody a cookie). Each session has its own CSRF token, which every POST
// must carry. The sign-in form, which comes before any session, carries a token bound to a
// random cookie of its own by an HMAC under a key this process made (no state is kept for
// someone who has not signed in).
#pragma once

#include "central/CentralOfficials.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <optional>

class Clock;

class ConsoleSessions
{
public:
    // A file made for this session to download (a case file and its manifest), kept in memory
    // only and gone with the session: the server writes no personal data to its disk.
    struct File
    {
        QByteArray bytes;
        QByteArray contentType;
    };
    struct Session
    {
        CentralOfficials::Official official;
        QByteArray csrf;
        qint64 startedMs = 0;
        qint64 lastSeenMs = 0;
        QHash<QString, File> files; // by name
        // Files offered for one download only (a new kiosk's TLS key), by name: the first
        // download takes them out of the server.
        QHash<QString, File> once;
    };

    ConsoleSessions(const Clock& clock, int idleMinutes, int sessionHours);

    // A new session for official; the cookie's token.
    QByteArray open(const CentralOfficials::Official& official);
    // The session of a cookie's token, seen now; none when it is unknown, ended or too old.
    std::optional<Session> find(const QByteArray& token);
    void close(const QByteArray& token);
    void setLanguage(const QByteArray& token, const QString& language);
    // Keeps files (by name) for the session's downloads, in place of those it had.
    void keepFiles(const QByteArray& token, const QHash<QString, File>& files);
    // Offers a file for one download in the session; takeOnce() hands it over and forgets it.
    void offerOnce(const QByteArray& token, const QString& name, const File& file);
    std::optional<File> takeOnce(const QByteArray& token, const QString& name);
    int count();

    // A fresh random value for the sign-in form's cookie, and the form's token bound to it.
    static QByteArray randomToken();
    QByteArray formToken(const QByteArray& formCookie) const;
    // Compares in constant time (CRYPTO_memcmp).
    static bool same(const QByteArray& a, const QByteArray& b);

private:
    static QByteArray key(const QByteArray& token);

    const Clock& m_clock;
    const qint64 m_idleMs;
    const qint64 m_longestMs;
    const QByteArray m_formKey;
    QMutex m_mutex;
    QHash<QByteArray, Session> m_sessions;
    qint64 m_sweptMs = 0;
};
