// The console's HTML.
#include "console/ConsolePage.h"

#include "common/SharedSettings.h"
#include "common/SiteTime.h"

QString ConsolePage::text(const QString& value)
{
    QString escaped = value.toHtmlEscaped(); // < > & "
    escaped.replace(u'\'', QLatin1String("&#39;"));
    return escaped;
}

QString ConsolePage::scopeName(const QString& scope)
{
    if (scope == QLatin1String("province"))
        return tr("the whole province");
    if (scope.startsWith(QLatin1String("district:")))
        return tr("district %1").arg(scope.mid(9));
    return tr("site %1").arg(scope.mid(5));
}

QByteArray ConsolePage::frame(const QString& language, const QString& title, const QString& body,
                              const CentralOfficials::Official* official, const QByteArray& csrf)
{
    QString bar;
    if (official) {
        const QString other = official->language == QLatin1String("vi") ? QStringLiteral("en") : QStringLiteral("vi");
        bar = QStringLiteral(
                  "<div class=\"who\"><span>%1 · %2</span>"
                  "<form method=\"post\" action=\"/language\"><input type=\"hidden\" name=\"csrf\" value=\"%3\">"
                  "<input type=\"hidden\" name=\"language\" value=\"%4\">"
                  "<button type=\"submit\" class=\"link\" lang=\"%4\">%5</button></form>"
                  "<form method=\"post\" action=\"/sign-out\"><input type=\"hidden\" name=\"csrf\" value=\"%3\">"
                  "<button type=\"submit\">%6</button></form></div>")
                  .arg(text(official->name), text(scopeName(official->scope)), QString::fromLatin1(csrf), other,
                       other == QLatin1String("vi") ? QStringLiteral("Tiếng Việt") : QStringLiteral("English"),
                       text(tr("Sign out")));
    }
    const QString page =
        QStringLiteral(
            "<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>%2 · Gatehouse</title><link rel=\"stylesheet\" href=\"/static/console.css\"></head>"
            "<body><header><a class=\"brand\" href=\"/\">Gatehouse</a><span class=\"what\">%3</span>%4</header>%6"
            "<main>%5</main></body></html>\n")
            .arg(language, text(title), text(tr("The province's console")), bar, body,
                 official ? QStringLiteral("<nav><a href=\"/\">%1</a><a href=\"/compliance\">%2</a>"
                                           "<a href=\"/sites\">%3</a><a href=\"/fleet\">%4</a>"
                                           "<a href=\"/settings\">%5</a></nav>")
                                .arg(text(tr("Cases")), text(tr("Compliance")), text(tr("Sites and kiosks")),
                                     text(tr("Fleet")), text(tr("Settings")))
                          : QString());
    return page.toUtf8();
}

QByteArray ConsolePage::signIn(const QString& language, const QByteArray& csrf, const QString& name,
                               const QString& sentence)
{
    const QString other = language == QLatin1String("vi") ? QStringLiteral("en") : QStringLiteral("vi");
    QString body = QStringLiteral("<section class=\"sign-in\"><h1>%1</h1>").arg(text(tr("Sign in")));
    if (!sentence.isEmpty())
        body += QStringLiteral("<p class=\"problem\" role=\"alert\">%1</p>").arg(text(sentence));
    body +=
        QStringLiteral("<form method=\"post\" action=\"/sign-in\">"
                       "<input type=\"hidden\" name=\"csrf\" value=\"%1\">"
                       "<input type=\"hidden\" name=\"language\" value=\"%2\">"
                       "<label for=\"name\">%3</label>"
                       "<input id=\"name\" name=\"name\" autocomplete=\"username\" required maxlength=\"64\" "
                       "value=\"%4\" autofocus>"
                       "<label for=\"password\">%5</label>"
                       "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" "
                       "required maxlength=\"1024\">"
                       "<button type=\"submit\">%6</button></form>"
                       "<p class=\"languages\"><a href=\"/?lang=%7\" lang=\"%7\">%8</a></p>"
                       "<p class=\"hint\">%9</p></section>")
            .arg(QString::fromLatin1(csrf), language, text(tr("Account")), text(name), text(tr("Password")),
                 text(tr("Sign in")), other,
                 other == QLatin1String("vi") ? QStringLiteral("Tiếng Việt") : QStringLiteral("English"),
                 text(tr("Accounts are made by the province's administrator (gatehouse-cli central "
                         "add-official).")));
    return frame(language, tr("Sign in"), body);
}

QByteArray ConsolePage::sites(const CentralOfficials::Official& official, const QByteArray& csrf,
                              const QList<CentralAdmin::SiteState>& sites, const SitesForm& form, const QDateTime& now,
                              int utcOffsetMinutes)
{
    const SiteTime siteTime(utcOffsetMinutes);
    QString body = QStringLiteral("<h1>%1</h1><p>%2</p>")
                       .arg(text(tr("Sites and kiosks")),
                            text(tr("%n site(s) in %1.", nullptr, int(sites.size())).arg(scopeName(official.scope))));
    if (!form.sentence.isEmpty())
        body += QStringLiteral("<p class=\"problem\" role=\"alert\">%1</p>").arg(text(form.sentence));
    for (const QString& name : form.offered)
        body +=
            QStringLiteral("<p class=\"offered\"><a href=\"/kiosk-files/%1\" download>%2</a><br><small>%3</small></p>")
                .arg(text(name), text(tr("Download %1").arg(name)),
                     text(tr("Offered once: the kiosk's private key leaves the console with this download. "
                             "Unpack it into /etc/gatehouse on the kiosk (tar -xf %1 -C /etc/gatehouse) and add "
                             "central.ini's [central] group to gatehouse.ini.")
                              .arg(name)));
    if (sites.isEmpty()) {
        body += QStringLiteral("<p>%1</p>").arg(text(tr("No site is registered in your scope yet.")));
    } else {
        body +=
            QStringLiteral("<div class=\"table\"><table><thead><tr><th scope=\"col\">%1</th><th scope=\"col\">%2</th>"
                           "<th scope=\"col\">%3</th><th scope=\"col\">%4</th>"
                           "<th scope=\"col\" class=\"number\">%5</th></tr></thead><tbody>")
                .arg(text(tr("Site")), text(tr("District")), text(tr("Kiosk")), text(tr("Last heard from")),
                     text(tr("Waiting to send")));
        for (const CentralAdmin::SiteState& site : sites) {
            const QString siteCells =
                QStringLiteral("<td data-label=\"%4\">%1<br><small>%2</small></td><td data-label=\"%5\">%3</td>")
                    .arg(text(site.name), text(site.site), text(site.district), text(tr("Site")), text(tr("District")));
            if (site.kiosks.isEmpty()) {
                body +=
                    QStringLiteral("<tr>%1<td colspan=\"3\">%2</td></tr>").arg(siteCells, text(tr("No kiosk yet.")));
                continue;
            }
            for (const CentralAdmin::KioskState& kiosk : site.kiosks) {
                // Heard from: its last round with the store (version 7) or, from a kiosk that has
                // not said so yet, its last event.
                const QDateTime last = std::max(kiosk.lastContactAt.isValid() ? kiosk.lastContactAt : QDateTime(),
                                                kiosk.lastReceivedAt.isValid() ? kiosk.lastReceivedAt : QDateTime());
                QString heard = tr("never");
                QString late = QStringLiteral(" class=\"late\"");
                if (last.isValid()) {
                    heard = siteTime.format(last, QStringLiteral("HH:mm dd/MM/yyyy"));
                    if (last.secsTo(now) <= 24 * 3600)
                        late.clear();
                }
                const QString waiting = kiosk.backlog < 0 ? QStringLiteral("–") : QString::number(kiosk.backlog);
                body += QStringLiteral("<tr>%1<td data-label=\"%2\">%5<br><small>%6</small></td>"
                                       "<td%7 data-label=\"%3\">%8</td>"
                                       "<td class=\"number\" data-label=\"%4\">%9</td></tr>")
                            // One pass: a value is never read again for a place marker.
                            .arg(siteCells, text(tr("Kiosk")), text(tr("Last heard from")), text(tr("Waiting to send")),
                                 text(kiosk.kiosk), text(kiosk.entrance), late, text(heard), text(waiting));
            }
        }
        body += QStringLiteral("</tbody></table></div>");
    }
    if (official.role == QLatin1String("admin")) {
        // A district's administrator adds sites of that district (the store checks it too); a
        // site's administrator adds kiosks to that site only.
        const bool district = official.scope.startsWith(QLatin1String("district:"));
        if (!official.scope.startsWith(QLatin1String("site:"))) {
            const QString districtField =
                district ? QStringLiteral("<input id=\"district\" name=\"district\" value=\"%1\" readonly>")
                               .arg(text(official.scope.mid(9)))
                         : QStringLiteral("<input id=\"district\" name=\"district\" maxlength=\"100\" value=\"%1\">")
                               .arg(text(form.district));
            body += QStringLiteral("<section class=\"card\"><h2>%1</h2>"
                                   "<form method=\"post\" action=\"/sites\" class=\"window\">"
                                   "<input type=\"hidden\" name=\"csrf\" value=\"%2\">"
                                   "<div><label for=\"site_id\">%3</label>"
                                   "<input id=\"site_id\" name=\"site_id\" required maxlength=\"63\" value=\"%4\" "
                                   "autocomplete=\"off\"></div>"
                                   "<div><label for=\"site_name\">%5</label>"
                                   "<input id=\"site_name\" name=\"site_name\" required maxlength=\"200\" value=\"%6\">"
                                   "</div><div><label for=\"district\">%7</label>%8</div>"
                                   "<div><button type=\"submit\">%9</button></div></form></section>")
                        .arg(text(tr("Add a site")), QString::fromLatin1(csrf), text(tr("Site id")), text(form.siteId),
                             text(tr("Name")), text(form.siteName), text(tr("District")), districtField,
                             text(tr("Add the site")));
        }
        QString options;
        for (const CentralAdmin::SiteState& site : sites)
            options += QStringLiteral("<option value=\"%1\"%2>%3</option>")
                           .arg(text(site.site), site.site == form.kioskSite ? QStringLiteral(" selected") : QString(),
                                text(site.name + QStringLiteral(" (") + site.site + u')'));
        if (!sites.isEmpty())
            body += QStringLiteral("<section class=\"card\"><h2>%1</h2>"
                                   "<form method=\"post\" action=\"/kiosks\" class=\"window\">"
                                   "<input type=\"hidden\" name=\"csrf\" value=\"%2\">"
                                   "<div><label for=\"kiosk_site\">%3</label>"
                                   "<select id=\"kiosk_site\" name=\"site\">%4</select></div>"
                                   "<div><label for=\"kiosk\">%5</label>"
                                   "<input id=\"kiosk\" name=\"kiosk\" required maxlength=\"63\" "
                                   "pattern=\"[a-z0-9][a-z0-9._\\-]{0,62}\" value=\"%6\" autocomplete=\"off\"></div>"
                                   "<div><label for=\"entrance\">%7</label>"
                                   "<input id=\"entrance\" name=\"entrance\" maxlength=\"100\" value=\"%8\"></div>"
                                   "<div><button type=\"submit\">%9</button></div></form>")
                        .arg(text(tr("Add a kiosk")), QString::fromLatin1(csrf), text(tr("Site")), options,
                             text(tr("Kiosk id")), text(form.kiosk), text(tr("Entrance")), text(form.entrance),
                             text(tr("Add the kiosk"))) +
                    QStringLiteral("<p class=\"hint\">%1</p></section>")
                        .arg(text(form.issuing
                                      ? tr("A kiosk id is lower-case letters, digits, '.', '_' or '-'; it is also "
                                           "the kiosk's login and its certificate's name. Its TLS files are offered "
                                           "once, right after it is added.")
                                      : tr("A kiosk id is lower-case letters, digits, '.', '_' or '-'; it is also "
                                           "the kiosk's login and its certificate's name. This console has no CA "
                                           "key: issue the kiosk's TLS files with gatehouse-cli central add-kiosk "
                                           "--ca-key.")));
    }
    return frame(official.language, tr("Sites and kiosks"), body, &official, csrf);
}

QByteArray ConsolePage::settings(const CentralOfficials::Official& official, const QByteArray& csrf,
                                 const SettingsForm& form, const QList<CentralSettings::Row>& rows,
                                 int utcOffsetMinutes)
{
    const SiteTime siteTime(utcOffsetMinutes);
    const bool admin = official.role == QLatin1String("admin");
    QString body =
        QStringLiteral("<h1>%1</h1><p>%2</p>"
                       "<form method=\"get\" action=\"/settings\" class=\"window\"><div><label for=\"scope\">%3</label>"
                       "<input id=\"scope\" name=\"scope\" value=\"%4\" maxlength=\"120\"></div>"
                       "<div><button type=\"submit\">%5</button></div></form>")
            .arg(text(tr("Shared settings")),
                 text(tr("Kiosks take these at their next sync; the nearest scope wins (kiosk:ID, site:ID, "
                         "district:NAME, province), and what no scope sets comes from the kiosk's configuration.")),
                 text(tr("Scope")), text(form.scope), text(tr("Show")));
    if (!form.sentence.isEmpty())
        body += QStringLiteral("<p class=\"problem\" role=\"alert\">%1</p>").arg(text(form.sentence));
    if (form.saved)
        body += QStringLiteral("<p class=\"offered\" role=\"status\">%1</p>")
                    .arg(text(tr("Saved: the kiosks of %1 take it at their next sync.").arg(form.scope)));
    QString table;
    for (const QString& name : SharedSettings::names()) {
        QString setBy;
        for (const CentralSettings::Row& row : rows) {
            if (row.name == name)
                setBy = tr("%1 at %2").arg(row.setBy, siteTime.format(row.setAt, QStringLiteral("HH:mm dd/MM/yyyy")));
        }
        const QString value = form.values.value(name);
        const QString cell = admin ? QStringLiteral("<input id=\"v_%1\" name=\"v_%1\" value=\"%2\" maxlength=\"2048\" "
                                                    "aria-label=\"%1\">")
                                         .arg(text(name), text(value))
                                   : text(value.isEmpty() ? QStringLiteral("–") : value);
        table +=
            QStringLiteral("<tr><td data-label=\"%1\"><code>%4</code></td><td data-label=\"%2\">%5</td>"
                           "<td data-label=\"%3\">%6</td></tr>")
                .arg(text(tr("Setting")), text(tr("Value here")), text(tr("Set by")), text(name), cell, text(setBy));
    }
    table = QStringLiteral("<div class=\"table\"><table><thead><tr><th scope=\"col\">%1</th><th scope=\"col\">%2</th>"
                           "<th scope=\"col\">%3</th></tr></thead><tbody>%4</tbody></table></div>")
                .arg(text(tr("Setting")), text(tr("Value here")), text(tr("Set by")), table);
    if (admin)
        body += QStringLiteral("<form method=\"post\" action=\"/settings\"><input type=\"hidden\" name=\"csrf\" "
                               "value=\"%1\"><input type=\"hidden\" name=\"scope\" value=\"%2\">%3"
                               "<p class=\"hint\">%4</p><div><button type=\"submit\">%5</button></div></form>")
                    .arg(QString::fromLatin1(csrf), text(form.scope), table,
                         text(tr("An empty field sets nothing here. To try a change on a few kiosks first, set it at "
                                 "kiosk:ID for each, then at the wider scope.")),
                         text(tr("Save")));
    else
        body += table;
    return frame(official.language, tr("Shared settings"), body, &official, csrf);
}

QByteArray ConsolePage::fleet(const CentralOfficials::Official& official, const QByteArray& csrf,
                              const QList<CentralFleet::Kiosk>& kiosks, const QDateTime& now, int utcOffsetMinutes,
                              const std::optional<CentralBackup::State>& backup)
{
    const SiteTime siteTime(utcOffsetMinutes);
    const auto silent = [&](const CentralFleet::Kiosk& kiosk) {
        return !kiosk.lastContactAt.isValid() || kiosk.lastContactAt.secsTo(now) > CentralFleet::SilentAfterSeconds;
    };
    int silentCount = 0, failing = 0, clocks = 0;
    for (const CentralFleet::Kiosk& kiosk : kiosks) {
        silentCount += silent(kiosk) ? 1 : 0;
        failing += kiosk.failingChecks.isEmpty() && kiosk.settingsRefusal.isEmpty() ? 0 : 1;
        clocks += kiosk.clockOff ? 1 : 0;
    }
    QStringList versions;
    const QMap<QString, int> inUse = CentralFleet::versions(kiosks);
    for (auto version = inUse.constBegin(); version != inUse.constEnd(); ++version)
        versions.append(tr("%1: %n kiosk(s)", nullptr, version.value())
                            .arg(version.key().isEmpty() ? tr("not reported") : version.key()));
    QString body =
        QStringLiteral("<h1>%1</h1><p>%2</p><ul class=\"figures\"><li>%3</li><li>%4</li><li>%5</li><li>%6</li></ul>"
                       "<p><a href=\"/fleet.csv\" download>%7</a></p>")
            .arg(text(tr("Fleet")),
                 text(tr("%n kiosk(s) in %1.", nullptr, int(kiosks.size())).arg(scopeName(official.scope))),
                 text(tr("Not heard from for a day: %1").arg(silentCount)),
                 text(tr("With a failing check or refused settings: %1").arg(failing)),
                 text(tr("Clock off by a minute or more: %1").arg(clocks)),
                 text(tr("Versions in use: %1").arg(versions.join(QStringLiteral("; ")))), text(tr("Download as CSV")));
    // The store's backups in words an official can act on (times in the province's clock); where
    // they are and the WAL's file names are for the administrator's `central status`.
    const QString format = QStringLiteral("HH:mm dd/MM/yyyy");
    QStringList backupState;
    bool backupLate = !backup.has_value();
    if (!backup) {
        backupState.append(tr("When the central store was last backed up could not be read."));
    } else {
        backupLate = !backup->lastGoodAt.isValid() || !backup->archivedAt.isValid();
        backupState.append(
            backup->lastGoodAt.isValid()
                ? tr("Last good backup of the central store: %1.").arg(siteTime.format(backup->lastGoodAt, format))
                : tr("No good backup of the central store is recorded."));
        backupState.append(
            backup->archivedAt.isValid()
                ? tr("Its changes are archived up to %1.").arg(siteTime.format(backup->archivedAt, format))
                : tr("Its changes are not archived: a restore would end at the backup."));
        if (backup->archiveFailedAt.isValid() &&
            (!backup->archivedAt.isValid() || backup->archiveFailedAt > backup->archivedAt)) {
            backupLate = true;
            backupState.append(tr("Archiving last failed at %1: tell the store's administrator.")
                                   .arg(siteTime.format(backup->archiveFailedAt, format)));
        }
    }
    body += QStringLiteral("<p%1>%2</p>")
                .arg(backupLate ? QStringLiteral(" class=\"late\"") : QString(), text(backupState.join(u' ')));
    if (!kiosks.isEmpty()) {
        body +=
            QStringLiteral("<div class=\"table\"><table><thead><tr><th scope=\"col\">%1</th><th scope=\"col\">%2</th>"
                           "<th scope=\"col\">%3</th><th scope=\"col\">%4</th><th scope=\"col\">%5</th>"
                           "<th scope=\"col\" class=\"number\">%6</th><th scope=\"col\">%7</th></tr></thead><tbody>")
                .arg(text(tr("Kiosk")), text(tr("Site")), text(tr("Last heard from")), text(tr("Version")),
                     text(tr("Clock")), text(tr("Waiting to send")), text(tr("Problems")));
        for (const CentralFleet::Kiosk& kiosk : kiosks) {
            QStringList problems;
            if (!kiosk.failingChecks.isEmpty())
                problems.append(tr("failing checks: %1").arg(kiosk.failingChecks.join(QStringLiteral(", "))));
            if (!kiosk.settingsRefusal.isEmpty())
                problems.append(tr("refused the settings: %1").arg(kiosk.settingsRefusal));
            if (!kiosk.lastError.isEmpty())
                problems.append(tr("last failure: %1").arg(kiosk.lastError));
            const QString clock = kiosk.software.isEmpty()
                                      ? QStringLiteral("–")
                                      : tr("%1 s").arg(QLocale(official.language).toString(kiosk.clockOffset, 'f', 1));
            body +=
                QStringLiteral("<tr><td data-label=\"%1\">%8</td><td data-label=\"%2\">%9<br><small>%10</small></td>"
                               "<td%11 data-label=\"%3\">%12</td><td data-label=\"%4\">%13</td>"
                               "<td%14 data-label=\"%5\">%15</td><td class=\"number\" data-label=\"%6\">%16</td>"
                               "<td data-label=\"%7\">%17</td></tr>")
                    // One pass: a value is never read again for a place marker.
                    .arg(text(tr("Kiosk")), text(tr("Site")), text(tr("Last heard from")), text(tr("Version")),
                         text(tr("Clock")), text(tr("Waiting to send")), text(tr("Problems")), text(kiosk.kiosk),
                         text(kiosk.siteName), text(kiosk.district),
                         silent(kiosk) ? QStringLiteral(" class=\"late\"") : QString(),
                         text(kiosk.lastContactAt.isValid()
                                  ? siteTime.format(kiosk.lastContactAt, QStringLiteral("HH:mm dd/MM/yyyy"))
                                  : tr("never")),
                         text(kiosk.software.isEmpty() ? QStringLiteral("–") : kiosk.software),
                         kiosk.clockOff ? QStringLiteral(" class=\"late\"") : QString(), text(clock),
                         text(kiosk.backlog < 0 ? QStringLiteral("–") : QString::number(kiosk.backlog)),
                         text(problems.join(QStringLiteral("; "))));
        }
        body += QStringLiteral("</tbody></table></div>");
    }
    return frame(official.language, tr("Fleet"), body, &official, csrf);
}

QByteArray ConsolePage::sentence(const QString& language, const QString& title, const QString& sentence)
{
    return frame(language, title,
                 QStringLiteral("<h1>%1</h1><p>%2</p><p><a href=\"/\">%3</a></p>")
                     .arg(text(title), text(sentence), text(tr("Back to the console"))));
}

QString ConsolePage::when(const QDateTime& at, const SiteTime& siteTime)
{
    return at.isValid() ? siteTime.format(at, QStringLiteral("HH:mm dd/MM/yyyy")) : QString();
}

QByteArray ConsolePage::cases(const CentralOfficials::Official& official, const QByteArray& csrf,
                              const QList<CentralCases::Case>& cases, const CaseForm& form, const SiteTime& siteTime)
{
    QString body = QStringLiteral("<h1>%1</h1>").arg(text(tr("Cases")));
    body += QStringLiteral("<section class=\"card\"><h2>%1</h2>").arg(text(tr("Open a case")));
    if (!form.sentence.isEmpty())
        body += QStringLiteral("<p class=\"problem\" role=\"alert\">%1</p>").arg(text(form.sentence));
    body += QStringLiteral("<form method=\"post\" action=\"/cases\" class=\"open-case\">"
                           "<input type=\"hidden\" name=\"csrf\" value=\"%1\">"
                           "<div><label for=\"id_number\">%2</label>"
                           "<input id=\"id_number\" name=\"id_number\" required maxlength=\"40\" value=\"%3\" "
                           "autocomplete=\"off\"></div>"
                           "<div><label for=\"from\">%4</label>"
                           "<input id=\"from\" name=\"from\" type=\"datetime-local\" required value=\"%5\"></div>"
                           "<div><label for=\"to\">%6</label>"
                           "<input id=\"to\" name=\"to\" type=\"datetime-local\" required value=\"%7\"></div>"
                           "<div><button type=\"submit\">%8</button></div></form>"
                           "<p class=\"hint\">%9</p></section>")
                .arg(QString::fromLatin1(csrf), text(tr("ID number of the case (F0)")), text(form.idNumber),
                     text(tr("Infectious from")), text(form.from), text(tr("Until")), text(form.to),
                     text(tr("Open the case")),
                     text(tr("The window is in the province's time. The case's stays at the sites you may see, and "
                             "everyone whose stay overlapped them, are shown on the case's page.")));
    if (cases.isEmpty()) {
        body += QStringLiteral("<p>%1</p>").arg(text(tr("No case has been opened in your scope.")));
        return frame(official.language, tr("Cases"), body, &official, csrf);
    }
    body += QStringLiteral(
                "<div class=\"table\"><table><thead><tr><th scope=\"col\">%1</th><th scope=\"col\">%2</th>"
                "<th scope=\"col\">%3</th><th scope=\"col\">%4</th><th scope=\"col\">%5</th></tr></thead><tbody>")
                .arg(text(tr("Case")), text(tr("Window")), text(tr("Opened by")), text(tr("Contacts marked")),
                     text(tr("State")));
    for (const CentralCases::Case& found : cases) {
        // The list names a case by its number and the end of the ID number: the whole number is on
        // the case's page, whose every view is recorded.
        body +=
            QStringLiteral("<tr><td><a href=\"/cases/%5\">%6</a></td><td data-label=\"%1\">%7 – %8</td>"
                           "<td data-label=\"%2\">%9<br><small>%10</small></td><td data-label=\"%3\">%11</td>"
                           "<td data-label=\"%4\">%12</td></tr>")
                // The labels first: the second arg() fills the rest in one pass, never reading a name again.
                .arg(text(tr("Window")), text(tr("Opened by")), text(tr("Contacts marked")), text(tr("State")))
                .arg(QString::number(found.id), text(tr("Case %1 (…%2)").arg(found.id).arg(found.idNumber.right(3))),
                     text(when(found.from, siteTime)), text(when(found.to, siteTime)), text(found.openedBy),
                     text(scopeName(found.scope)),
                     text(tr("%1 reached of %2 marked").arg(found.reached).arg(found.contacts)),
                     text(found.closedAt.isValid() ? tr("closed") : tr("open")));
    }
    body += QStringLiteral("</tbody></table></div>");
    return frame(official.language, tr("Cases"), body, &official, csrf);
}

QString ConsolePage::contactRows(const QList<CentralCases::Contact>& contacts, const CentralCases::Case& found,
                                 int ring, const QByteArray& csrf, const SiteTime& siteTime)
{
    QString rows;
    for (const CentralCases::Contact& contact : contacts) {
        const QString state = !contact.reached   ? tr("not marked yet")
                              : *contact.reached ? tr("reached")
                                                 : tr("not reached");
        QString mark;
        if (!found.closedAt.isValid()) {
            mark =
                QStringLiteral(
                    "<form method=\"post\" action=\"/cases/%1/mark\" class=\"mark\">"
                    "<input type=\"hidden\" name=\"csrf\" value=\"%2\">"
                    "<input type=\"hidden\" name=\"contact\" value=\"%3\">"
                    "<input type=\"hidden\" name=\"ring\" value=\"%4\">"
                    "<input name=\"note\" maxlength=\"500\" value=\"%5\" aria-label=\"%6\" placeholder=\"%6\">"
                    "<button type=\"submit\" name=\"reached\" value=\"yes\">%7</button>"
                    "<button type=\"submit\" name=\"reached\" value=\"no\" class=\"secondary\">%8</button>"
                    "</form>")
                    .arg(QString::number(found.id), QString::fromLatin1(csrf), text(contact.key), QString::number(ring),
                         text(contact.note), text(tr("Note")), text(tr("Reached")), text(tr("Not reached")));
        } else if (!contact.note.isEmpty()) {
            mark = text(contact.note);
        }
        rows +=
            QStringLiteral("<tr><td>%5<br><small>%6 · %7</small></td><td data-label=\"%1\">%8<br><small>%9</small></td>"
                           "<td data-label=\"%2\">%10 – %11</td><td class=\"number\" data-label=\"%3\">%12</td>"
                           "<td data-label=\"%4\"><span class=\"state\">%13</span>")
                // The labels first: the second arg() fills the rest in one pass, never reading a name again.
                .arg(text(tr("Site")), text(tr("Stay")), text(tr("Minutes together")), text(tr("Reached?")))
                .arg(text(contact.fullName), text(contact.idNumber), text(contact.phone), text(contact.stay.siteName),
                     text(contact.stay.entrance), text(when(contact.stay.checkedInAt, siteTime)),
                     text(contact.stay.checkedOutAt.isValid() ? when(contact.stay.checkedOutAt, siteTime)
                                                              : tr("still inside")),
                     text(QString::number(contact.overlapMinutes, 'f', 1)), text(state)) +
            mark + QStringLiteral("</td></tr>");
    }
    return rows;
}

QByteArray ConsolePage::casePage(const CentralOfficials::Official& official, const QByteArray& csrf,
                                 const CaseView& view, const SiteTime& siteTime)
{
    const CentralCases::Case& found = view.found;
    const QString title = tr("Case %1").arg(found.id);
    QString body = QStringLiteral("<h1>%1 · F0 %2</h1><p>%3</p>")
                       .arg(text(title), text(found.idNumber),
                            text(tr("Window %1 – %2 · opened by %3 (%4) at %5")
                                     .arg(when(found.from, siteTime), when(found.to, siteTime), found.openedBy,
                                          scopeName(found.scope), when(found.openedAt, siteTime))));
    if (found.closedAt.isValid())
        body += QStringLiteral("<p class=\"closed\">%1</p>")
                    .arg(text(tr("Closed by %1 at %2.").arg(found.closedBy, when(found.closedAt, siteTime))));
    if (!view.sentence.isEmpty())
        body += QStringLiteral("<p class=\"problem\" role=\"alert\">%1</p>").arg(text(view.sentence));

    // What can be done with the case, before its long lists.
    body +=
        QStringLiteral("<div class=\"actions\"><form method=\"post\" action=\"/cases/%1/file\">"
                       "<input type=\"hidden\" name=\"csrf\" value=\"%2\"><button type=\"submit\">%3</button></form>")
            .arg(QString::number(found.id), QString::fromLatin1(csrf), text(tr("Make the case file (CSV)")));
    if (!view.secondRing)
        body += QStringLiteral("<a class=\"button secondary\" href=\"/cases/%1?ring=2\">%2</a>")
                    .arg(QString::number(found.id), text(tr("Show the second ring (F2)")));
    if (!found.closedAt.isValid())
        body += QStringLiteral("<form method=\"post\" action=\"/cases/%1/close\">"
                               "<input type=\"hidden\" name=\"csrf\" value=\"%2\">"
                               "<button type=\"submit\" class=\"secondary\">%3</button></form>")
                    .arg(QString::number(found.id), QString::fromLatin1(csrf), text(tr("Close the case")));
    body += QStringLiteral("</div>");
    if (!view.files.isEmpty()) {
        body += QStringLiteral("<section class=\"card files\"><h2>%1</h2><ul>").arg(text(tr("Case file")));
        for (const QString& name : view.files)
            body += QStringLiteral("<li><a href=\"/download/%1/%2\" download>%2</a></li>")
                        .arg(QString::number(found.id), text(name));
        body += QStringLiteral("</ul><p class=\"hint\">%1</p></section>")
                    .arg(text(view.signing ? tr("The manifest names you and is signed with the province's export key; "
                                                "check it with gatehouse-cli verify-export or openssl.")
                                           : tr("This console has no signing key ([console] signing_key): the file "
                                                "comes without a signed manifest.")));
    }

    const QString head = QStringLiteral("<div class=\"table\"><table><thead><tr><th scope=\"col\">%1</th>"
                                        "<th scope=\"col\">%2</th><th scope=\"col\">%3</th><th scope=\"col\">%4</th>"
                                        "<th scope=\"col\">%5</th></tr></thead><tbody>")
                             .arg(text(tr("Contact")), text(tr("Site")), text(tr("Stay")), text(tr("Minutes together")),
                                  text(tr("Reached?")));
    body += QStringLiteral("<h2>%1</h2>").arg(text(tr("The case's stays and their contacts (F1)")));
    if (view.stays.isEmpty())
        body +=
            QStringLiteral("<p>%1</p>").arg(text(tr("No stay of this person in the window at a site you may see.")));
    for (const CentralCases::Stay& stay : view.stays) {
        QList<CentralCases::Contact> atStay;
        for (const CentralCases::Contact& contact : view.contacts) {
            if (contact.caseVisitKey == stay.visitKey)
                atStay.append(contact);
        }
        body += QStringLiteral("<section class=\"stay\"><h3>%1 · %2</h3><p>%3 – %4 · %5</p>")
                    .arg(text(stay.siteName), text(stay.entrance), text(when(stay.checkedInAt, siteTime)),
                         text(stay.checkedOutAt.isValid() ? when(stay.checkedOutAt, siteTime) : tr("still inside")),
                         text(tr("%n contact(s)", nullptr, int(atStay.size()))));
        if (!atStay.isEmpty())
            body += head + contactRows(atStay, found, 1, csrf, siteTime) + QStringLiteral("</tbody></table></div>");
        body += QStringLiteral("</section>");
    }
    if (view.secondRing) {
        body += QStringLiteral("<h2>%1</h2>").arg(text(tr("Second ring (F2): the contacts of the contacts")));
        if (view.secondRing->isEmpty())
            body += QStringLiteral("<p>%1</p>").arg(text(tr("Nobody else stayed with the contacts in the window.")));
        else
            body += head + contactRows(*view.secondRing, found, 2, csrf, siteTime) +
                    QStringLiteral("</tbody></table></div>");
    }
    return frame(official.language, title, body, &official, csrf);
}

QString ConsolePage::figureRow(const QString& first, const CentralCompliance::Figures& figures, int targetPercent)
{
    const bool below = figures.entries > 0 && 100.0 * figures.share() < targetPercent;
    // The labels first: the second arg() fills the rest in one pass, never reading a name again.
    return QStringLiteral(
               "<tr>%6<td class=\"number\" data-label=\"%1\">%7</td>"
               "<td class=\"number%12\" data-label=\"%2\">%8</td><td class=\"number\" data-label=\"%3\">%9</td>"
               "<td class=\"number\" data-label=\"%4\">%10</td><td class=\"number\" data-label=\"%5\">%11</td>"
               "</tr>")
        .arg(text(tr("Entries")), text(tr("With the app")), text(tr("Without the app")),
             text(tr("Let in by a receptionist")), text(tr("Sent to the receptionist")))
        .arg(first, QString::number(figures.entries),
             figures.entries ? QStringLiteral("%1 %").arg(100.0 * figures.share(), 0, 'f', 1) : QStringLiteral("–"),
             QString::number(figures.withoutApp()), QString::number(figures.overridden),
             QString::number(figures.sentToReceptionist), below ? QStringLiteral(" late") : QString());
}

QString ConsolePage::shareChart(const QList<CentralCompliance::DayFigures>& days, int targetPercent)
{
    // 0..100 % upwards over 200 units, one bar per day; the numbers are in the table and the CSV.
    constexpr int HEIGHT = 200;
    constexpr int LEFT = 40;
    constexpr int BOTTOM = 24;
    const int step = days.size() > 60 ? 4 : days.size() > 31 ? 8 : 20;
    const int width = LEFT + step * int(days.size()) + 8;
    QString svg =
        QStringLiteral("<svg class=\"chart\" viewBox=\"0 0 %1 %2\" role=\"img\" aria-labelledby=\"chart-title\" "
                       "preserveAspectRatio=\"xMinYMin meet\">")
            .arg(width)
            .arg(HEIGHT + BOTTOM + 8);
    for (const int percent : {0, 50, 100}) {
        const int y = 4 + HEIGHT - HEIGHT * percent / 100;
        svg +=
            QStringLiteral("<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" stroke=\"#d5dbe3\"/>"
                           "<text x=\"%4\" y=\"%5\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6776\">%6 %</text>")
                .arg(LEFT)
                .arg(width)
                .arg(y)
                .arg(LEFT - 4)
                .arg(y + 4)
                .arg(percent);
    }
    for (qsizetype i = 0; i < days.size(); ++i) {
        const CentralCompliance::DayFigures& day = days[i];
        const int x = LEFT + step * int(i) + 1;
        const QString label = day.day.toString(QStringLiteral("dd/MM"));
        if (day.figures.entries > 0) {
            const double share = 100.0 * day.figures.share();
            const int height = qMax(1, int(HEIGHT * share / 100.0));
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"><title>%6: %7 % "
                                  "(%8)</title></rect>")
                       .arg(x)
                       .arg(4 + HEIGHT - height)
                       .arg(step - 2)
                       .arg(height)
                       .arg(share < targetPercent ? QStringLiteral("#c0620b") : QStringLiteral("#0b5cad"))
                       .arg(label)
                       .arg(share, 0, 'f', 1)
                       .arg(text(tr("%n entries", nullptr, int(day.figures.entries))));
        }
        // A date under the first, the last and about every week's bar.
        const int every = days.size() > 60 ? 14 : 7;
        if (i == 0 || i == days.size() - 1 || (i % every == 0 && days.size() - 1 - i >= every / 2))
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6776\">%3"
                                  "</text>")
                       .arg(x + step / 2)
                       .arg(HEIGHT + BOTTOM)
                       .arg(label);
    }
    const int target = 4 + HEIGHT - HEIGHT * targetPercent / 100;
    svg += QStringLiteral("<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" stroke=\"#a3120f\" stroke-width=\"2\" "
                          "stroke-dasharray=\"6 4\"/></svg>")
               .arg(LEFT)
               .arg(width)
               .arg(target);
    return svg;
}

QByteArray ConsolePage::compliance(const CentralOfficials::Official& official, const QByteArray& csrf,
                                   const ComplianceForm& form, const std::optional<CentralCompliance::Report>& report,
                                   const SiteTime& siteTime)
{
    QString body = QStringLiteral("<h1>%1</h1>").arg(text(tr("Compliance")));
    body += QStringLiteral("<p class=\"hint\">%1</p>")
                .arg(text(tr("What the People's Committee's letter asks: every entry recorded, the tracing app "
                             "running on the visitors' phones. Counted per site and day as the kiosks send, "
                             "in the province's days; nothing here names a person.")));
    body += QStringLiteral("<form method=\"get\" action=\"/compliance\" class=\"window\">"
                           "<div><label for=\"from\">%1</label><input id=\"from\" name=\"from\" type=\"date\" "
                           "required value=\"%2\"></div>"
                           "<div><label for=\"to\">%3</label><input id=\"to\" name=\"to\" type=\"date\" required "
                           "value=\"%4\"></div>"
                           "<div><label for=\"target\">%5</label><input id=\"target\" name=\"target\" type=\"number\" "
                           "min=\"1\" max=\"100\" required value=\"%6\"></div>"
                           "<div><button type=\"submit\">%7</button></div></form>")
                .arg(text(tr("From")), text(form.from), text(tr("Until")), text(form.to),
                     text(tr("Target share with the app (%)")), QString::number(form.targetPercent), text(tr("Show")));
    if (!form.sentence.isEmpty())
        body += QStringLiteral("<p class=\"problem\" role=\"alert\">%1</p>").arg(text(form.sentence));
    if (!report)
        return frame(official.language, tr("Compliance"), body, &official, csrf);

    const CentralCompliance::Figures& total = report->total;
    body += QStringLiteral("<div class=\"figures\">"
                           "<div><strong>%1</strong><span>%2</span></div>"
                           "<div><strong>%3</strong><span>%4</span></div>"
                           "<div><strong>%5</strong><span>%6</span></div>"
                           "<div><strong>%7</strong><span>%8</span></div></div>")
                .arg(QString::number(total.entries), text(tr("entries")),
                     total.entries ? QStringLiteral("%1 %").arg(100.0 * total.share(), 0, 'f', 1) : QStringLiteral("–"),
                     text(tr("with the tracing app verified")), QString::number(total.withoutApp()),
                     text(tr("let in without the app, %1 of them by a receptionist").arg(total.overridden)),
                     QString::number(total.sentToReceptionist), text(tr("sent to the receptionist")));
    const QString csvLink = QStringLiteral("/compliance.csv?from=%1&amp;to=%2").arg(text(form.from), text(form.to));
    body += QStringLiteral("<figure class=\"card\"><figcaption id=\"chart-title\">%1</figcaption>%2"
                           "<p class=\"hint\">%3</p></figure>")
                .arg(text(tr("Share of entries with the app verified, per day; the dashed line is the target of %1 %.")
                              .arg(form.targetPercent)),
                     shareChart(report->days, form.targetPercent),
                     text(tr("Orange: a day below the target. A day without a bar had no entry.")));
    body += QStringLiteral("<div class=\"actions\"><a class=\"button secondary\" href=\"%1\" download>%2</a></div>")
                .arg(csvLink, text(tr("Download the table per site and day (CSV)")));

    const QString head =
        QStringLiteral("<div class=\"table\"><table><thead><tr><th scope=\"col\">%1</th>"
                       "<th scope=\"col\" class=\"number\">%2</th><th scope=\"col\" class=\"number\">%3</th>"
                       "<th scope=\"col\" class=\"number\">%4</th><th scope=\"col\" class=\"number\">%5</th>"
                       "<th scope=\"col\" class=\"number\">%6</th></tr></thead><tbody>");
    const QString figureHead =
        head.arg(QStringLiteral("%1"), text(tr("Entries")), text(tr("With the app")), text(tr("Without the app")),
                 text(tr("Let in by a receptionist")), text(tr("Sent to the receptionist")));
    const QString end = QStringLiteral("</tbody></table></div>");
    const auto siteCell = [](const CentralCompliance::SiteFigures& site) {
        return QStringLiteral("<td>%1<br><small>%2 · %3</small></td>")
            .arg(text(site.name), text(site.site), text(site.district));
    };

    const QList<CentralCompliance::SiteFigures> below =
        CentralCompliance::belowTarget(report->sites, form.targetPercent / 100.0);
    body += QStringLiteral("<h2>%1</h2>").arg(text(tr("Sites below the target, lowest first")));
    if (below.isEmpty()) {
        body += QStringLiteral("<p>%1</p>").arg(text(tr("No site with entries is below the target.")));
    } else {
        // The fifty lowest: the province acts on those first; the rest are in "Every site" and the CSV.
        constexpr qsizetype SHOWN = 50;
        body += figureHead.arg(text(tr("Site")));
        for (qsizetype i = 0; i < qMin(SHOWN, below.size()); ++i)
            body += figureRow(siteCell(below[i]), below[i].figures, form.targetPercent);
        body += end;
        if (below.size() > SHOWN)
            body += QStringLiteral("<p class=\"hint\">%1</p>")
                        .arg(text(tr("… and %n more below the target: every site is in the table below and in the CSV.",
                                     nullptr, int(below.size() - SHOWN))));
    }

    body += QStringLiteral("<h2>%1</h2>").arg(text(tr("Kiosks that have not sent for a day")));
    if (report->silent.isEmpty()) {
        body += QStringLiteral("<p>%1</p>").arg(text(tr("Every kiosk has sent within the last day.")));
    } else {
        body += QStringLiteral("<div class=\"table\"><table><thead><tr><th scope=\"col\">%1</th>"
                               "<th scope=\"col\">%2</th><th scope=\"col\">%3</th></tr></thead><tbody>")
                    .arg(text(tr("Kiosk")), text(tr("Site")), text(tr("Last heard from")));
        for (const CentralCompliance::SilentKiosk& kiosk : report->silent)
            body += QStringLiteral("<tr><td>%3</td><td data-label=\"%1\">%4<br><small>%5</small></td>"
                                   "<td class=\"late\" data-label=\"%2\">%6</td></tr>")
                        .arg(text(tr("Site")), text(tr("Last heard from")), text(kiosk.kiosk), text(kiosk.siteName),
                             text(kiosk.district),
                             text(kiosk.lastReceivedAt.isValid() ? when(kiosk.lastReceivedAt, siteTime) : tr("never")));
        body += end;
    }

    body += QStringLiteral("<h2>%1</h2>").arg(text(tr("Districts")));
    body += figureHead.arg(text(tr("District")));
    for (const CentralCompliance::DistrictFigures& district : report->districts)
        body += figureRow(QStringLiteral("<td>%1<br><small>%2</small></td>")
                              .arg(text(district.district.isEmpty() ? tr("no district") : district.district),
                                   text(tr("%n site(s)", nullptr, district.sites))),
                          district.figures, form.targetPercent);
    body += end;

    body += QStringLiteral("<details><summary>%1</summary>").arg(text(tr("Every day")));
    body += figureHead.arg(text(tr("Day")));
    for (const CentralCompliance::DayFigures& day : report->days)
        body += figureRow(QStringLiteral("<td>%1</td>").arg(day.day.toString(QStringLiteral("dd/MM/yyyy"))),
                          day.figures, form.targetPercent);
    body += end + QStringLiteral("</details>");

    body += QStringLiteral("<details><summary>%1</summary>")
                .arg(text(tr("Every site (%n)", nullptr, int(report->sites.size()))));
    body += figureHead.arg(text(tr("Site")));
    for (const CentralCompliance::SiteFigures& site : report->sites)
        body += figureRow(siteCell(site), site.figures, form.targetPercent);
    body += end + QStringLiteral("</details>");
    return frame(official.language, tr("Compliance"), body, &official, csrf);
}
