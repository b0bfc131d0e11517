// The reception desk's wire (issue 24): how a console asks the Desk that the kiosk's own process
// serves over its socket (desk/DeskServer.h), and how it hears back, so that the console need not
// open the entry log at all.
//
// A frame is a 4-byte big-endian length and that many bytes of QDataStream (Qt 6.4's format);
// nothing longer than MAX_FRAME is read, so a peer cannot make the kiosk hold what it likes.
// A request: its number (from 1, per connection), its verb and the verb's arguments. An answer:
// the request's number, Part::Answer, whether it was done, then the value or the Error (kind and
// sentence). An official's file is written on the kiosk's side and comes before its answer, in
// pieces: the request's number, Part::Piece, the file's name and up to FILE_PIECE bytes; the
// console writes them where it asked. An event (the desk locked, an entry recorded): number 0
// and its verb.
//
// Why our own frames rather than Qt Remote Objects (qt6-remoteobjects-dev, in Debian): a source's
// slot must return its value before it returns, and the Desk's requests answer later, from their
// worker (a million-row workbook takes half a minute); and its types would need declaring twice.
//
// What never crosses: an account's PIN hash (Accounts::Account is sent without it).
#pragma once

#include "checkin/CheckInService.h"
#include "checkin/DaySummary.h"
#include "common/Error.h"
#include "desk/Desk.h"
#include "export/OfficialFile.h"
#include "export/ReportRequest.h"
#include "export/RollCallRequest.h"
#include "storage/Accounts.h"
#include "storage/AuditLog.h"
#include "storage/Entry.h"
#include "storage/StaffRoster.h"

#include <QByteArray>
#include <QDataStream>
#include <QIODevice>

#include <optional>

namespace DeskWire {

// A frame's longest body: an official's file travels in pieces of FILE_PIECE.
constexpr quint32 MAX_FRAME = 8 * 1024 * 1024;
constexpr qint64 FILE_PIECE = 1024 * 1024;
constexpr QDataStream::Version VERSION = QDataStream::Qt_6_4;

// What follows a request's number in a frame from the kiosk.
enum class Part : quint8 { Answer, Piece };

// body with its length in front.
QByteArray frame(const QByteArray& body);

// Takes what a socket delivers, in any pieces, and gives back whole frames' bodies.
class FrameReader
{
public:
    void feed(const QByteArray& bytes);
    // The next whole frame's body; none until one has arrived whole.
    std::optional<QByteArray> next();
    // A frame longer than MAX_FRAME was announced: the peer is not one of ours.
    bool broken() const { return m_broken; }

private:
    QByteArray m_buffer;
    bool m_broken = false;
};

// Sets stream to the wire's version: every stream of a body, written or read, goes through it.
void use(QDataStream& stream);

} // namespace DeskWire

// The types that cross, in the order of their fields. std::optional is a flag and the value.
template <typename T>
QDataStream& operator<<(QDataStream& out, const std::optional<T>& value)
{
    out << value.has_value();
    if (value)
        out << *value;
    return out;
}

template <typename T>
QDataStream& operator>>(QDataStream& in, std::optional<T>& value)
{
    bool present = false;
    in >> present;
    value.reset();
    if (present) {
        T read{};
        in >> read;
        value = std::move(read);
    }
    return in;
}

QDataStream& operator<<(QDataStream& out, const Error& error);
QDataStream& operator>>(QDataStream& in, Error& error);
QDataStream& operator<<(QDataStream& out, const AppVerification& app);
QDataStream& operator>>(QDataStream& in, AppVerification& app);
QDataStream& operator<<(QDataStream& out, const Entry& entry);
QDataStream& operator>>(QDataStream& in, Entry& entry);
QDataStream& operator<<(QDataStream& out, const Accounts::Account& account);
QDataStream& operator>>(QDataStream& in, Accounts::Account& account);
QDataStream& operator<<(QDataStream& out, const AuditLog::Record& record);
QDataStream& operator>>(QDataStream& in, AuditLog::Record& record);
QDataStream& operator<<(QDataStream& out, const OfficialFile::Handed& handed);
QDataStream& operator>>(QDataStream& in, OfficialFile::Handed& handed);
QDataStream& operator<<(QDataStream& out, const StaffRoster::Import& import);
QDataStream& operator>>(QDataStream& in, StaffRoster::Import& import);
QDataStream& operator<<(QDataStream& out, const RollCallRequest::Made& made);
QDataStream& operator>>(QDataStream& in, RollCallRequest::Made& made);
QDataStream& operator<<(QDataStream& out, const DaySummary& day);
QDataStream& operator>>(QDataStream& in, DaySummary& day);
QDataStream& operator<<(QDataStream& out, const Desk::SettingsSaved& saved);
QDataStream& operator>>(QDataStream& in, Desk::SettingsSaved& saved);
QDataStream& operator<<(QDataStream& out, const AdoptionReport::Day& day);
QDataStream& operator>>(QDataStream& in, AdoptionReport::Day& day);
QDataStream& operator<<(QDataStream& out, const ReportRequest::Made& made);
QDataStream& operator>>(QDataStream& in, ReportRequest::Made& made);
QDataStream& operator<<(QDataStream& out, const CheckInService::SitePresence& presence);
QDataStream& operator>>(QDataStream& in, CheckInService::SitePresence& presence);
QDataStream& operator<<(QDataStream& out, const CheckInService::Request& request);
QDataStream& operator>>(QDataStream& in, CheckInService::Request& request);
QDataStream& operator<<(QDataStream& out, const CheckInService::Outcome& outcome);
QDataStream& operator>>(QDataStream& in, CheckInService::Outcome& outcome);
