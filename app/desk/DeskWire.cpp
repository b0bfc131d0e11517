#include "DeskWire.h"

#include <QtEndian>

namespace DeskWire {

QByteArray frame(const QByteArray& body)
{
    QByteArray framed(4, Qt::Uninitialized);
    qToBigEndian(quint32(body.size()), framed.data());
    return framed + body;
}

void FrameReader::feed(const QByteArray& bytes)
{
    if (!m_broken)
        m_buffer += bytes;
}

std::optional<QByteArray> FrameReader::next()
{
    if (m_broken || m_buffer.size() < 4)
        return std::nullopt;
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData());
    if (length > MAX_FRAME) {
        m_broken = true;
        m_buffer.clear();
        return std::nullopt;
    }
    if (quint32(m_buffer.size()) - 4 < length)
        return std::nullopt;
    QByteArray body = m_buffer.mid(4, length);
    m_buffer.remove(0, 4 + length);
    return body;
}

void use(QDataStream& stream)
{
    stream.setVersion(VERSION);
}

} // namespace DeskWire

QDataStream& operator<<(QDataStream& out, const Error& error)
{
    return out << error.kind() << error.message();
}

QDataStream& operator>>(QDataStream& in, Error& error)
{
    Error::Kind kind = Error::Kind::Failed;
    QString message;
    in >> kind >> message;
    error = Error(kind, message);
    return in;
}

QDataStream& operator<<(QDataStream& out, const AppVerification& app)
{
    return out << app.timeMs << app.profile << app.platform << app.appId << app.address << app.rssi;
}

QDataStream& operator>>(QDataStream& in, AppVerification& app)
{
    return in >> app.timeMs >> app.profile >> app.platform >> app.appId >> app.address >> app.rssi;
}

QDataStream& operator<<(QDataStream& out, const Entry& entry)
{
    return out << entry.id << entry.site << entry.entrance << entry.personType << entry.fullName << entry.idNumber
               << entry.phone << entry.address << entry.staffNumber << entry.checkedInAt << entry.checkedOutAt
               << entry.checkoutKind << entry.method << entry.appStatus << entry.app << entry.passId
               << entry.passValidTo << entry.overrideReason << entry.declaration;
}

QDataStream& operator>>(QDataStream& in, Entry& entry)
{
    return in >> entry.id >> entry.site >> entry.entrance >> entry.personType >> entry.fullName >> entry.idNumber >>
           entry.phone >> entry.address >> entry.staffNumber >> entry.checkedInAt >> entry.checkedOutAt >>
           entry.checkoutKind >> entry.method >> entry.appStatus >> entry.app >> entry.passId >> entry.passValidTo >>
           entry.overrideReason >> entry.declaration;
}

QDataStream& operator<<(QDataStream& out, const Accounts::Account& account)
{
    // Without pinHash: it stays in the kiosk's file.
    return out << account.name << account.role << account.failures << account.lastFailureAt << account.lockedUntil;
}

QDataStream& operator>>(QDataStream& in, Accounts::Account& account)
{
    account.pinHash.clear();
    return in >> account.name >> account.role >> account.failures >> account.lastFailureAt >> account.lockedUntil;
}

QDataStream& operator<<(QDataStream& out, const AuditLog::Record& record)
{
    return out << record.at << record.actor << record.action << record.details;
}

QDataStream& operator>>(QDataStream& in, AuditLog::Record& record)
{
    return in >> record.at >> record.actor >> record.action >> record.details;
}

QDataStream& operator<<(QDataStream& out, const OfficialFile::Handed& handed)
{
    return out << handed.rows << handed.sha256 << handed.manifest;
}

QDataStream& operator>>(QDataStream& in, OfficialFile::Handed& handed)
{
    return in >> handed.rows >> handed.sha256 >> handed.manifest;
}

QDataStream& operator<<(QDataStream& out, const StaffRoster::Import& import)
{
    return out << import.added << import.updated << import.rejected;
}

QDataStream& operator>>(QDataStream& in, StaffRoster::Import& import)
{
    return in >> import.added >> import.updated >> import.rejected;
}

QDataStream& operator<<(QDataStream& out, const RollCallRequest::Made& made)
{
    return out << made.file << made.path << made.inside;
}

QDataStream& operator>>(QDataStream& in, RollCallRequest::Made& made)
{
    return in >> made.file >> made.path >> made.inside;
}

QDataStream& operator<<(QDataStream& out, const DaySummary& day)
{
    out << day.day;
    for (int hour = 0; hour < 24; ++hour)
        out << day.entries[hour] << day.verified[hour];
    out << day.overridden << day.sentToReceptionist << qint32(day.accountLocks.size());
    for (const auto& [account, times] : day.accountLocks)
        out << account << times;
    return out;
}

QDataStream& operator>>(QDataStream& in, DaySummary& day)
{
    in >> day.day;
    for (int hour = 0; hour < 24; ++hour)
        in >> day.entries[hour] >> day.verified[hour];
    qint32 locks = 0;
    in >> day.overridden >> day.sentToReceptionist >> locks;
    day.accountLocks.clear();
    for (qint32 i = 0; i < locks && in.status() == QDataStream::Ok; ++i) {
        QString account;
        int times = 0;
        in >> account >> times;
        day.accountLocks.append({account, times});
    }
    return in;
}

QDataStream& operator<<(QDataStream& out, const Desk::SettingsSaved& saved)
{
    return out << saved.changes << saved.problem;
}

QDataStream& operator>>(QDataStream& in, Desk::SettingsSaved& saved)
{
    return in >> saved.changes >> saved.problem;
}

QDataStream& operator<<(QDataStream& out, const AdoptionReport::Day& day)
{
    return out << day.date << day.visitors << day.staff << day.guests << day.appVerified << day.staffWithoutApp;
}

QDataStream& operator>>(QDataStream& in, AdoptionReport::Day& day)
{
    return in >> day.date >> day.visitors >> day.staff >> day.guests >> day.appVerified >> day.staffWithoutApp;
}

QDataStream& operator<<(QDataStream& out, const ReportRequest::Made& made)
{
    return out << made.file << made.total;
}

QDataStream& operator>>(QDataStream& in, ReportRequest::Made& made)
{
    return in >> made.file >> made.total;
}

QDataStream& operator<<(QDataStream& out, const CheckInService::SitePresence& presence)
{
    return out << presence.entries << presence.everyEntrance << presence.otherDoorsAsOf << presence.lastSentAt
               << presence.waiting << presence.central;
}

QDataStream& operator>>(QDataStream& in, CheckInService::SitePresence& presence)
{
    return in >> presence.entries >> presence.everyEntrance >> presence.otherDoorsAsOf >> presence.lastSentAt >>
           presence.waiting >> presence.central;
}

QDataStream& operator<<(QDataStream& out, const CheckInService::Request& request)
{
    return out << request.entry << request.app << request.overrideReason << request.actor << request.atKiosk
               << request.appSeenAtDesk;
}

QDataStream& operator>>(QDataStream& in, CheckInService::Request& request)
{
    return in >> request.entry >> request.app >> request.overrideReason >> request.actor >> request.atKiosk >>
           request.appSeenAtDesk;
}

QDataStream& operator<<(QDataStream& out, const CheckInService::Outcome& outcome)
{
    return out << outcome.decision << outcome.entry << outcome.sentence;
}

QDataStream& operator>>(QDataStream& in, CheckInService::Outcome& outcome)
{
    return in >> outcome.decision >> outcome.entry >> outcome.sentence;
}
