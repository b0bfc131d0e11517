// Who is inside now, with the count: the evacuation roll call. Search by name or ID number, and
// check out the selected person (an exit by the receptionist, through the Desk: desk/Desk.h). Kept
// up to date by an InsideWatch (records/InsideWatch.h) off the GUI thread as the kiosk records
// entries and exits, and at once after this console's own (the Desk tells the watch).
#pragma once

#include "checkin/CheckInService.h"
#include "storage/Entry.h"

#include "TranslatedWidget.h"

class Desk;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

class InsidePage : public TranslatedWidget
{
    Q_OBJECT

public:
    explicit InsidePage(Desk& desk, QWidget* parent = nullptr);

    // Asks who is inside again (after this console checked someone in or out); shown when the
    // Desk answers.
    void refresh();
    // Shows who is inside as read elsewhere (the InsideWatch).
    void showPresence(const CheckInService::SitePresence& presence);
    // The roll call is written (or not: sentence says): its button comes back.
    void rollCallDone(const QString& sentence);

    int count() const { return m_count; }
    QTableWidget* table() const { return m_table; }
    QLineEdit* search() const { return m_search; }

signals:
    // The roll call button: everyone inside, as a PDF to print (the console writes it).
    void rollCallRequested();

protected:
    void retranslate() override;
    void changeEvent(QEvent* event) override;

private:
    void filter();
    void checkOutSelected();
    static QString personType(Entry::PersonType type);
    static QString appStatus(Entry::AppStatus status);

    Desk& m_desk; // runs each request, as the signed-in account
    int m_count = 0;
    QLabel* m_countLabel = nullptr;
    QLineEdit* m_search = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_checkOut = nullptr;
    QPushButton* m_rollCall = nullptr;
    QLabel* m_problem = nullptr;
    QLabel* m_scope = nullptr;
    CheckInService::SitePresence m_presence;
};
