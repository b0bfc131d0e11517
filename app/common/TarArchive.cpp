// A tar archive in memory.
#include "common/TarArchive.h"

#include <cstring>

namespace {
constexpr int BLOCK = 512;

// A number in a header field: octal digits, zero-padded, then a NUL (the ustar rule for every
// numeric field; https://www.gnu.org/software/tar/manual/html_node/Standard.html).
void putOctal(char* field, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}
} // namespace

bool TarArchive::add(const QString& name, const QByteArray& bytes, int mode)
{
    const QByteArray path = name.toUtf8();
    if (path.isEmpty() || path.size() > 100 || path.contains('/'))
        return false;
    char header[BLOCK] = {};
    std::memcpy(header, path.constData(), size_t(path.size())); // name[100] at 0
    putOctal(header + 100, 8, mode & 07777);                    // mode
    putOctal(header + 108, 8, 0);                               // uid
    putOctal(header + 116, 8, 0);                               // gid
    putOctal(header + 124, 12, bytes.size());                   // size
    putOctal(header + 136, 12, m_modified.toSecsSinceEpoch());  // mtime
    header[156] = '0';                                          // typeflag: a regular file
    std::memcpy(header + 257, "ustar", 6);                      // magic "ustar\0"
    std::memcpy(header + 263, "00", 2);                         // version
    std::memcpy(header + 265, "root", 4);                       // uname
    std::memcpy(header + 297, "root", 4);                       // gname
    // The checksum is the sum of the header's bytes with its own field counted as spaces,
    // written as six octal digits, a NUL and a space.
    std::memset(header + 148, ' ', 8);
    unsigned sum = 0;
    for (const char c : header)
        sum += static_cast<unsigned char>(c);
    putOctal(header + 148, 7, sum);
    header[155] = ' ';
    m_bytes.append(header, BLOCK);
    m_bytes.append(bytes);
    m_bytes.append(QByteArray((BLOCK - bytes.size() % BLOCK) % BLOCK, '\0'));
    return true;
}

QByteArray TarArchive::bytes() const
{
    return m_bytes + QByteArray(2 * BLOCK, '\0');
}
