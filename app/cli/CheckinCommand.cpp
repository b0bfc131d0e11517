// `gatehouse-cli checkin --name N --id-number X [--phone P] [--address A] [--type T] [--method M]
// [--app verified|not_detected] [--app-profile P] [--app-id HEX] [--at ISO] [--override REASON]`.
#include "CheckinCommand.h"

#include "LogSession.h"

namespace {
const QCommandLineOption NAME(QStringLiteral("name"), QStringLiteral("Full name."), QStringLiteral("N"));
const QCommandLineOption ID_NUMBER(QStringLiteral("id-number"), QStringLiteral("CCCD, CMND or passport number."),
                                   QStringLiteral("X"));
const QCommandLineOption PHONE(QStringLiteral("phone"), QStringLiteral("Phone number."), QStringLiteral("P"));
const QCommandLineOption ADDRESS(QStringLiteral("address"), QStringLiteral("Address."), QStringLiteral("A"));
const QCommandLineOption TYPE(QStringLiteral("type"), QStringLiteral("visitor, staff or guest (default visitor)."),
                              QStringLiteral("T"), QStringLiteral("visitor"));
const QCommandLineOption METHOD_OPTION(QStringLiteral("method"),
                                       QStringLiteral("qr_cccd, qr_pass, manual or staff_roster (default manual)."),
                                       QStringLiteral("M"), QStringLiteral("manual"));
const QCommandLineOption APP(QStringLiteral("app"), QStringLiteral("verified or not_detected (default not_detected)."),
                             QStringLiteral("STATUS"), QStringLiteral("not_detected"));
const QCommandLineOption APP_PROFILE(QStringLiteral("app-profile"),
                                     QStringLiteral("The app seen: bluezone, exposure_notification, bluetrace."),
                                     QStringLiteral("P"), QStringLiteral("bluezone"));
const QCommandLineOption APP_ID(QStringLiteral("app-id"), QStringLiteral("The app's identifier, hex."),
                                QStringLiteral("HEX"));
const QCommandLineOption AT(QStringLiteral("at"), QStringLiteral("When (ISO 8601; default now)."),
                            QStringLiteral("ISO"));
const QCommandLineOption OVERRIDE(QStringLiteral("override"),
                                  QStringLiteral("Admit without the app under the required policy, for this reason."),
                                  QStringLiteral("REASON"));
} // namespace

QString CheckinCommand::summary() const
{
    return tr("Record an entry, as the kiosk does.");
}

void CheckinCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({NAME, ID_NUMBER, PHONE, ADDRESS, TYPE, METHOD_OPTION, APP, APP_PROFILE, APP_ID, AT, OVERRIDE});
}

int CheckinCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    CheckInService::Request request;
    request.actor = QStringLiteral("cli");
    request.entry.fullName = parser.value(NAME);
    request.entry.idNumber = parser.value(ID_NUMBER);
    request.entry.phone = parser.value(PHONE).trimmed();
    request.entry.address = parser.value(ADDRESS).trimmed();
    const auto type = Entry::personTypeFrom(parser.value(TYPE));
    const auto method = Entry::methodFrom(parser.value(METHOD_OPTION));
    if (!type || !method) {
        context.err << tr("--type must be visitor, staff or guest, and --method qr_cccd, qr_pass, manual or "
                          "staff_roster.")
                    << Qt::endl;
        return 2;
    }
    request.entry.personType = *type;
    request.entry.method = *method;
    if (parser.value(APP) == QLatin1String("verified")) {
        AppVerification app;
        app.profile = parser.value(APP_PROFILE);
        app.appId = QByteArray::fromHex(parser.value(APP_ID).toLatin1());
        request.app = app;
    } else if (parser.value(APP) != QLatin1String("not_detected")) {
        context.err << tr("--app must be verified or not_detected.") << Qt::endl;
        return 2;
    }
    if (parser.isSet(AT)) {
        request.entry.checkedInAt = QDateTime::fromString(parser.value(AT), Qt::ISODate);
        if (!request.entry.checkedInAt.isValid()) {
            context.err << tr("--at needs a date and time in ISO 8601 form, such as 2020-08-01T08:30:00+07:00.")
                        << Qt::endl;
            return 2;
        }
    }
    request.overrideReason = parser.value(OVERRIDE);

    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    auto outcome = session.value()->service().checkIn(request);
    if (!outcome)
        return context.fail(outcome.error());
    if (!outcome->entry) {
        context.err << outcome->sentence << QLatin1Char(' ')
                    << tr("A receptionist can admit them with --override REASON.") << Qt::endl;
        return 1;
    }
    context.out << session.value()->json(*outcome->entry) << '\n';
    return 0;
}
