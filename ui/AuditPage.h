// The audit log, newest first: overrides, exports, traces, reports, purges, deletions, roster
// imports; who, when and what.
#pragma once

#include "TranslatedWidget.h"

class Desk;
class QLabel;
class QTableWidget;

class AuditPage : public TranslatedWidget
{
    Q_OBJECT

public:
    // Times are shown on the site's clock, not the computer's.
    explicit AuditPage(Desk& desk, QWidget* parent = nullptr);

    // Asks the Desk for the newest rows; shown when it answers.
    void refresh();
    QTableWidget* table() const { return m_table; }

protected:
    void retranslate() override;

private:
    Desk& m_desk; // reads the log, for an administrator only
    QTableWidget* m_table = nullptr;
    QLabel* m_problem = nullptr;
};
