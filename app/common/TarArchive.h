// A tar archive made in memory (POSIX.1-1988 "ustar", the format of GNU tar's --format=ustar and
// of every tar a technician has: https://www.gnu.org/software/tar/manual/html_node/Standard.html),
// for handing over a few small files at once, such as a kiosk's TLS files from the console.
// Plain files only, names of at most 100 bytes, no folders.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

class TarArchive
{
public:
    explicit TarArchive(QDateTime modified) : m_modified(std::move(modified)) {}

    // Adds a file; false when its name does not fit a ustar header (empty, longer than 100 bytes,
    // or with a '/').
    bool add(const QString& name, const QByteArray& bytes, int mode);
    // The archive, ended by its two blocks of zeros.
    QByteArray bytes() const;

private:
    QDateTime m_modified;
    QByteArray m_bytes;
};
