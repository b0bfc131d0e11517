// A plain HTTPS client for the console's tests: one request per connection (Connection: close),
// every header and cookie as the server sent it, no redirect followed, the server's certificate
// checked against the test's authority. What a browser does is the browser tests' (tests/browser).
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QString>
#include <QUrl>

struct ConsoleAnswer
{
    int status = 0; // 0: no answer
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QList<QByteArray> all(const QByteArray& name) const
    {
        QList<QByteArray> values;
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                values.append(value);
        }
        return values;
    }
    // The value a Set-Cookie gives name, and the whole header in setCookie.
    QByteArray cookie(const QByteArray& name, QByteArray* setCookie = nullptr) const
    {
        for (const QByteArray& value : all("Set-Cookie")) {
            if (value.startsWith(QByteArray(name + '='))) {
                if (setCookie)
                    *setCookie = value;
                return value.mid(name.size() + 1, value.indexOf(';') - name.size() - 1);
            }
        }
        return {};
    }
    QString text() const { return QString::fromUtf8(body); }
    // The value of the hidden csrf field of the page's forms.
    QByteArray csrf() const
    {
        static const QRegularExpression field(QStringLiteral("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\""));
        return field.match(text()).captured(1).toLatin1();
    }
};

class ConsoleClient
{
public:
    ConsoleClient(quint16 port, const QString& authority) : m_port(port)
    {
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setCaCertificates(QSslCertificate::fromPath(authority));
    }

    ConsoleAnswer ask(const QByteArray& method, const QByteArray& path, const QByteArray& cookies = {},
                      const QByteArray& form = {}, int timeoutMs = 20000) const
    {
        QSslSocket socket;
        socket.setSslConfiguration(m_tls);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        if (!socket.waitForEncrypted(timeoutMs))
            return {};
        QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
        if (!cookies.isEmpty())
            request += "Cookie: " + cookies + "\r\n";
        if (method == "POST")
            request += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                       QByteArray::number(form.size()) + "\r\n";
        request += "\r\n" + form;
        socket.write(request);
        QByteArray received;
        QElapsedTimer waited;
        waited.start();
        while (socket.state() == QAbstractSocket::ConnectedState && waited.elapsed() < timeoutMs) {
            socket.waitForReadyRead(500);
            received += socket.readAll();
        }
        received += socket.readAll();
        return parse(received);
    }

    static ConsoleAnswer parse(const QByteArray& received)
    {
        ConsoleAnswer answer;
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end < 0)
            return answer;
        const QList<QByteArray> lines = received.left(end).split('\n');
        answer.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                answer.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        answer.body = received.mid(end + 4);
        return answer;
    }

    // Signs in as a browser does (the form's cookie and token, then the name and password): the
    // session's cookie header and its CSRF token, or empty when the console refused.
    QPair<QByteArray, QByteArray> signIn(const QString& name, const QByteArray& password) const
    {
        const ConsoleAnswer form = ask("GET", "/");
        const QByteArray formCookie = "__Host-gh-form=" + form.cookie("__Host-gh-form");
        const ConsoleAnswer signedIn = ask("POST", "/sign-in", formCookie,
                                           "csrf=" + form.csrf() + "&name=" + QUrl::toPercentEncoding(name) +
                                               "&password=" + QUrl::toPercentEncoding(QString::fromUtf8(password)));
        const QByteArray session = signedIn.cookie("__Host-gh-session");
        if (session.isEmpty())
            return {};
        const QByteArray cookie = "__Host-gh-session=" + session;
        return {cookie, ask("GET", "/", cookie).csrf()};
    }

    const QSslConfiguration& tls() const { return m_tls; }

private:
    quint16 m_port;
    QSslConfiguration m_tls;
};
