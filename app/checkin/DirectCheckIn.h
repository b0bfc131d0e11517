// A CheckInGateway that calls the service here and now (tests, the console on its own thread).
#pragma once

#include "checkin/CheckInGateway.h"

class DirectCheckIn final : public CheckInGateway
{
public:
    explicit DirectCheckIn(CheckInService& service) : m_service(service) {}

    const Site& site() const override { return m_service.site(); }
    void checkIn(const CheckInService::Request& request, CheckedIn done) override { done(m_service.checkIn(request)); }
    void checkOutPerson(const QString& idNumber, Entry::CheckoutKind kind, CheckedOut done) override
    {
        done(m_service.checkOutPerson(idNumber, kind));
    }
    void checkOutTyped(const QString& idNumber, CheckedOutTyped done) override
    {
        done(m_service.checkOutTyped(idNumber));
    }
    void admitRefused(const CheckInService::Request& request, const QString& account, const QString& pin,
                      CheckedIn done) override
    {
        done(m_service.admitRefused(request, account, pin));
    }
    void receptionists(Names done) override { done(m_service.receptionists()); }

private:
    CheckInService& m_service;
};
