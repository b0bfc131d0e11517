// Who is inside now, with the count: the evacuation roll call. Search by name or ID number, and
// check out the selected person (an exit by the receptionist). Kept up to date by an InsideWatch
// (checkin/InsideWatch.h) off the GUI thread as the kiosk records entries and exits; read here
// only after this console's own acts.
#pragma once

#include "checkin/CheckInService.h"
#include "storage/Entry.h"

#include "TranslatedWidget.h"

class DeskSession;
class CheckInService;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

class InsidePage : public TranslatedWidget
{
    Q_OBJECT

public:
    InsidePage(CheckInService& service, const DeskSession& session, QWidget* parent = nullptr);

    // Reads who is inside again, now (after this console checked someone in or out).
    void refresh();
    // Shows who is inside as read elsewhere (the InsideWatch).
    void showPresence(const CheckInService::SitePresence& presence);
    // A sentence under the list (what the roll call did).
    void say(const QString& sentence);

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

    CheckInService& m_service;
    const DeskSession& m_session; // allows each request, and names who made it
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
