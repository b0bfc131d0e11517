// A text field a finger can hit: at least 80 px high (about 13 mm on a 160 dpi kiosk panel).
// Set here rather than in the style sheet because layouts size a QLineEdit by its size hint,
// which ignores a style sheet's min-height, and the rows of a form then overlap
// (TestScreenshots caught it).
#pragma once

#include <QLineEdit>

class TouchField : public QLineEdit
{
    Q_OBJECT

public:
    static constexpr int MinimumHeight = 80;

    explicit TouchField(QWidget* parent = nullptr) : QLineEdit(parent) { setMinimumHeight(MinimumHeight); }
};
