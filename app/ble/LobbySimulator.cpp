// Synthesises the adverts a kiosk hears in a lobby.
//
// App signatures as in AppProfileTable (formats/ble-capture.md); Bluezone Android advertises
// 15 s and is silent 15 s.
#include "ble/LobbySimulator.h"

#include <QList>

#include <algorithm>
#include <queue>

namespace {
enum class Kind { BluezoneAndroid, BluezoneIos, ExposureNotification, BlueTrace, NoApp, Beacon };

constexpr int AT_KIOSK_DBM = -48;
constexpr int ACROSS_LOBBY_DBM = -82;
} // namespace

struct LobbySimulator::Phone
{
    Kind kind = Kind::NoApp;
    quint64 address = 0;
    QByteArray id;
    qint64 appearMs = 0; // first heard
    qint64 arriveMs = 0; // reaches the kiosk (visitors) or closest point (passers)
    qint64 departMs = 0; // leaves the kiosk
    qint64 goneMs = 0;   // last heard
    int closestDbm = ACROSS_LOBBY_DBM;
    int periodMs = 200;
    qint64 phaseMs = 0; // Bluezone's on/off cycle offset
    bool visitor = false;
    int heardAtKiosk = 0; // adverts heard while standing at the kiosk

    int levelAt(qint64 t) const
    {
        if (t <= arriveMs)
            return ACROSS_LOBBY_DBM +
                   int((closestDbm - ACROSS_LOBBY_DBM) * (t - appearMs) / std::max<qint64>(1, arriveMs - appearMs));
        if (t <= departMs)
            return closestDbm;
        return closestDbm +
               int((ACROSS_LOBBY_DBM - closestDbm) * (t - departMs) / std::max<qint64>(1, goneMs - departMs));
    }
    bool silentAt(qint64 t) const { return kind == Kind::BluezoneAndroid && ((t + phaseMs) / 15000) % 2 == 1; }
};

LobbySimulator::LobbySimulator(Config config) : m_config(config), m_random(config.seed) {}

void LobbySimulator::run(const std::function<void(const Advertisement&)>& deliver)
{
    QList<Phone> phones;
    const auto randomAddress = [this] { return (m_random.generate64() & 0x3FFFFFFFFFFFULL) | 0x400000000000ULL; };
    const auto randomId = [this](int size) {
        QByteArray id(size, Qt::Uninitialized);
        for (char& byte : id)
            byte = char(m_random.bounded(256));
        return id;
    };
    const qint64 hourMs = 3600 * 1000;
    const auto schedule = [&](int perHour, bool visitor) {
        const qint64 count = perHour * m_config.durationMs / hourMs;
        for (qint64 i = 0; i < count; ++i) {
            Phone phone;
            const int pick = m_random.bounded(100);
            if (visitor) {
                phone.kind = pick < 55   ? Kind::BluezoneAndroid
                             : pick < 75 ? Kind::BluezoneIos
                             : pick < 92 ? Kind::ExposureNotification
                                         : Kind::BlueTrace;
                phone.closestDbm = AT_KIOSK_DBM + m_random.bounded(-4, 5);
                phone.visitor = true;
            } else {
                phone.kind = pick < 40 ? Kind::NoApp : pick < 70 ? Kind::BluezoneAndroid : Kind::ExposureNotification;
                phone.closestDbm = m_random.bounded(-78, -68);
            }
            phone.address = randomAddress();
            phone.id = randomId(phone.kind == Kind::ExposureNotification ? 20 : 12);
            phone.appearMs = m_random.bounded(qint64(0), std::max<qint64>(1, m_config.durationMs - 60000));
            phone.arriveMs = phone.appearMs + m_random.bounded(4000, 9000);
            phone.departMs = phone.arriveMs + (visitor ? m_random.bounded(6000, 35000) : 0);
            phone.goneMs = phone.departMs + m_random.bounded(4000, 12000);
            phone.periodMs = m_random.bounded(100, 350);
            phone.phaseMs = m_random.bounded(30000);
            phones.append(phone);
        }
    };
    schedule(m_config.visitorsPerHour, true);
    schedule(m_config.passersPerHour, false);
    for (int i = 0; i < m_config.beacons; ++i) {
        Phone beacon;
        beacon.kind = Kind::Beacon;
        beacon.address = randomAddress();
        beacon.id = randomId(21);
        beacon.appearMs = m_random.bounded(1000);
        beacon.arriveMs = beacon.appearMs;
        beacon.departMs = m_config.durationMs;
        beacon.goneMs = m_config.durationMs;
        beacon.closestDbm = m_random.bounded(-72, -55);
        beacon.periodMs = 1000;
        phones.append(beacon);
    }

    // Merge every phone's adverts in time order: a heap of (next advert time, phone).
    using Next = std::pair<qint64, qsizetype>;
    std::priority_queue<Next, std::vector<Next>, std::greater<>> heap;
    for (qsizetype i = 0; i < phones.size(); ++i)
        heap.push({phones[i].appearMs, i});
    const QBluetoothUuid bluezone(quint16(0x4E56));
    const QBluetoothUuid bluezoneIos(QStringLiteral("00004E56-73F5-4BC4-A12F-17D1AD07A667"));
    const QBluetoothUuid exposure(quint16(0xFD6F));
    const QBluetoothUuid blueTrace(QStringLiteral("B82AB3FC-1595-4F6A-80F0-FE094CC218F9"));
    while (!heap.empty()) {
        const auto [t, index] = heap.top();
        heap.pop();
        Phone& phone = phones[index];
        if (t > phone.goneMs || t >= m_config.durationMs)
            continue;
        heap.push({t + phone.periodMs + m_random.bounded(0, 20), index});
        if (phone.silentAt(t))
            continue;
        if (phone.visitor && t >= phone.arriveMs && t <= phone.departMs)
            ++phone.heardAtKiosk;
        Advertisement advert;
        advert.timeMs = t;
        advert.address = phone.address;
        advert.rssi = phone.levelAt(t) + m_random.bounded(-m_config.noiseDb, m_config.noiseDb + 1);
        const auto id =
            std::span<const quint8>(reinterpret_cast<const quint8*>(phone.id.constData()), size_t(phone.id.size()));
        advert.flags = 0x1a;
        switch (phone.kind) {
        case Kind::BluezoneAndroid:
            advert.addServiceUuid(bluezone);
            advert.addManufacturerData(0x22B5, id);
            break;
        case Kind::BluezoneIos:
            advert.addServiceUuid(bluezoneIos);
            advert.localName = QStringLiteral("Bluezone");
            break;
        case Kind::ExposureNotification:
            advert.addServiceUuid(exposure);
            advert.addServiceData(exposure, id);
            break;
        case Kind::BlueTrace:
            advert.addServiceUuid(blueTrace);
            advert.addManufacturerData(0x03FF, id.first(3));
            break;
        case Kind::NoApp:
            advert.addManufacturerData(0x0006, id.first(10));
            break;
        case Kind::Beacon:
            advert.addManufacturerData(0x004C, id);
            break;
        }
        deliver(advert);
    }
    m_truth.clear();
    for (const Phone& phone : phones)
        m_truth.append({phone.address, phone.visitor, phone.heardAtKiosk});
}
