// What officials and leaders ask the desk for.
#include "OfficialsPage.h"

#include "TouchField.h"
#include "common/IdNumber.h"
#include "export/AdoptionReport.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

OfficialsPage::OfficialsPage(Desk& desk, QWidget* parent) : TranslatedWidget(parent), m_desk(desk)
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
    const QDate today = m_desk.siteTime().dayOf(m_desk.now());
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
    const SiteTime siteTime = m_desk.siteTime();
    for (auto [edit, at] : {std::pair(m_from, from), std::pair(m_to, to)}) {
        const QDateTime site = siteTime.toSite(at);
        edit->setDateTime(QDateTime(site.date(), site.time(), Qt::UTC));
    }
}

QDateTime OfficialsPage::siteTime(const QDateTimeEdit* edit) const
{
    return m_desk.siteTime().at(edit->date(), edit->time());
}

void OfficialsPage::clearForm()
{
    ++m_session; // an answer still on its way is not said to the next person
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

Desk::FileAsk OfficialsPage::fileAsk() const
{
    return {QString(), siteTime(m_from), siteTime(m_to), m_language->currentData().toString(), {}};
}

QString OfficialsPage::choose(bool save, const QString& suggested, const QString& filter, const Result<void>& mayAsk)
{
    if (!mayAsk) {
        say(mayAsk.error().message());
        return QString();
    }
    const QString path = m_choosePath(save, suggested, filter);
    if (path.isEmpty())
        return path;
    say(save ? tr("Writing %1… A long period takes a while; the console can be used meanwhile.").arg(path)
             : tr("Reading %1…").arg(path));
    // The request goes to the Desk now; its answer ends the wait (answered()).
    if (m_waiting++ == 0)
        showBusy(true);
    return path;
}

template <typename T>
Desk::Answer<T> OfficialsPage::answer(std::function<QString(const T&)> sentence)
{
    return [page = QPointer<OfficialsPage>(this), sentence = std::move(sentence),
            session = m_session](const Result<T>& result) {
        if (!page)
            return;
        page->answered();
        if (session == page->m_session) // not to whoever signed in since
            page->say(result ? sentence(result.value()) : result.error().message());
    };
}

void OfficialsPage::answered()
{
    if (--m_waiting == 0)
        showBusy(false);
}

void OfficialsPage::showBusy(bool busy)
{
    // One request at a time from this page: a second press would only queue a second file.
    for (QPushButton* button :
         {m_exportXlsx, m_exportCsv, m_trace, m_reportPdf, m_reportCsv, m_rosterButton, m_posterButton})
        button->setEnabled(!busy);
}

void OfficialsPage::exportEntries(const QString& extension)
{
    Desk::FileAsk ask = fileAsk();
    ask.path = choose(true, QStringLiteral("gatehouse-%1%2").arg(ask.from.date().toString(Qt::ISODate), extension),
                      extension == QLatin1String(".xlsx") ? tr("Workbook (*.xlsx)") : tr("CSV file (*.csv)"),
                      m_desk.mayAsk(ask));
    if (ask.path.isEmpty())
        return;
    m_desk.exportEntries(ask, answer<OfficialFile::Handed>([path = ask.path](const OfficialFile::Handed& handed) {
                             return tr("%n entries exported to %1.", nullptr, int(handed.rows)).arg(path);
                         }));
}

void OfficialsPage::traceCase()
{
    const QString idNumber = m_caseId->text().trimmed(); // in any spelling: TraceRequest normalises it
    if (const Result<void> allowed = m_desk.mayAsk(DeskSession::Need::Admin); !allowed)
        return say(allowed.error().message());
    if (idNumber.isEmpty())
        return say(tr("Type the confirmed case's ID number first."));
    Desk::FileAsk ask = fileAsk();
    ask.path = choose(true, QStringLiteral("trace-%1.csv").arg(IdNumber::normalised(idNumber).right(3)),
                      tr("CSV file (*.csv)"), m_desk.mayAsk(ask));
    if (ask.path.isEmpty())
        return;
    m_desk.traceCase(ask, idNumber, answer<OfficialFile::Handed>([path = ask.path](const OfficialFile::Handed& handed) {
                         return tr("%n contacts written to %1.", nullptr, int(handed.rows)).arg(path);
                     }));
}

void OfficialsPage::adoptionReport(const QString& extension)
{
    Desk::FileAsk ask = fileAsk();
    ask.path =
        choose(true, QStringLiteral("adoption-%1%2").arg(ask.from.date().toString(Qt::ISODate), extension),
               extension == QLatin1String(".pdf") ? tr("PDF (*.pdf)") : tr("CSV file (*.csv)"), m_desk.mayAsk(ask));
    if (ask.path.isEmpty())
        return;
    m_desk.adoptionReport(ask, answer<ReportRequest::Made>([path = ask.path](const ReportRequest::Made& made) {
                              return tr("Adoption report written to %1: %2 entries, %3% with the app.")
                                  .arg(path)
                                  .arg(made.total.entries())
                                  .arg(AdoptionReport::share(made.total), 0, 'f', 1);
                          }));
}

void OfficialsPage::writePoster()
{
    const QString path =
        choose(true, QStringLiteral("poster-bluezone.pdf"), tr("PDF (*.pdf)"), m_desk.mayAsk(DeskSession::Need::Admin));
    if (path.isEmpty())
        return;
    m_desk.writePoster(
        path, [page = QPointer<OfficialsPage>(this), path, session = m_session](const Result<void>& written) {
            if (!page)
                return;
            page->answered();
            if (session == page->m_session)
                page->say(written ? tr("Poster written to %1: print it on A4 and put it up at the entrance.").arg(path)
                                  : written.error().message());
        });
}

void OfficialsPage::importRoster()
{
    const QString path = choose(false, QString(), tr("Staff list (*.csv)"), m_desk.mayAsk(DeskSession::Need::Admin));
    if (path.isEmpty())
        return;
    m_desk.importRoster(path, answer<StaffRoster::Import>([](const StaffRoster::Import& imported) {
                            QString sentence = tr("Staff roster: %1 added, %2 updated, %3 rows rejected.")
                                                   .arg(imported.added)
                                                   .arg(imported.updated)
                                                   .arg(imported.rejected.size());
                            for (const QString& rejected : imported.rejected)
                                sentence += QLatin1Char('\n') + rejected;
                            return sentence;
                        }));
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
