// The audit log.
#include "AuditPage.h"

#include "storage/AuditLog.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

AuditPage::AuditPage(AuditLog& audit, SiteTime siteTime, QWidget* parent)
    : TranslatedWidget(parent), m_audit(audit), m_siteTime(siteTime)
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
    const auto records = m_audit.latest(500);
    if (!records) {
        m_problem->setText(records.error().message());
        return;
    }
    m_problem->clear();
    m_table->setRowCount(int(records->size()));
    for (int row = 0; row < records->size(); ++row) {
        const AuditLog::Record& record = records.value()[row];
        const QStringList cells = {m_siteTime.format(record.at, QStringLiteral("dd/MM/yyyy HH:mm:ss")), record.actor,
                                   record.action, record.details};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
}

void AuditPage::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Details")});
}
