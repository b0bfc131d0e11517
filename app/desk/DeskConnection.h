// One console connected to the kiosk's desk socket (issue 24): a Desk of its own on the entry log,
// with its own session (locked until a PIN opens it, locked again when idle), which every request
// of the connection goes through. Requests arrive as frames (desk/DeskWire.h); each is answered
// when its Desk answers, from the Desk's own worker: a long file holds this console's later
// requests, never the kiosk's screen or another console. Events tell the console what it did not
// ask: the session locked, an entry recorded here, the accounts changed.
//
// Served so far (issue 24's socket, in parts): the lock screen's names, unlock, lock, touched, who
// is inside (asked, and as events while signed in: "inside", "day"), check-in and check-out by
// hand, the accounts and their changes, the audit log, the kiosk's settings and their change, and
// the officials' files (export, trace, report): written on this side into a private folder of the
// kiosk's account, sent in pieces, then removed; the audit row names where the console keeps it.
// The poster and the roll call come the same way (the roll call for the console's own folder),
// and a roster is brought from the console whole. Not served: calibration, which listens to the
// kiosk's adapter and is done at the kiosk (gatehouse-cli calibrate --live).
#pragma once

#include "desk/DeskWire.h"
#include "desk/LocalDesk.h"

#include <QAbstractSocket>
#include <QFile>
#include <QLocalSocket>
#include <QObject>
#include <QTemporaryDir>
#include <QTimer>

#include <deque>
#include <memory>

class DeskConnection : public QObject
{
    Q_OBJECT

public:
    // Takes socket (its peer already let in: a QLocalSocket of this computer or an encrypted
    // QSslSocket of the site's network) and serves it with a Desk on config; closes when the log
    // cannot be opened, saying why.
    DeskConnection(QIODevice* socket, const Desk::Config& config, const Clock& clock, QObject* parent = nullptr);

signals:
    // The console went away (or broke the wire): the connection deletes itself after.
    void closed();

private:
    void readFrames();
    // Closes the connection once what was written has gone; whichever kind the socket is.
    void hangUp();
    bool isConnected() const;
    void serve(quint64 id, const QString& verb, QDataStream& in);
    // Writes body as a frame; false, and nothing written, when it is longer than the console reads
    // (DeskWire::MAX_FRAME).
    bool send(const QByteArray& body);
    // Tells the console an event it did not ask for: verb, then what write adds.
    void tell(const QString& verb, const std::function<void(QDataStream&)>& write = {});
    // The answer to request id: written when its Desk answers, unless the console has gone.
    template <typename T>
    Desk::Answer<T> answer(quint64 id);
    void answerNow(quint64 id, const Error& error);
    // An official's file for request id: written by ask into a folder of its own here, sent in
    // pieces with what was written beside it (manifest, signature), then answered with handed's
    // names as the console will have them.
    template <typename T>
    void officialFile(quint64 id, Desk::FileAsk ask,
                      const std::function<void(const Desk::FileAsk&, Desk::Answer<T>)>& run,
                      const std::function<OfficialFile::Handed&(T&)>& handedOf);
    // Sends what request id wrote in folder (the file named first, first), then answers result,
    // its value given the console's names by rename: an Error when a file cannot be read back.
    template <typename T, typename Rename>
    void handOver(quint64 id, std::shared_ptr<QTemporaryDir> folder, const QString& first, Result<T> result,
                  Rename rename);
    // A folder of its own for request id's file; none, and the request answered, when there is no
    // room.
    std::shared_ptr<QTemporaryDir> privateFolder(quint64 id);
    // Sends the files on their way a piece at a time while the socket holds less than
    // QUEUED_AT_MOST, and answers each request once its files are gone: a file of a million rows
    // is never held in memory whole (the socket keeps what it has not written yet).
    void pump();
    // What the socket holds still to send, encrypted or not.
    qint64 queued() const;

    // Files on their way to the console, for one request.
    struct Outgoing
    {
        std::shared_ptr<QTemporaryDir> folder; // holds the files until they are sent
        QStringList names;                     // still to send, in order
        std::unique_ptr<QFile> file;           // the one being sent
        std::function<void(bool sent)> finish; // answers the request
        quint64 id = 0;
    };
    static constexpr qint64 QUEUED_AT_MOST = 4 * DeskWire::FILE_PIECE;

    QIODevice* m_socket; // a child
    DeskWire::FrameReader m_frames;
    std::unique_ptr<LocalDesk> m_desk;
    QTimer m_idle; // the session's idle lock, by its clock
    std::deque<Outgoing> m_outgoing;
    bool m_pumping = false;
};
