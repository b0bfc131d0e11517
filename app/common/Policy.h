// The site's policy on tracing apps (People's Committee of Thừa Thiên Huế, July 2020): state
// agencies *require* the app of everyone who comes to work; businesses, hotels and restaurants
// *recommend* it to their customers at the door.
#pragma once

#include <QString>

#include <optional>

class Policy
{
public:
    enum class Kind { Required, Recommended };
    enum class Decision {
        Admit,              // app verified: welcome
        AdmitAndRecommend,  // no app, recommended policy: recorded as not_detected, install QR shown
        SendToReceptionist, // no app, required policy: refused at the kiosk; a receptionist may override
    };

    Policy() = default; // recommended: what businesses and hotels were asked to do
    explicit Policy(Kind kind) : m_kind(kind) {}

    Kind kind() const { return m_kind; }
    Decision decide(bool appVerified) const
    {
        if (appVerified)
            return Decision::Admit;
        return m_kind == Kind::Required ? Decision::SendToReceptionist : Decision::AdmitAndRecommend;
    }

    static QString name(Kind kind)
    {
        return kind == Kind::Required ? QStringLiteral("required") : QStringLiteral("recommended");
    }
    static std::optional<Kind> kindFrom(const QString& name)
    {
        if (name == QLatin1String("required"))
            return Kind::Required;
        if (name == QLatin1String("recommended"))
            return Kind::Recommended;
        return std::nullopt;
    }

private:
    Kind m_kind = Kind::Recommended;
};
