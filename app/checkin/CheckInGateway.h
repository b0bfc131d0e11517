// How the kiosk's flow reaches the entry log without waiting on it: requests go in, results come
// back through a callback on the caller's thread. ARCHITECTURE.md, "Threads": the GUI thread
// only paints and reacts; database writes run on one writer. ThreadedCheckIn is that writer for
// the kiosk; DirectCheckIn answers at once, for tests and for tools that run no event loop.
#pragma once

#include "checkin/CheckInService.h"

#include <functional>

class CheckInGateway
{
public:
    using CheckedIn = std::function<void(const Result<CheckInService::Outcome>&)>;
    using CheckedOut = std::function<void(const Result<Entry>&)>;
    using Names = std::function<void(const Result<QStringList>&)>;
    using CheckedOutTyped = std::function<void(const Result<bool>&)>;

    virtual ~CheckInGateway() = default;

    virtual const Site& site() const = 0;
    virtual void checkIn(const CheckInService::Request& request, CheckedIn done) = 0;
    virtual void checkOutPerson(const QString& idNumber, Entry::CheckoutKind kind, CheckedOut done) = 0;
    // CheckInService::checkOutTyped(): a number typed at the kiosk.
    virtual void checkOutTyped(const QString& idNumber, CheckedOutTyped done) = 0;
    // CheckInService::admitRefused(): a receptionist's account and PIN admit a refused visitor.
    virtual void admitRefused(const CheckInService::Request& request, const QString& account, const QString& pin,
                              CheckedIn done) = 0;
    // CheckInService::receptionists(): who may admit, for the kiosk to offer.
    virtual void receptionists(Names done) = 0;
};
