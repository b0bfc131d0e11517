// What the camera sees, on the identify and check-out screens (issue 16: people could not aim a
// card they could not see): the latest picture, mirrored when the camera faces the visitor, a
// guide frame in the middle where to hold the card or phone, and for a moment the outline of a
// code that was read. It paints small grey pictures (LumaFrame::preview) a few times a second;
// the decoder reads the full frames elsewhere (KioskDevices).
#pragma once

#include <QElapsedTimer>
#include <QImage>
#include <QPolygon>
#include <QWidget>

class Viewfinder : public QWidget
{
    Q_OBJECT

public:
    // How long a code's outline stays.
    static constexpr int HighlightMs = 1200;

    explicit Viewfinder(bool mirror, QWidget* parent = nullptr);

    // picture: the preview; frameSize: the frame it was made from (a code's corners are in it).
    void showFrame(const QImage& picture, QSize frameSize);
    // A code was read at corners (frame pixels, from QrDecoder).
    void highlight(const QPolygon& corners, QSize frameSize);
    // Back to "no picture" (the next visitor sees none of the last one's).
    void clear();

    int framesShown() const { return m_framesShown; }
    bool isHighlighting() const;
    // Where the guide frame is drawn, in this widget's coordinates.
    QRect guideRect() const;
    // Where the picture is drawn (its aspect kept, centred).
    QRect pictureRect() const;

    QSize sizeHint() const override { return {480, 270}; }
    QSize minimumSizeHint() const override { return {64, 36}; } // shrinks first on a small panel

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QPolygonF toWidget(const QPolygon& corners) const;

    bool m_mirror;
    QImage m_picture;
    QSize m_frameSize;
    int m_framesShown = 0;
    QPolygon m_code;
    QElapsedTimer m_codeShown;
};
