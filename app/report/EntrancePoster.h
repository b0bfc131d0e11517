// The poster for the entrance (issue 16): the directive asks businesses, hotels and restaurants
// to recommend the tracing app to everyone at the door and agencies to show posters and electronic
// posters. One drawing serves both: an A4 PDF the console prints, and the kiosk's full-screen
// electronic poster after a minute without anyone. The site's name, "Cài Bluezone trước khi vào"
// with the install QR ([kiosk] install_url) and three short steps, in Vietnamese with English
// beneath, whatever the screen's language (the door speaks to everyone).
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QRect>

class QPainter;

class EntrancePoster
{
    Q_DECLARE_TR_FUNCTIONS(EntrancePoster)

public:
    // Draws the poster into area (any size; portrait A4 or a landscape screen).
    static void paint(QPainter& painter, const QRect& area, const QString& siteName, const QString& installUrl);
    // The A4 PDF at path (written whole or not at all).
    [[nodiscard]] static Result<void> writePdf(const QString& path, const QString& siteName, const QString& installUrl);
};
