// Who is inside now.
#include "InsidePage.h"

#include "TouchField.h"
#include "desk/Desk.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

InsidePage::InsidePage(Desk& desk, QWidget* parent) : TranslatedWidget(parent), m_desk(desk)
{
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("ScreenTitle"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setInputMethodHints(TouchField::PersonalData); // names and ID numbers are typed here
    connect(m_search, &QLineEdit::textChanged, this, &InsidePage::filter);
    m_table = new QTableWidget(0, 5, this);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The name takes the room left; every other column is as wide as its longest value, so that a
    // time or an app status is never cut to "03/08 ..." (the full value is in each cell's tooltip too).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_checkOut = new QPushButton(this);
    m_checkOut->setObjectName(QStringLiteral("PrimaryButton"));
    connect(m_checkOut, &QPushButton::clicked, this, &InsidePage::checkOutSelected);
    m_rollCall = new QPushButton(this);
    m_rollCall->setObjectName(QStringLiteral("RollCallButton"));
    connect(m_rollCall, &QPushButton::clicked, this, [this] {
        // One roll call per press, however long the pages take: back with its answer (rollCallDone).
        m_rollCall->setEnabled(false);
        emit rollCallRequested();
    });
    m_problem = addLabel(QStringLiteral("FormProblem"), Qt::AlignLeft | Qt::AlignVCenter);
    // Which entrances the list covers, and how the link to the central store is doing.
    m_scope = addLabel(QStringLiteral("InsideScope"), Qt::AlignLeft | Qt::AlignVCenter);

    auto* top = new QHBoxLayout;
    top->addWidget(m_countLabel, 1);
    top->addWidget(m_search, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_scope);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_problem);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_rollCall);
    buttons->addStretch(1);
    buttons->addWidget(m_checkOut);
    layout->addLayout(buttons);
    retranslate();
}

void InsidePage::refresh()
{
    if (!m_desk.mayAsk(DeskSession::Need::Receptionist)) // locked: read again at the next unlock
        return;
    m_desk.presentAtSite([page = QPointer<InsidePage>(this)](const Result<CheckInService::SitePresence>& inside) {
        if (!page)
            return;
        if (inside)
            page->showPresence(inside.value());
        else
            page->m_problem->setText(inside.error().message());
    });
}

void InsidePage::showPresence(const CheckInService::SitePresence& presence)
{
    // The person chosen stays chosen while the list changes under the receptionist's finger (a
    // row number would now be someone else, and Check out would let the wrong person out).
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    const QString chosen = selected.isEmpty() ? QString() : selected.first()->data(Qt::UserRole + 1).toString();
    m_table->clearSelection();
    m_presence = presence;
    const SiteTime siteTime = m_desk.siteTime();
    m_count = int(m_presence.entries.size());
    m_table->setRowCount(m_count);
    for (int row = 0; row < m_count; ++row) {
        const Entry& entry = m_presence.entries[row];
        // Someone who came in at another door (id 0): where, instead of the app seen there.
        const QStringList cells = {entry.fullName, entry.idNumber, personType(entry.personType),
                                   siteTime.format(entry.checkedInAt, QStringLiteral("dd/MM HH:mm")),
                                   entry.id ? appStatus(entry.appStatus) : tr("Came in at %1").arg(entry.entrance)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            // A tooltip is drawn as rich text when its text might be markup (Qt::mightBeRichText):
            // a name typed at the kiosk or read from a card is shown as written, never as markup.
            item->setToolTip(QStringLiteral("<p style=\"white-space:pre\">%1</p>").arg(cells[column].toHtmlEscaped()));
            item->setData(Qt::UserRole, entry.id);
            item->setData(Qt::UserRole + 1, entry.idNumber);
            m_table->setItem(row, column, item);
        }
    }
    int chosenRow = -1;
    for (int row = 0; row < m_count && !chosen.isEmpty(); ++row) {
        if (m_table->item(row, 0)->data(Qt::UserRole + 1).toString() == chosen)
            chosenRow = row;
    }
    if (chosenRow >= 0) {
        m_table->selectRow(chosenRow);
    } else { // they left: nobody else is chosen in their place (the view would choose a neighbour)
        m_table->setCurrentItem(nullptr);
        m_table->clearSelection();
    }
    filter();
    retranslate();
}

QString InsidePage::personType(Entry::PersonType type)
{
    switch (type) {
    case Entry::PersonType::Visitor:
        return tr("Visitor");
    case Entry::PersonType::Staff:
        return tr("Staff");
    case Entry::PersonType::Guest:
        return tr("Guest");
    }
    return {};
}

QString InsidePage::appStatus(Entry::AppStatus status)
{
    switch (status) {
    case Entry::AppStatus::Verified:
        return tr("App verified");
    case Entry::AppStatus::NotDetected:
        return tr("No app");
    case Entry::AppStatus::Overridden:
        return tr("Admitted without the app");
    }
    return {};
}

void InsidePage::filter()
{
    const QString needle = m_search->text().simplified();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const bool match = needle.isEmpty() || m_table->item(row, 0)->text().contains(needle, Qt::CaseInsensitive) ||
                           m_table->item(row, 1)->text().contains(needle);
        m_table->setRowHidden(row, !match);
    }
}

void InsidePage::checkOutSelected()
{
    if (const Result<void> allowed = m_desk.mayAsk(DeskSession::Need::Receptionist); !allowed) {
        m_problem->setText(allowed.error().message());
        return;
    }
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty()) {
        m_problem->setText(tr("Choose the person who is leaving first."));
        return;
    }
    // An entry of this door, or (id 0) someone who came in at another.
    m_desk.checkOutByHand(selected.first()->data(Qt::UserRole).toLongLong(),
                          selected.first()->data(Qt::UserRole + 1).toString(),
                          [page = QPointer<InsidePage>(this)](const Result<void>& left) {
                              if (page) // the list follows through the Desk's InsideWatch
                                  page->m_problem->setText(left ? QString() : left.error().message());
                          });
}

void InsidePage::rollCallDone(const QString& sentence)
{
    m_rollCall->setEnabled(true);
    m_problem->setText(sentence);
}

void InsidePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();               // the rows' words too
    QWidget::changeEvent(event); // (not TranslatedWidget's: refresh() retranslates)
}

void InsidePage::retranslate()
{
    m_countLabel->setText(tr("%n inside now", nullptr, m_count));
    m_search->setPlaceholderText(tr("Search by name or ID number"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("ID number"), tr("Type"), tr("Since"), tr("Tracing app")});
    m_checkOut->setText(tr("Check out"));
    m_rollCall->setText(tr("Evacuation roll call (PDF)"));
    const SiteTime siteTime = m_desk.siteTime();
    const auto at = [&siteTime](const QDateTime& when) { return siteTime.format(when, QStringLiteral("dd/MM HH:mm")); };
    QString scope;
    if (!m_presence.central)
        scope = tr("This entrance.");
    else if (m_presence.everyEntrance)
        scope = tr("Every entrance of the site (the other doors as of %1).").arg(at(m_presence.otherDoorsAsOf));
    else if (m_presence.otherDoorsAsOf.isValid())
        scope =
            tr("This entrance only: the central store has not answered since %1.").arg(at(m_presence.otherDoorsAsOf));
    else
        scope = tr("This entrance only: the central store has not answered yet.");
    if (m_presence.central)
        scope += QLatin1Char(' ') +
                 (m_presence.lastSentAt.isValid()
                      ? tr("Last sent %1, %n waiting.", nullptr, int(m_presence.waiting)).arg(at(m_presence.lastSentAt))
                      : tr("Nothing sent yet, %n waiting.", nullptr, int(m_presence.waiting)));
    m_scope->setText(scope);
}
