// Who is inside now.
#include "InsidePage.h"

#include "checkin/CheckInService.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

InsidePage::InsidePage(CheckInService& service, QWidget* parent) : TranslatedWidget(parent), m_service(service)
{
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("ScreenTitle"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("Search"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &InsidePage::filter);
    m_table = new QTableWidget(0, 5, this);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_checkOut = new QPushButton(this);
    m_checkOut->setObjectName(QStringLiteral("PrimaryButton"));
    connect(m_checkOut, &QPushButton::clicked, this, &InsidePage::checkOutSelected);
    m_problem = addLabel(QStringLiteral("FormProblem"), Qt::AlignLeft | Qt::AlignVCenter);

    auto* top = new QHBoxLayout;
    top->addWidget(m_countLabel, 1);
    top->addWidget(m_search, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_checkOut, 0, Qt::AlignRight);
    connect(&m_service, &CheckInService::entryRecorded, this, &InsidePage::refresh);
    connect(&m_service, &CheckInService::exitRecorded, this, &InsidePage::refresh);
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &InsidePage::refresh);
    timer->start(5000);
    retranslate();
}

void InsidePage::refresh()
{
    const auto inside = m_service.present();
    if (!inside) {
        m_problem->setText(inside.error().message());
        return;
    }
    const SiteTime siteTime = m_service.site().time();
    m_count = int(inside->size());
    m_table->setRowCount(m_count);
    for (int row = 0; row < m_count; ++row) {
        const Entry& entry = inside.value()[row];
        const QStringList cells = {entry.fullName, entry.idNumber, personType(entry.personType),
                                   siteTime.format(entry.checkedInAt, QStringLiteral("dd/MM HH:mm")),
                                   appStatus(entry.appStatus)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, entry.id);
            m_table->setItem(row, column, item);
        }
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
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty()) {
        m_problem->setText(tr("Choose the person who is leaving first."));
        return;
    }
    const Result<void> left =
        m_service.checkOutEntry(selected.first()->data(Qt::UserRole).toLongLong(), Entry::CheckoutKind::Receptionist);
    m_problem->setText(left ? QString() : left.error().message());
    refresh();
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
}
