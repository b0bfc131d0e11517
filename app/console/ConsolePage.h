// The HTML of the province's console (issue 25). Pages are written here, whole, from values: every
// value that came from a person or a kiosk (a name, a site, a sentence) is escaped as text, so
// markup in a name shows as the characters typed and never runs. No page loads anything from
// another origin (formats/console.md): one style sheet served by gatehouse-central, no script on
// the pages built so far, the system's fonts. Sentences go through tr() in the language of the
// thread (common/ThreadLanguage.h), Vietnamese first.
#pragma once

#include "central/CentralAdmin.h"
#include "central/CentralOfficials.h"

#include <QCoreApplication>
#include <QString>

class ConsolePage
{
    Q_DECLARE_TR_FUNCTIONS(ConsolePage)

public:
    // Text as HTML text or a double-quoted attribute's value.
    static QString text(const QString& value);

    // The sign-in form (formats/console.md: it posts name, password and csrf to /sign-in), with
    // why the last try failed when it did.
    static QByteArray signIn(const QString& language, const QByteArray& csrf, const QString& name,
                             const QString& sentence);
    // The home page of an official: who, what they may see, and the sites and kiosks of their scope,
    // times in the province's (utcOffsetMinutes east of UTC).
    static QByteArray home(const CentralOfficials::Official& official, const QByteArray& csrf,
                           const QList<CentralAdmin::SiteState>& sites, const QDateTime& now, int utcOffsetMinutes);
    // A page that only says something (a refusal, a page that does not exist, a store that is
    // down), with a way back.
    static QByteArray sentence(const QString& language, const QString& title, const QString& sentence);

private:
    // The page around body: the head, the bar with the official's name, language and sign-out
    // when someone is signed in.
    static QByteArray frame(const QString& language, const QString& title, const QString& body,
                            const CentralOfficials::Official* official = nullptr, const QByteArray& csrf = {});
    static QString scopeName(const QString& scope);
};
