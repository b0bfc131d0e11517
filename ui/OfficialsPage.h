// What officials and leaders ask the desk for: the entries of a window (XLSX to open in a
// spreadsheet, or CSV), a contact trace for a confirmed case, the adoption report (PDF or CSV),
// and the staff roster import. Files are chosen with Qt's own dialogs (never the desktop's: the
// kiosk has none); each ask is the core's request (export/*Request.h: written whole, private,
// signed when the site has an export key, audited under the signed-in account).
#pragma once

#include "TranslatedWidget.h"
#include "export/OfficialFile.h"

#include <QList>

#include <functional>

class DeskSession;
class CheckInService;
class QBoxLayout;
class QComboBox;
class QGroupBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class Settings;
class SiteRecords;

class OfficialsPage : public TranslatedWidget
{
    Q_OBJECT

public:
    // Asks where to save (or which file to open): suggested name, filter; empty when cancelled.
    using PathChooser = std::function<QString(bool save, const QString& suggested, const QString& filter)>;

    OfficialsPage(SiteRecords& records, const Settings& settings, const DeskSession& session,
                  QWidget* parent = nullptr);

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
    // What the requests of export/ are asked with: the file, the window, who asks, and the
    // site's export key when one is configured; nullopt after saying why the key cannot sign.
    std::optional<OfficialFile::Ask> ask(const QString& path, const QDateTime& from, const QDateTime& to);

    SiteRecords& m_records;
    CheckInService& m_service;
    const DeskSession& m_session; // allows each request, and names who made it
    QString m_siteName;
    QString m_installUrl;
    QString m_signingKey;
    QString m_passDirectory;
    PathChooser m_choosePath;
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
