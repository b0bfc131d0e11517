// The console's HTML.
#include "console/ConsolePage.h"

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
                 official ? QStringLiteral("<nav><a href=\"/\">%1</a><a href=\"/sites\">%2</a></nav>")
                                .arg(text(tr("Cases")), text(tr("Sites and kiosks")))
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

QByteArray ConsolePage::home(const CentralOfficials::Official& official, const QByteArray& csrf,
                             const QList<CentralAdmin::SiteState>& sites, const QDateTime& now, int utcOffsetMinutes)
{
    const SiteTime siteTime(utcOffsetMinutes);
    QString body = QStringLiteral("<h1>%1</h1><p>%2</p>")
                       .arg(text(tr("Sites and kiosks")),
                            text(tr("%n site(s) in %1.", nullptr, int(sites.size())).arg(scopeName(official.scope))));
    if (sites.isEmpty()) {
        body += QStringLiteral("<p>%1</p>").arg(text(tr("No site is registered in your scope yet.")));
    } else {
        body +=
            QStringLiteral("<div class=\"table\"><table><thead><tr><th scope=\"col\">%1</th><th scope=\"col\">%2</th>"
                           "<th scope=\"col\">%3</th><th scope=\"col\">%4</th></tr></thead><tbody>")
                .arg(text(tr("Site")), text(tr("District")), text(tr("Kiosk")), text(tr("Last heard from")));
        for (const CentralAdmin::SiteState& site : sites) {
            const QString siteCells = QStringLiteral("<td>%1<br><small>%2</small></td><td>%3</td>")
                                          .arg(text(site.name), text(site.site), text(site.district));
            if (site.kiosks.isEmpty()) {
                body +=
                    QStringLiteral("<tr>%1<td colspan=\"2\">%2</td></tr>").arg(siteCells, text(tr("No kiosk yet.")));
                continue;
            }
            for (const CentralAdmin::KioskState& kiosk : site.kiosks) {
                QString heard = tr("never");
                QString late;
                if (kiosk.lastReceivedAt.isValid()) {
                    heard = siteTime.format(kiosk.lastReceivedAt, QStringLiteral("HH:mm dd/MM/yyyy"));
                    if (kiosk.lastReceivedAt.secsTo(now) > 24 * 3600)
                        late = QStringLiteral(" class=\"late\"");
                } else {
                    late = QStringLiteral(" class=\"late\"");
                }
                body += QStringLiteral("<tr>%1<td>%2<br><small>%3</small></td><td%4>%5</td></tr>")
                            .arg(siteCells, text(kiosk.kiosk), text(kiosk.entrance), late, text(heard));
            }
        }
        body += QStringLiteral("</tbody></table></div>");
    }
    return frame(official.language, tr("Sites and kiosks"), body, &official, csrf);
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
            QStringLiteral("<tr><td><a href=\"/cases/%1\">%2</a></td><td>%3 – %4</td><td>%5<br><small>%6</small></td>"
                           "<td>%7</td><td>%8</td></tr>")
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
            QStringLiteral("<tr><td>%1<br><small>%2 · %3</small></td><td>%4<br><small>%5</small></td>"
                           "<td>%6 – %7</td><td class=\"number\">%8</td><td><span class=\"state\">%9</span>")
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
