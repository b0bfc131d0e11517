// One person's stay at a site.
#include "storage/Entry.h"

#include <array>

namespace {
template <typename Enum, size_t N>
std::optional<Enum> fromName(const std::array<const char*, N>& names, const QString& name)
{
    for (size_t i = 0; i < N; ++i) {
        if (name == QLatin1StringView(names[i]))
            return Enum(i);
    }
    return std::nullopt;
}

// In the enums' order.
constexpr std::array<const char*, 3> PERSON_TYPES{"visitor", "staff", "guest"};
constexpr std::array<const char*, 4> METHODS{"qr_cccd", "qr_pass", "manual", "staff_roster"};
constexpr std::array<const char*, 3> APP_STATUSES{"verified", "not_detected", "overridden"};
constexpr std::array<const char*, 3> CHECKOUT_KINDS{"kiosk", "receptionist", "auto"};
} // namespace

QString Entry::name(PersonType type)
{
    return QString::fromLatin1(PERSON_TYPES[size_t(type)]);
}

QString Entry::name(Method method)
{
    return QString::fromLatin1(METHODS[size_t(method)]);
}

QString Entry::name(AppStatus status)
{
    return QString::fromLatin1(APP_STATUSES[size_t(status)]);
}

QString Entry::name(CheckoutKind kind)
{
    return QString::fromLatin1(CHECKOUT_KINDS[size_t(kind)]);
}

std::optional<Entry::PersonType> Entry::personTypeFrom(const QString& name)
{
    return fromName<PersonType>(PERSON_TYPES, name);
}

std::optional<Entry::Method> Entry::methodFrom(const QString& name)
{
    return fromName<Method>(METHODS, name);
}

std::optional<Entry::AppStatus> Entry::appStatusFrom(const QString& name)
{
    return fromName<AppStatus>(APP_STATUSES, name);
}

std::optional<Entry::CheckoutKind> Entry::checkoutKindFrom(const QString& name)
{
    return fromName<CheckoutKind>(CHECKOUT_KINDS, name);
}
