// Writes what a live scan sees as a capture file.
#include "ble/CaptureWriter.h"

#include "common/Hex.h"

#include "common/JsonLine.h"

namespace {
// 16-bit UUIDs as 4 hex digits, others in canonical form (formats/ble-capture.md).
QString uuidText(const QBluetoothUuid& uuid)
{
    bool isShort = false;
    const quint16 short16 = uuid.toUInt16(&isShort);
    if (isShort)
        return QStringLiteral("%1").arg(short16, 4, 16, QLatin1Char('0'));
    return uuid.toString(QUuid::WithoutBraces).toLower();
}
} // namespace

Result<void> CaptureWriter::open(const QString& path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(Error::Kind::Input,
                     tr("Gatehouse cannot write the capture file %1 (%2).").arg(path, m_file.errorString()));
    return {};
}

Result<void> CaptureWriter::write(const Advertisement& advert)
{
    QByteArray text = line(advert);
    text.append('\n');
    if (m_file.write(text) != text.size())
        return Error(
            Error::Kind::Failed,
            tr("Gatehouse could not write to the capture file %1 (%2).").arg(m_file.fileName(), m_file.errorString()));
    return {};
}

Result<void> CaptureWriter::close()
{
    const bool flushed = m_file.flush();
    m_file.close();
    if (!flushed)
        return Error(
            Error::Kind::Failed,
            tr("Gatehouse could not finish the capture file %1 (%2).").arg(m_file.fileName(), m_file.errorString()));
    return {};
}

QByteArray CaptureWriter::line(const Advertisement& advert)
{
    JsonLine line;
    line.add("t", advert.timeMs).add("addr", advert.addressText()).add("rssi", advert.rssi);
    if (!advert.localName.isEmpty())
        line.add("name", advert.localName);
    if (!advert.serviceUuids.isEmpty()) {
        QByteArray uuids = "[";
        for (const QBluetoothUuid& uuid : advert.serviceUuids)
            uuids += (uuids.size() > 1 ? "," : "") + JsonLine::quote(uuidText(uuid));
        line.addRaw("uuids", uuids + ']');
    }
    if (!advert.serviceData.isEmpty()) {
        JsonLine data;
        for (const auto& entry : advert.serviceData)
            data.add(qPrintable(uuidText(entry.uuid)), Hex::encode(advert.payload(entry.offset, entry.length)));
        line.addRaw("svc", data.toJson());
    }
    if (!advert.manufacturerData.isEmpty()) {
        JsonLine data;
        for (const auto& entry : advert.manufacturerData) {
            data.add(qPrintable(QStringLiteral("%1").arg(entry.company, 4, 16, QLatin1Char('0'))),
                     Hex::encode(advert.payload(entry.offset, entry.length)));
        }
        line.addRaw("mfr", data.toJson());
    }
    if (advert.txPower)
        line.add("tx", *advert.txPower);
    // A report with no AD data at all still needs one data key to be a valid line.
    if (advert.localName.isEmpty() && advert.serviceUuids.isEmpty() && advert.serviceData.isEmpty() &&
        advert.manufacturerData.isEmpty() && !advert.txPower)
        line.add("ad", QString());
    return line.toJson();
}
