// The audit log, newest first: overrides, exports, traces, reports, purges, deletions, roster
// imports; who, when and what.
#pragma once

#include "TranslatedWidget.h"

#include "common/SiteTime.h"

class AuditLog;
class QLabel;
class QTableWidget;

class AuditPage : public TranslatedWidget
{
    Q_OBJECT

public:
    // Times are shown on the site's clock, not the computer's.
    AuditPage(AuditLog& audit, SiteTime siteTime, QWidget* parent = nullptr);

    void refresh();
    QTableWidget* table() const { return m_table; }

protected:
    void retranslate() override;

private:
    AuditLog& m_audit;
    SiteTime m_siteTime;
    QTableWidget* m_table = nullptr;
    QLabel* m_problem = nullptr;
};
