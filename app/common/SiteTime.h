// The site's wall clock. Times are stored and compared in UTC; people read them in the site's
// own time (a fixed offset from UTC, [site] utc_offset_minutes, +07:00 in Vietnam, which has no
// daylight saving). This is the one place that turns one into the other, so that a kiosk, the
// console, an export and the CLI never disagree about which day an entry belongs to, whatever
// zone the computer itself is set to.
#pragma once

#include <QDateTime>
#include <QString>

class SiteTime
{
public:
    explicit SiteTime(int utcOffsetMinutes) : m_offsetSeconds(utcOffsetMinutes * 60) {}

    int offsetMinutes() const { return m_offsetSeconds / 60; }

    // The instant as the site's clock shows it (the same instant, with the site's offset).
    QDateTime toSite(const QDateTime& at) const { return at.toOffsetFromUtc(m_offsetSeconds); }
    // The site's calendar day the instant falls on.
    QDate dayOf(const QDateTime& at) const { return toSite(at).date(); }
    // The instant the site's clock shows `time` on `day`.
    QDateTime at(QDate day, QTime time) const { return QDateTime(day, time, Qt::OffsetFromUTC, m_offsetSeconds); }
    // ISO 8601 with the site's offset ("2020-08-03T08:15:00+07:00"), as formats/export-csv.md writes
    // times; empty for an invalid time.
    QString iso(const QDateTime& at) const;
    // The site's time in a display format ("dd/MM HH:mm").
    QString format(const QDateTime& at, const QString& pattern) const { return toSite(at).toString(pattern); }

private:
    int m_offsetSeconds;
};
