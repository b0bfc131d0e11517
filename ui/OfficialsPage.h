// What officials and leaders ask the desk for: the entries of a window (XLSX to open in a
// spreadsheet, or CSV), a contact trace for a confirmed case, the adoption report (PDF or CSV),
// the entrance poster and the staff roster import. Files are chosen with Qt's own dialogs (never
// the desktop's: the kiosk has none); each ask goes to the Desk (desk/Desk.h), which checks the
// session and runs the core's request on its worker (written whole, private, signed when the site
// has an export key, audited under the signed-in account) while this page says it is working.
#pragma once

#include "TranslatedWidget.h"
#include "desk/Desk.h"

#include <QList>

#include <functional>

class QBoxLayout;
class QComboBox;
class QGroupBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;

class OfficialsPage : public TranslatedWidget
{
    Q_OBJECT

public:
    // Asks where to save (or which file to open): suggested name, filter; empty when cancelled.
    using PathChooser = std::function<QString(bool save, const QString& suggested, const QString& filter)>;

    explicit OfficialsPage(Desk& desk, QWidget* parent = nullptr);

    // Who is signed in at the console: the audit log names them for every file handed out.
    // Empties what was typed (the console locks).
    void clearForm();

    // Tests answer the file dialogs themselves.
    void setPathChooser(PathChooser chooser) { m_choosePath = std::move(chooser); }
    void setWindow(const QDateTime& from, const QDateTime& to);
    QString lastOutcome() const;

    void exportEntries(const QString& extension);
    void traceCase();
    void adoptionReport(const QString& extension);
    void importRoster();
    void writePoster();

protected:
    void retranslate() override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void say(const QString& sentence);
    QDateTime siteTime(const QDateTimeEdit* edit) const;
    // The window and the language as chosen on the page, without a file yet.
    Desk::FileAsk fileAsk() const;
    // Asks where to write (or read) after the Desk said the request may be made; empty when it may
    // not (said why) or the choice was cancelled. While the Desk works, the page says so.
    QString choose(bool save, const QString& suggested, const QString& filter, const Result<void>& mayAsk);
    // Says sentence once the Desk answered, if the page still exists.
    template <typename T>
    Desk::Answer<T> answer(std::function<QString(const T&)> sentence);
    // The Desk answered one of this page's requests; the buttons come back with the last.
    void answered();
    void showBusy(bool busy);

    Desk& m_desk;
    PathChooser m_choosePath;
    int m_waiting = 0; // this page's requests not yet answered
    int m_session = 0; // counts the console's locks (clearForm): answers are said in their session only
    QLabel* m_fromLabel = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QLabel* m_toLabel = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QLabel* m_languageLabel = nullptr;
    QComboBox* m_language = nullptr;
    QPushButton* m_exportXlsx = nullptr;
    QPushButton* m_exportCsv = nullptr;
    QLabel* m_caseLabel = nullptr;
    QLineEdit* m_caseId = nullptr;
    QPushButton* m_trace = nullptr;
    QPushButton* m_reportPdf = nullptr;
    QPushButton* m_reportCsv = nullptr;
    QPushButton* m_rosterButton = nullptr;
    QPushButton* m_posterButton = nullptr;
    QGroupBox* m_posterGroup = nullptr;
    QGroupBox* m_periodGroup = nullptr;
    QGroupBox* m_exportGroup = nullptr;
    QGroupBox* m_traceGroup = nullptr;
    QGroupBox* m_reportGroup = nullptr;
    QGroupBox* m_rosterGroup = nullptr;
    QList<QBoxLayout*> m_groupRows; // each group's widgets: side by side, or stacked on a narrow screen
    QLabel* m_outcome = nullptr;
};
