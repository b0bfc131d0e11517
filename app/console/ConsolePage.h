// The HTML of the province's console (issue 25). Pages are written here, whole, from values: every
// value that came from a person or a kiosk (a name, a site, a sentence) is escaped as text, so
// markup in a name shows as the characters typed and never runs. No page loads anything from
// another origin (formats/console.md): one style sheet served by gatehouse-central, no script on
// the pages built so far, the system's fonts. Sentences go through tr() in the language of the
// thread (common/ThreadLanguage.h), Vietnamese first.
#pragma once

#include "central/CentralAdmin.h"
#include "central/CentralBackup.h"
#include "central/CentralCases.h"
#include "central/CentralCompliance.h"
#include "central/CentralFleet.h"
#include "central/CentralOfficials.h"
#include "central/CentralSettings.h"
#include "common/SiteTime.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

#include <optional>

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
    // The sites page's forms as typed (an administrator's), why the last addition was refused,
    // and the files offered once (a new kiosk's TLS files).
    struct SitesForm
    {
        QString siteId;
        QString siteName;
        QString district;
        QString kiosk;
        QString kioskSite;
        QString entrance;
        QString sentence;
        QStringList offered;  // names of files to download once
        bool issuing = false; // whether the console issues kiosks' TLS files
    };
    // The sites and kiosks of the official's scope: each kiosk's last contact and what it had
    // waiting to send, times in the province's (utcOffsetMinutes east of UTC); an administrator
    // also gets the forms that add a site and a kiosk.
    static QByteArray sites(const CentralOfficials::Official& official, const QByteArray& csrf,
                            const QList<CentralAdmin::SiteState>& sites, const SitesForm& form, const QDateTime& now,
                            int utcOffsetMinutes);
    // What the cases page was asked and why it refused, to show the form again as typed.
    struct CaseForm
    {
        QString idNumber;
        QString from; // as the form's datetime-local fields ("2020-08-03T08:00", the province's time)
        QString to;
        QString sentence;
    };
    // The cases the official's scope sees and the form that opens one.
    static QByteArray cases(const CentralOfficials::Official& official, const QByteArray& csrf,
                            const QList<CentralCases::Case>& cases, const CaseForm& form, const SiteTime& siteTime);
    // What a case page shows: the case's stays and, under each, its contacts; the second ring
    // when asked; the files made for download.
    struct CaseView
    {
        CentralCases::Case found;
        QList<CentralCases::Stay> stays;
        QList<CentralCases::Contact> contacts;
        std::optional<QList<CentralCases::Contact>> secondRing;
        QStringList files;    // names of the case file and its manifest, ready to download
        QString sentence;     // why the last change was refused
        bool signing = false; // whether the console signs case files
    };
    static QByteArray casePage(const CentralOfficials::Official& official, const QByteArray& csrf, const CaseView& view,
                               const SiteTime& siteTime);

    // What the compliance page was asked (the form's fields as typed) and why it refused.
    struct ComplianceForm
    {
        QString from; // yyyy-MM-dd, the province's days, both included
        QString to;
        int targetPercent = 80;
        QString sentence;
    };
    // The compliance page: the figures of the window, a chart of the share per day against the
    // target, the sites below the target ranked, the silent kiosks, the districts and every site.
    static QByteArray compliance(const CentralOfficials::Official& official, const QByteArray& csrf,
                                 const ComplianceForm& form, const std::optional<CentralCompliance::Report>& report,
                                 const SiteTime& siteTime);

    // A page that only says something (a refusal, a page that does not exist, a store that is
    // down), with a way back.
    // The shared settings of one scope (issue 26): what it sets, each name's field for an
    // administrator whose scope covers it (empty: not set here), why the last change was refused
    // or that it was saved.
    struct SettingsForm
    {
        QString scope;
        QMap<QString, QString> values; // name -> value as typed, or as the scope sets it
        QString sentence;              // why refused
        bool saved = false;
    };
    static QByteArray settings(const CentralOfficials::Official& official, const QByteArray& csrf,
                               const SettingsForm& form, const QList<CentralSettings::Row>& rows, int utcOffsetMinutes);
    // The fleet of the account's scope (issue 26): silent kiosks, failing checks, clocks off,
    // versions in use, and a line a kiosk; its CSV one link away. And when the central store was
    // last backed up (issue 27; nullopt: it could not be read).
    static QByteArray fleet(const CentralOfficials::Official& official, const QByteArray& csrf,
                            const QList<CentralFleet::Kiosk>& kiosks, const QDateTime& now, int utcOffsetMinutes,
                            const std::optional<CentralBackup::State>& backup);
    static QByteArray sentence(const QString& language, const QString& title, const QString& sentence);

private:
    // The page around body: the head, the bar with the official's name, language and sign-out
    // when someone is signed in.
    static QByteArray frame(const QString& language, const QString& title, const QString& body,
                            const CentralOfficials::Official* official = nullptr, const QByteArray& csrf = {});
    static QString scopeName(const QString& scope);
    static QString contactRows(const QList<CentralCases::Contact>& contacts, const CentralCases::Case& found, int ring,
                               const QByteArray& csrf, const SiteTime& siteTime);
    static QString when(const QDateTime& at, const SiteTime& siteTime);
    // The share per day as bars against the target line, as inline SVG (no script, nothing fetched).
    static QString shareChart(const QList<CentralCompliance::DayFigures>& days, int targetPercent);
    static QString figureRow(const QString& first, const CentralCompliance::Figures& figures, int targetPercent);
};
