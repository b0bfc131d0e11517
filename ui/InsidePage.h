// Who is inside now, with the count: the evacuation roll call. Search by name or ID number, and
// check out the selected person (an exit by the receptionist).
#pragma once

#include "checkin/CheckInService.h"
#include "storage/Entry.h"

#include "TranslatedWidget.h"

class CheckInService;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

class InsidePage : public TranslatedWidget
{
    Q_OBJECT

public:
    explicit InsidePage(CheckInService& service, QWidget* parent = nullptr);

    // Reads who is inside again (the kiosk writes from its own process: a timer calls it too).
    void refresh();
    int count() const { return m_count; }
    QTableWidget* table() const { return m_table; }
    QLineEdit* search() const { return m_search; }

protected:
    void retranslate() override;
    void changeEvent(QEvent* event) override;

private:
    void filter();
    void checkOutSelected();
    static QString personType(Entry::PersonType type);
    static QString appStatus(Entry::AppStatus status);

    CheckInService& m_service;
    int m_count = 0;
    QLabel* m_countLabel = nullptr;
    QLineEdit* m_search = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_checkOut = nullptr;
    QLabel* m_problem = nullptr;
    QLabel* m_scope = nullptr;
    CheckInService::SitePresence m_presence;
};
