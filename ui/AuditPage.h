// The audit log, newest first: overrides, exports, traces, reports, purges, deletions, roster
// imports; who, when and what.
#pragma once

#include <QWidget>

class AuditLog;
class QLabel;
class QTableWidget;

class AuditPage : public QWidget
{
    Q_OBJECT

public:
    explicit AuditPage(AuditLog& audit, QWidget* parent = nullptr);

    void refresh();
    QTableWidget* table() const { return m_table; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    AuditLog& m_audit;
    QTableWidget* m_table = nullptr;
    QLabel* m_problem = nullptr;
};
