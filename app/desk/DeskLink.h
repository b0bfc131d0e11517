// The console's end of the desk's socket (issue 24): asks the Desk that the kiosk's process serves
// (desk/DeskServer.h), on this computer's Unix socket or by TLS across the site's network
// (crypto/DeskTls.h), and hears back through callbacks on this thread, as the Desk itself answers.
// The files of an official's request arrive in pieces before its answer and are written where the
// console asked, each whole or not at all (QSaveFile): kept when the answer says done, dropped
// otherwise. Events (the session locked, an entry recorded, who is inside) come as told().
#pragma once

#include "common/Result.h"
#include "common/Settings.h"
#include "desk/DeskWire.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocalSocket>
#include <QObject>
#include <QSaveFile>
#include <QSslConfiguration>
#include <QSslSocket>

#include <functional>
#include <memory>

class DeskLink : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Answer = std::function<void(const Result<T>&)>;
    using Arguments = std::function<void(QDataStream&)>;

    // Where the kiosk's desk is: its Unix socket on this computer, or a kiosk of the site's network.
    struct Where
    {
        QString socketPath;
        QString host;
        int port = 0;
        QSslConfiguration tls; // DeskTls::configuration(): this computer's certificate, the site's authority

        bool overNetwork() const { return !host.isEmpty(); }
        // For sentences: the socket's path, or host:port.
        QString name() const;
        // From [console] (kiosk, or socket) and the TLS files, checked at now: an Error that says
        // what to set.
        [[nodiscard]] static Result<Where> of(const Settings& settings, const QDateTime& now);
    };

    // How long a kiosk of the network has to answer and finish its handshake (a computer switched
    // off answers nothing, and TCP would wait minutes).
    static constexpr int NETWORK_TIMEOUT_MS = 5000;

    explicit DeskLink(QObject* parent = nullptr);
    ~DeskLink() override;

    // Starts connecting to the kiosk's desk at where: opened() once it may be asked, or closed(why).
    // This computer's socket answers at once (opened() before this returns); a kiosk of the
    // network after its TLS handshake.
    void open(const Where& where);
    // Connects and waits up to timeoutMs: an Error that says what to do when the kiosk is not
    // running or this account may not use it.
    [[nodiscard]] Result<void> connectTo(const Where& where, int timeoutMs = 5000);
    [[nodiscard]] Result<void> connectTo(const QString& socketPath, int timeoutMs = 5000)
    {
        return connectTo(Where{socketPath, {}, 0, {}}, timeoutMs);
    }
    bool isConnected() const;

    // Asks verb with the arguments args writes; done hears the answer on this thread. filesTo: the
    // folder where the request's files are written (an official's file, the poster, a roll call).
    template <typename T>
    void ask(const QString& verb, const Arguments& args, Answer<T> done, const QString& filesTo = QString());

signals:
    // The kiosk's desk may be asked.
    void opened();
    // Something the console did not ask: its verb ("locked", "recorded", "inside", "day",
    // "accountsChanged", "refused"...) and what follows it in the frame.
    void told(const QString& verb, const QByteArray& rest);
    // The kiosk is gone, or turned this console away: why, in a sentence. Requests still waiting
    // are answered with it.
    void closed(const QString& why);

private:
    struct Waiting
    {
        std::function<void(bool ok, QDataStream&)> answered; // reads the value or Error after "ok"
        std::function<void(const Error&)> failed;
        QString filesTo;
        QHash<QString, std::shared_ptr<QSaveFile>> files;
    };

    quint64 send(const QString& verb, const Arguments& args);
    void readFrames();
    void piece(Waiting& waiting, QDataStream& in);
    void lost(const QString& why);
    // Why the connection could not be made or was lost, in a sentence, from the socket's error.
    QString failure() const;

    Where m_where;
    std::unique_ptr<QIODevice> m_socket; // a QLocalSocket or a QSslSocket
    bool m_opened = false;
    bool m_closed = false;
    DeskWire::FrameReader m_frames;
    quint64 m_asked = 0;
    QHash<quint64, Waiting> m_waiting;
    QString m_refusal;    // the kiosk's sentence when it turned this console away
    QString m_tlsRefusal; // the kiosk's TLS alert when it refused this computer's certificate
};

template <typename T>
void DeskLink::ask(const QString& verb, const Arguments& args, Answer<T> done, const QString& filesTo)
{
    if (!isConnected()) {
        done(Error(Error::Kind::Failed, tr("The console is not connected to the kiosk.")));
        return;
    }
    Waiting waiting;
    waiting.filesTo = filesTo;
    waiting.answered = [done](bool ok, QDataStream& in) {
        if (!ok) {
            Error error;
            in >> error;
            done(error);
            return;
        }
        if constexpr (std::is_void_v<T>) {
            done(Result<void>());
        } else {
            T value{};
            in >> value;
            if (in.status() != QDataStream::Ok)
                done(Error(Error::Kind::Failed, tr("The kiosk's answer could not be read.")));
            else
                done(value);
        }
    };
    waiting.failed = [done](const Error& error) { done(error); };
    m_waiting.insert(send(verb, args), std::move(waiting));
}
