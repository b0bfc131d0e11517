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
            "<body><header><a class=\"brand\" href=\"/\">Gatehouse</a><span class=\"what\">%3</span>%4</header>"
            "<main>%5</main></body></html>\n")
            .arg(language, text(title), text(tr("The province's console")), bar, body);
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
