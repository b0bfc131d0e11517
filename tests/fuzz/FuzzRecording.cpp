// libFuzzer target: any byte sequence as a btsnoop or pcapng recording (issue 13), read to its end
// as `scan --replay` reads it. Must never crash, hang, loop without progress or trip a sanitizer.
#include "ble/AdParser.h"
#include "ble/BtsnoopReader.h"
#include "ble/PcapngReader.h"

#include <QBuffer>

#include <cstdlib>

namespace {
template <typename Reader>
void readToEnd(Reader& reader, qint64 (Reader::*number)() const, size_t size)
{
    QString reason;
    if (!reader.open(reason))
        return;
    AdvertisingReport report;
    qint64 lastNumber = 0;
    // Every report or rejected record takes at least one byte of the file (a record header is 24
    // bytes, a block 12, an advertising report 10): more results than bytes is a loop.
    for (size_t results = 0;; ++results) {
        const ReportRead read = reader.next(report, reason);
        if (read == ReportRead::End)
            return;
        if (results > size)
            std::abort();
        if ((reader.*number)() < lastNumber)
            std::abort(); // record numbers only go forward
        lastNumber = (reader.*number)();
        if (read == ReportRead::Malformed && reason.isEmpty())
            std::abort(); // a rejected record always says why
        if (read == ReportRead::Report) {
            Advertisement advert;
            AdParser::parse({reinterpret_cast<const quint8*>(report.data.constData()), size_t(report.data.size())},
                            advert);
        }
        reason.clear();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    if (bytes.startsWith(BtsnoopReader::magic())) {
        BtsnoopReader reader(device);
        readToEnd(reader, &BtsnoopReader::recordNumber, size);
    } else {
        PcapngReader reader(device);
        readToEnd(reader, &PcapngReader::blockNumber, size);
    }
    return 0;
}
