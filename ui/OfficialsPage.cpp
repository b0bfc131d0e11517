// What officials and leaders ask the desk for.
#include "OfficialsPage.h"

#include "AdoptionReportPdf.h"
#include "EntrancePoster.h"
#include "TouchField.h"
#include "checkin/SiteRecords.h"
#include "common/IdNumber.h"
#include "common/Settings.h"
#include "crypto/ExportKey.h"
#include "desk/DeskSession.h"
#include "export/ExportRequest.h"
#include "export/OfficialAsk.h"
#include "export/ReportRequest.h"
#include "export/RosterImportRequest.h"
#include "export/TraceRequest.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

OfficialsPage::OfficialsPage(SiteRecords& records, const Settings& settings, const DeskSession& session,
                             QWidget* parent)
    : TranslatedWidget(parent), m_records(records), m_service(records.service()), m_session(session),
      m_siteName(settings.siteName()), m_installUrl(settings.installUrl()), m_signingKey(settings.exportSigningKey()),
      m_passDirectory(settings.trustDirectory())
{
    m_choosePath = [this](bool save, const QString& suggested, const QString& filter) {
        // Qt's own dialog: a kiosk session has no desktop to lend one.
        const auto options = QFileDialog::DontUseNativeDialog;
        return save ? QFileDialog::getSaveFileName(this, QString(), suggested, filter, nullptr, options)
                    : QFileDialog::getOpenFileName(this, QString(), QString(), filter, nullptr, options);
    };
    m_from = new QDateTimeEdit(this);
    m_to = new QDateTimeEdit(this);
    for (QDateTimeEdit* edit : {m_from, m_to}) {
        // The edits hold the site's wall-clock time whatever the desk computer's zone: kept as
        // UTC-spec values (no conversion on display), read back with the site's offset
        // (siteTime()).
        edit->setTimeSpec(Qt::UTC);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    }
    const QDate today = m_service.site().time().dayOf(m_service.now());
    m_from->setDateTime(QDateTime(today.addDays(-14), QTime(0, 0), Qt::UTC));
    m_to->setDateTime(QDateTime(today.addDays(1), QTime(0, 0), Qt::UTC));
    m_language = new QComboBox(this);
    m_language->addItem(QStringLiteral("Tiếng Việt"), QStringLiteral("vi"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_fromLabel = new QLabel(this);
    m_toLabel = new QLabel(this);
    m_languageLabel = new QLabel(this);
    m_caseLabel = new QLabel(this);
    m_caseId = new TouchField(this);
    m_caseId->setObjectName(QStringLiteral("CaseIdNumber"));
    m_exportXlsx = new QPushButton(this);
    m_exportCsv = new QPushButton(this);
    m_trace = new QPushButton(this);
    m_reportPdf = new QPushButton(this);
    m_reportCsv = new QPushButton(this);
    m_rosterButton = new QPushButton(this);
    m_posterButton = new QPushButton(this);
    m_posterButton->setObjectName(QStringLiteral("PosterButton"));
    connect(m_posterButton, &QPushButton::clicked, this, &OfficialsPage::writePoster);
    connect(m_exportXlsx, &QPushButton::clicked, this, [this] { exportEntries(QStringLiteral(".xlsx")); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportEntries(QStringLiteral(".csv")); });
    connect(m_trace, &QPushButton::clicked, this, &OfficialsPage::traceCase);
    connect(m_reportPdf, &QPushButton::clicked, this, [this] { adoptionReport(QStringLiteral(".pdf")); });
    connect(m_reportCsv, &QPushButton::clicked, this, [this] { adoptionReport(QStringLiteral(".csv")); });
    connect(m_rosterButton, &QPushButton::clicked, this, &OfficialsPage::importRoster);
    m_outcome = addLabel(QStringLiteral("Outcome"), Qt::AlignLeft | Qt::AlignVCenter);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Grouped by what the official asked for (issue 16), each group's buttons side by side at one
    // width; the period and the language above serve the exports and the report alike.
    const auto group = [this](QGroupBox*& box, const QString& name, std::initializer_list<QWidget*> widgets,
                              QLabel* label = nullptr) {
        box = new QGroupBox(this);
        box->setObjectName(name);
        auto* row = new QHBoxLayout(box);
        if (label)
            row->addWidget(label);
        for (QWidget* widget : widgets) {
            const bool button = qobject_cast<QPushButton*>(widget);
            row->addWidget(widget, button ? 0 : 1, button ? Qt::AlignLeft : Qt::Alignment());
        }
        row->addStretch(1);
        m_groupRows.append(row);
    };
    auto* window = new QGridLayout;
    window->setColumnStretch(1, 1);
    window->addWidget(m_fromLabel, 0, 0);
    window->addWidget(m_from, 0, 1);
    window->addWidget(m_toLabel, 1, 0);
    window->addWidget(m_to, 1, 1);
    window->addWidget(m_languageLabel, 2, 0);
    window->addWidget(m_language, 2, 1);
    m_periodGroup = new QGroupBox(this);
    m_periodGroup->setLayout(window);
    group(m_exportGroup, QStringLiteral("ExportGroup"), {m_exportXlsx, m_exportCsv});
    group(m_traceGroup, QStringLiteral("TraceGroup"), {m_caseId, m_trace}, m_caseLabel);
    group(m_reportGroup, QStringLiteral("ReportGroup"), {m_reportPdf, m_reportCsv});
    group(m_rosterGroup, QStringLiteral("RosterGroup"), {m_rosterButton});
    group(m_posterGroup, QStringLiteral("PosterGroup"), {m_posterButton});
    // In a scroll area: six groups are taller than a 1280x800 desk screen leaves the page, and the
    // console must not grow past the screen for them.
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    for (QGroupBox* box : {m_periodGroup, m_exportGroup, m_traceGroup, m_reportGroup, m_rosterGroup, m_posterGroup})
        layout->addWidget(box);
    layout->addWidget(m_outcome);
    layout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(0, 0, 0, 0);
    page->addWidget(scroll);
    retranslate();
}

void OfficialsPage::setWindow(const QDateTime& from, const QDateTime& to)
{
    const SiteTime siteTime = m_service.site().time();
    for (auto [edit, at] : {std::pair(m_from, from), std::pair(m_to, to)}) {
        const QDateTime site = siteTime.toSite(at);
        edit->setDateTime(QDateTime(site.date(), site.time(), Qt::UTC));
    }
}

QDateTime OfficialsPage::siteTime(const QDateTimeEdit* edit) const
{
    return m_service.site().time().at(edit->date(), edit->time());
}

void OfficialsPage::clearForm()
{
    m_caseId->setText(QString());
    m_outcome->setText(QString());
}

QString OfficialsPage::lastOutcome() const
{
    return m_outcome->text();
}

void OfficialsPage::say(const QString& sentence)
{
    m_outcome->setText(sentence);
}

std::optional<OfficialFile::Ask> OfficialsPage::ask(const QString& path, const QDateTime& from, const QDateTime& to)
{
    const Result<QString> actor = m_session.allow(DeskSession::Need::Admin);
    if (!actor) {
        say(actor.error().message());
        return std::nullopt;
    }
    OfficialFile::Ask ask{path, from, to, actor.value(), std::nullopt, {}};
    // Signed when the site configured an export key ([export] signing_key), as from the CLI.
    if (!m_signingKey.isEmpty()) {
        auto key = ExportKey::load(m_signingKey, m_passDirectory);
        if (!key) {
            say(key.error().message());
            return std::nullopt;
        }
        ask.key = key.value();
    }
    return ask;
}

void OfficialsPage::exportEntries(const QString& extension)
{
    if (const Result<QString> allowed = m_session.allow(DeskSession::Need::Admin); !allowed)
        return say(allowed.error().message());
    const QDateTime from = siteTime(m_from);
    const QDateTime to = siteTime(m_to);
    if (const Result<void> asked = OfficialAsk::check(from, to, m_language->currentData().toString()); !asked)
        return say(asked.error().message());
    const QString path =
        m_choosePath(true, QStringLiteral("gatehouse-%1%2").arg(from.date().toString(Qt::ISODate), extension),
                     extension == QLatin1String(".xlsx") ? tr("Workbook (*.xlsx)") : tr("CSV file (*.csv)"));
    if (path.isEmpty())
        return;
    ExportRequest request;
    const auto asked = ask(path, from, to);
    if (!asked)
        return;
    request.ask = *asked;
    request.language = m_language->currentData().toString();
    const auto handed = request.run(m_records);
    if (!handed)
        return say(handed.error().message());
    say(tr("%n entries exported to %1.", nullptr, int(handed->rows)).arg(path));
}

void OfficialsPage::traceCase()
{
    if (const Result<QString> allowed = m_session.allow(DeskSession::Need::Admin); !allowed)
        return say(allowed.error().message());
    const QString idNumber = m_caseId->text().trimmed(); // in any spelling: TraceRequest normalises it
    if (idNumber.isEmpty())
        return say(tr("Type the confirmed case's ID number first."));
    const QDateTime from = siteTime(m_from);
    const QDateTime to = siteTime(m_to);
    if (const Result<void> asked = OfficialAsk::check(from, to, m_language->currentData().toString()); !asked)
        return say(asked.error().message());
    const QString path = m_choosePath(true, QStringLiteral("trace-%1.csv").arg(IdNumber::normalised(idNumber).right(3)),
                                      tr("CSV file (*.csv)"));
    if (path.isEmpty())
        return;
    TraceRequest request;
    const auto asked = ask(path, from, to);
    if (!asked)
        return;
    request.ask = *asked;
    request.idNumber = idNumber;
    request.language = m_language->currentData().toString();
    const auto handed = request.run(m_records);
    if (!handed)
        return say(handed.error().message());
    say(tr("%n contacts written to %1.", nullptr, int(handed->rows)).arg(path));
}

void OfficialsPage::adoptionReport(const QString& extension)
{
    if (const Result<QString> allowed = m_session.allow(DeskSession::Need::Admin); !allowed)
        return say(allowed.error().message());
    const QDateTime from = siteTime(m_from);
    const QDateTime to = siteTime(m_to);
    if (const Result<void> asked = OfficialAsk::check(from, to, m_language->currentData().toString()); !asked)
        return say(asked.error().message());
    const QString path =
        m_choosePath(true, QStringLiteral("adoption-%1%2").arg(from.date().toString(Qt::ISODate), extension),
                     extension == QLatin1String(".pdf") ? tr("PDF (*.pdf)") : tr("CSV file (*.csv)"));
    if (path.isEmpty())
        return;
    ReportRequest request;
    const auto asked = ask(path, from, to);
    if (!asked)
        return;
    request.ask = *asked;
    request.language = m_language->currentData().toString();
    request.pdf = [this](const AdoptionReport& report, QIODevice& out, Sha256& hash) {
        return AdoptionReportPdf::write(report, m_siteName, out, &hash);
    };
    const auto made = request.run(m_records);
    if (!made)
        return say(made.error().message());
    say(tr("Adoption report written to %1: %2 entries, %3% with the app.")
            .arg(path)
            .arg(made->total.entries())
            .arg(AdoptionReport::share(made->total), 0, 'f', 1));
}

void OfficialsPage::writePoster()
{
    if (const Result<QString> allowed = m_session.allow(DeskSession::Need::Admin); !allowed)
        return say(allowed.error().message());
    const QString path = m_choosePath(true, QStringLiteral("poster-bluezone.pdf"), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    const Result<void> written = EntrancePoster::writePdf(path, m_siteName, m_installUrl);
    say(written ? tr("Poster written to %1: print it on A4 and put it up at the entrance.").arg(path)
                : written.error().message());
}

void OfficialsPage::importRoster()
{
    const Result<QString> actor = m_session.allow(DeskSession::Need::Admin);
    if (!actor)
        return say(actor.error().message());
    const QString path = m_choosePath(false, QString(), tr("Staff list (*.csv)"));
    if (path.isEmpty())
        return;
    const auto imported = RosterImportRequest{path, actor.value()}.run(m_records);
    if (!imported)
        return say(imported.error().message());
    QString sentence = tr("Staff roster: %1 added, %2 updated, %3 rows rejected.")
                           .arg(imported->added)
                           .arg(imported->updated)
                           .arg(imported->rejected.size());
    for (const QString& rejected : imported->rejected)
        sentence += QLatin1Char('\n') + rejected;
    say(sentence);
}

void OfficialsPage::retranslate()
{
    m_fromLabel->setText(tr("From"));
    m_toLabel->setText(tr("To"));
    m_languageLabel->setText(tr("Language of the files"));
    m_exportXlsx->setText(tr("Export entries for a spreadsheet (.xlsx)…"));
    m_exportCsv->setText(tr("Export entries as CSV…"));
    m_caseLabel->setText(tr("Confirmed case's ID number"));
    m_trace->setText(tr("Contact trace (.csv)…"));
    m_reportPdf->setText(tr("Adoption report (PDF)…"));
    m_reportCsv->setText(tr("Adoption report (CSV)…"));
    m_rosterButton->setText(tr("Import the staff roster…"));
    m_periodGroup->setTitle(tr("Period and language of the files"));
    m_exportGroup->setTitle(tr("Export: every entry of the period"));
    m_traceGroup->setTitle(tr("Contact trace: who was here with a confirmed case"));
    m_reportGroup->setTitle(tr("Adoption report: how many came with the tracing app"));
    m_rosterGroup->setTitle(tr("Staff roster"));
    m_posterGroup->setTitle(tr("Poster for the entrance"));
    m_posterButton->setText(tr("Poster: install Bluezone (PDF)…"));
    // Every button as wide as the widest, in this language.
    const std::initializer_list<QPushButton*> buttons = {m_exportXlsx, m_exportCsv, m_trace,
                                                         m_reportPdf,  m_reportCsv, m_rosterButton};
    int widest = 0;
    for (QPushButton* button : buttons) {
        button->setMinimumWidth(0);
        widest = std::max(widest, button->sizeHint().width());
    }
    for (QPushButton* button : buttons)
        button->setMinimumWidth(widest);
}

void OfficialsPage::resizeEvent(QResizeEvent* event)
{
    // Two buttons of the widest's width side by side need about 800 px in Vietnamese: on a
    // portrait desk screen or a tablet the groups stack them instead of scrolling sideways.
    int sideBySide = 0;
    for (QBoxLayout* row : std::as_const(m_groupRows)) {
        const QMargins margins = row->contentsMargins();
        int width = margins.left() + margins.right() + 2 * style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
        for (int i = 0; i < row->count(); ++i) {
            if (const QWidget* widget = row->itemAt(i)->widget())
                width += std::max(widget->minimumWidth(), widget->sizeHint().width()) + row->spacing();
        }
        sideBySide = std::max(sideBySide, width);
    }
    const auto direction = event->size().width() < sideBySide ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight;
    for (QBoxLayout* row : std::as_const(m_groupRows))
        row->setDirection(direction);
    TranslatedWidget::resizeEvent(event);
}
