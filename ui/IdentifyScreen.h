// Check-in, first step: show the QR of a citizen ID card (CCCD) or a visitor pass to the camera
// or the USB scanner, or type the details. The privacy notice stands above it, so that what is
// collected, why, for how long and who receives it is read before any personal data is taken
// (Vietnam's Decree 13/2023/ND-CP on personal data protection, articles 11 and 13): one short
// sentence that fits every panel, and the whole notice behind "Read more", in large type on a
// page of its own that scrolls (issue 15: 7-inch panels; issue 16: readable at arm's length).
#pragma once

#include "TranslatedWidget.h"

class KioskFlow;
class Settings;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class Viewfinder;

class IdentifyScreen : public TranslatedWidget
{
    Q_OBJECT

public:
    // settings: the retention periods and whether health answers are asked, for the notice.
    IdentifyScreen(KioskFlow& flow, const Settings& settings, QWidget* parent = nullptr);

    // Back to the scan prompt with an empty form, its undo history gone too (each visitor starts
    // afresh: Ctrl+Z on the next visitor's form must not bring the last one's name back).
    void reset();

    // What the camera sees, while the visitor is asked to show a code (hidden while they type).
    Viewfinder* viewfinder() const { return m_viewfinder; }

protected:
    void retranslate() override;

private:
    void submit();

    KioskFlow& m_flow;
    int m_retentionDays;
    int m_declarationRetentionDays;
    int m_auditRetentionDays;
    bool m_healthDeclaration;
    QLabel* m_title = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_privacy = nullptr; // the short notice
    QPushButton* m_readMore = nullptr;
    QStackedWidget* m_pages = nullptr; // the scan prompt and form, or the whole notice
    QWidget* m_prompt = nullptr;
    QLabel* m_privacyFull = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_typeInstead = nullptr;
    Viewfinder* m_viewfinder = nullptr;
    QWidget* m_form = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_idLabel = nullptr;
    QLineEdit* m_idNumber = nullptr;
    QLabel* m_phoneLabel = nullptr;
    QLineEdit* m_phone = nullptr;
    QLabel* m_formProblem = nullptr;
    QPushButton* m_continue = nullptr;
    QPushButton* m_cancel = nullptr;
};
