// One person's stay at a site: who, how their identity was taken, whether their tracing app was
// seen, when they came in and when they left (formats/export-csv.md names the same fields).
#pragma once

#include "ble/AppVerification.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

struct Entry
{
    enum class PersonType { Visitor, Staff, Guest };
    enum class Method { QrCccd, QrPass, Manual, StaffRoster };
    enum class AppStatus { Verified, NotDetected, Overridden };
    enum class CheckoutKind { Kiosk, Receptionist, Auto };

    qint64 id = 0; // 0 until stored
    QString site;
    QString entrance;
    PersonType personType = PersonType::Visitor;
    QString fullName;
    QString idNumber;
    QString phone;
    QString address;
    QString staffNumber;
    QDateTime checkedInAt;
    std::optional<QDateTime> checkedOutAt;
    std::optional<CheckoutKind> checkoutKind;
    Method method = Method::Manual;
    AppStatus appStatus = AppStatus::NotDetected;
    std::optional<AppVerification> app; // the evidence, when the app was seen
    QString passId;
    QDateTime passValidTo; // when the pass expires: its use is kept until then (retention)
    QString overrideReason;
    QList<QPair<QString, QString>> declaration; // health declaration: question id -> answer

    bool isInside() const { return !checkedOutAt.has_value(); }

    // The names formats/export-csv.md and formats/cli.md use, and back.
    static QString name(PersonType type);
    static QString name(Method method);
    static QString name(AppStatus status);
    static QString name(CheckoutKind kind);
    static std::optional<PersonType> personTypeFrom(const QString& name);
    static std::optional<Method> methodFrom(const QString& name);
    static std::optional<AppStatus> appStatusFrom(const QString& name);
    static std::optional<CheckoutKind> checkoutKindFrom(const QString& name);
};
