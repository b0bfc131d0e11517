// The audit log.
#include "AuditPage.h"

#include "desk/Desk.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QTableWidget>
#include <QVBoxLayout>

AuditPage::AuditPage(Desk& desk, QWidget* parent) : TranslatedWidget(parent), m_desk(desk)
{
    m_table = new QTableWidget(0, 4, this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_problem = addLabel(QStringLiteral("FormProblem"), Qt::AlignLeft | Qt::AlignVCenter);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_problem);
    retranslate();
}

void AuditPage::refresh()
{
    if (!m_desk.mayAsk(DeskSession::Need::Admin)) // locked: read again at the next unlock
        return;
    m_desk.auditLog(500, [page = QPointer<AuditPage>(this)](const Result<QList<AuditLog::Record>>& records) {
        if (!page)
            return;
        if (!records) {
            page->m_problem->setText(records.error().message());
            return;
        }
        page->m_problem->clear();
        const SiteTime siteTime = page->m_desk.siteTime();
        page->m_table->setRowCount(int(records->size()));
        for (int row = 0; row < records->size(); ++row) {
            const AuditLog::Record& record = records.value()[row];
            const QStringList cells = {siteTime.format(record.at, QStringLiteral("dd/MM/yyyy HH:mm:ss")), record.actor,
                                       record.action, record.details};
            for (int column = 0; column < cells.size(); ++column)
                page->m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
        }
    });
}

void AuditPage::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Details")});
}
