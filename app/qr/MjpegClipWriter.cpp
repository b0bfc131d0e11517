// Writes frames as a Motion-JPEG AVI clip.
//
// Layout: Microsoft "AVI RIFF File Reference" (RIFF 'AVI ' with LIST 'hdrl' {avih, LIST 'strl'
// {strh, strf}}, LIST 'movi' {'00dc' chunks}, idx1); MJPG as the video handler and compression.
#include "qr/MjpegClipWriter.h"

#include <QBuffer>
#include <QImageWriter>
#include <QtEndian>

namespace {
constexpr quint32 AVIF_HASINDEX = 0x10;
constexpr quint32 AVIIF_KEYFRAME = 0x10;
// Offsets of the fields patched in close(), from the start of the file.
constexpr qint64 RIFF_SIZE_AT = 4;
constexpr qint64 AVIH_TOTAL_FRAMES_AT = 12 + 12 + 8 + 16;
constexpr qint64 STRH_LENGTH_AT = 12 + 12 + 8 + 56 + 12 + 8 + 32;

void u32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void u16(QByteArray& out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}
} // namespace

Result<void> MjpegClipWriter::failed()
{
    return Error(Error::Kind::Failed,
                 tr("Gatehouse could not write the clip %1 (%2).").arg(m_file.fileName(), m_file.errorString()));
}

Result<void> MjpegClipWriter::open(const QString& path, QSize size, int framesPerSecond)
{
    m_file.setFileName(path);
    m_size = size;
    m_framesPerSecond = std::max(1, framesPerSecond);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(Error::Kind::Input,
                     tr("Gatehouse cannot write the clip %1 (%2).").arg(path, m_file.errorString()));

    QByteArray header;
    header += "RIFF";
    u32(header, 0); // patched: file size - 8
    header += "AVI ";
    header += "LIST";
    u32(header, 4 + 8 + 56 + 12 + 8 + 56 + 8 + 40);
    header += "hdrl";
    header += "avih";
    u32(header, 56);
    u32(header, quint32(1000000 / m_framesPerSecond)); // microseconds per frame
    u32(header, 0);                                    // max bytes per second
    u32(header, 0);                                    // padding granularity
    u32(header, AVIF_HASINDEX);
    u32(header, 0); // patched: total frames
    u32(header, 0); // initial frames
    u32(header, 1); // streams
    u32(header, 0); // suggested buffer size
    u32(header, quint32(size.width()));
    u32(header, quint32(size.height()));
    for (int i = 0; i < 4; ++i)
        u32(header, 0); // reserved
    header += "LIST";
    u32(header, 4 + 8 + 56 + 8 + 40);
    header += "strl";
    header += "strh";
    u32(header, 56);
    header += "vids";
    header += "MJPG";
    u32(header, 0);                          // flags
    u16(header, 0);                          // priority
    u16(header, 0);                          // language
    u32(header, 0);                          // initial frames
    u32(header, 1);                          // scale
    u32(header, quint32(m_framesPerSecond)); // rate: rate/scale = frames per second
    u32(header, 0);                          // start
    u32(header, 0);                          // patched: length in frames
    u32(header, 0);                          // suggested buffer size
    u32(header, 0xFFFFFFFF);                 // quality: default
    u32(header, 0);                          // sample size
    u16(header, 0);
    u16(header, 0);
    u16(header, quint16(size.width()));
    u16(header, quint16(size.height()));
    header += "strf";
    u32(header, 40); // BITMAPINFOHEADER
    u32(header, 40);
    u32(header, quint32(size.width()));
    u32(header, quint32(size.height()));
    u16(header, 1);  // planes
    u16(header, 24); // bits per pixel
    header += "MJPG";
    u32(header, quint32(size.width() * size.height() * 3));
    for (int i = 0; i < 4; ++i)
        u32(header, 0);
    header += "LIST";
    u32(header, 0); // patched: movi size
    header += "movi";
    if (m_file.write(header) != header.size())
        return failed();
    m_moviStart = m_file.pos() - 4; // idx1 offsets count from the 'movi' fourcc
    return {};
}

Result<void> MjpegClipWriter::add(const QImage& image, int quality)
{
    const QImage frame =
        image.size() == m_size ? image : image.scaled(m_size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    if (!writer.write(frame.convertToFormat(QImage::Format_RGB888)))
        return Error(Error::Kind::Failed, tr("Gatehouse could not encode a frame of %1.").arg(m_file.fileName()));
    QByteArray chunk = "00dc";
    u32(chunk, quint32(jpeg.size()));
    chunk += jpeg;
    if (jpeg.size() % 2)
        chunk += '\0'; // RIFF chunks are word-aligned
    const auto offset = quint32(m_file.pos() - m_moviStart);
    if (m_file.write(chunk) != chunk.size())
        return failed();
    m_index.append({offset, quint32(jpeg.size())});
    m_largestFrame = std::max(m_largestFrame, quint32(jpeg.size()));
    return {};
}

Result<void> MjpegClipWriter::close()
{
    const qint64 moviEnd = m_file.pos();
    QByteArray index = "idx1";
    u32(index, quint32(m_index.size() * 16));
    for (const auto& [offset, size] : std::as_const(m_index)) {
        index += "00dc";
        u32(index, AVIIF_KEYFRAME);
        u32(index, offset);
        u32(index, size);
    }
    if (m_file.write(index) != index.size())
        return failed();
    const qint64 end = m_file.pos();
    const auto patch = [this](qint64 at, quint32 value) {
        QByteArray bytes;
        u32(bytes, value);
        return m_file.seek(at) && m_file.write(bytes) == 4;
    };
    const bool patched =
        patch(RIFF_SIZE_AT, quint32(end - 8)) && patch(AVIH_TOTAL_FRAMES_AT, quint32(m_index.size())) &&
        patch(STRH_LENGTH_AT, quint32(m_index.size())) && patch(m_moviStart - 4, quint32(moviEnd - m_moviStart));
    if (!patched || !m_file.flush())
        return failed();
    m_file.close();
    return {};
}
