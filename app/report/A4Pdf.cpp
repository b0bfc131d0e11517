// An A4 PDF page set as every printed page of Gatehouse has it.
#include "A4Pdf.h"

#include "Version.h"

#include <QPageSize>

A4Pdf::A4Pdf(QIODevice* out, const QString& title, double marginMm) : QPdfWriter(out)
{
    setPageSize(QPageSize(QPageSize::A4));
    setPageMargins(QMarginsF(marginMm, marginMm, marginMm, marginMm), QPageLayout::Millimeter);
    setResolution(300);
    setCreator(QStringLiteral("Gatehouse %1").arg(QString::fromLatin1(Gatehouse::VERSION)));
    setTitle(title);
}

QFont A4Pdf::font(double points, bool bold)
{
    QFont font(QStringLiteral("Noto Sans"));
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}
