// A text field a finger can hit: at least 80 px high (about 13 mm on a 160 dpi kiosk panel).
// Set here rather than in the style sheet because layouts size a QLineEdit by its size hint,
// which ignores a style sheet's min-height, and the rows of a form then overlap
// (TestScreenshots caught it).
//
// Every field of the kiosk and the desk takes personal data (a name, an ID number, a phone, a
// reason, a PIN), so a TouchField tells the on-screen keyboard so. Qt Virtual Keyboard's Hunspell
// learns the words a user picks into userdictionary-<locale>.txt under the account's config folder
// unless the field has Qt::ImhSensitiveData, and offers word candidates unless it has
// Qt::ImhNoPredictiveText (qtvirtualkeyboard v6.4.2, src/plugins/hunspell/module/
// hunspellinputmethod_p.cpp addToDictionary() and hunspellinputmethod.cpp): the next visitor would
// be offered the last one's name.
#pragma once

#include <QLineEdit>

class TouchField : public QLineEdit
{
    Q_OBJECT

public:
    static constexpr int MinimumHeight = 80;

    static constexpr Qt::InputMethodHints PersonalData = Qt::ImhSensitiveData | Qt::ImhNoPredictiveText;

    explicit TouchField(QWidget* parent = nullptr) : QLineEdit(parent)
    {
        setMinimumHeight(MinimumHeight);
        setInputMethodHints(PersonalData);
    }
};
