// A real spreadsheet reading Gatehouse's exports: LibreOffice (headless) opens the file and saves
// it as flat OpenDocument XML, which this reads cell by cell with each cell's type as LibreOffice
// understood it (string, float, date). Tests skip where LibreOffice is not installed.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QXmlStreamReader>

#include <algorithm>
#include <optional>

struct LibreOfficeSheet
{
    struct Cell
    {
        QString type;    // office:value-type: "string", "float", "date", or empty for an empty cell
        QString value;   // office:value or office:date-value; for strings, the text
        QString formula; // table:formula when LibreOffice made the cell a formula
    };
    QList<QList<Cell>> rows;

    static QString program() { return QStandardPaths::findExecutable(QStringLiteral("soffice")); }

    // Drops the empty rows LibreOffice writes to the sheet's end.
    void dropEmptyRows()
    {
        rows.removeIf([](const QList<Cell>& row) {
            return std::all_of(row.begin(), row.end(), [](const Cell& cell) { return cell.type.isEmpty(); });
        });
    }

    // A paragraph's text as the cell holds it: OpenDocument writes runs of spaces, tabs and line
    // breaks as elements (text:s with text:c, text:tab, text:line-break: ODF 1.2 part 1, 6.1.3-6.1.5).
    static QString paragraph(QXmlStreamReader& xml)
    {
        QString text;
        int depth = 1;
        while (depth > 0 && !xml.atEnd()) {
            xml.readNext();
            if (xml.isCharacters()) {
                text += xml.text();
            } else if (xml.isStartElement()) {
                ++depth;
                if (xml.qualifiedName() == QLatin1String("text:s"))
                    text += QString(std::max(1, xml.attributes().value(QLatin1String("text:c")).toInt()), u' ');
                else if (xml.qualifiedName() == QLatin1String("text:tab"))
                    text += u'\t';
                else if (xml.qualifiedName() == QLatin1String("text:line-break"))
                    text += u'\n';
            } else if (xml.isEndElement()) {
                --depth;
            }
        }
        return text;
    }

    // Opens input in LibreOffice with the given import filter ("" for the default by extension)
    // and reads it back; nullopt with the reason in problem when LibreOffice fails.
    static std::optional<LibreOfficeSheet> read(const QString& input, const QString& workDir,
                                                const QString& importFilter, QString* problem)
    {
        QStringList arguments{QStringLiteral("--headless"),
                              QStringLiteral("-env:UserInstallation=file://%1/profile").arg(workDir)};
        if (!importFilter.isEmpty())
            arguments << QStringLiteral("--infilter=%1").arg(importFilter);
        const QString outDir = workDir + QStringLiteral("/out");
        arguments << QStringLiteral("--convert-to") << QStringLiteral("fods") << QStringLiteral("--outdir") << outDir
                  << input;
        QProcess office;
        office.start(program(), arguments);
        if (!office.waitForFinished(180000) || office.exitCode() != 0) {
            *problem = QString::fromUtf8(office.readAllStandardError());
            return std::nullopt;
        }
        QFile flat(QDir(outDir).filePath(QFileInfo(input).completeBaseName() + QStringLiteral(".fods")));
        if (!flat.open(QIODevice::ReadOnly)) {
            *problem = QStringLiteral("LibreOffice wrote no %1").arg(flat.fileName());
            return std::nullopt;
        }
        LibreOfficeSheet sheet;
        QXmlStreamReader xml(&flat);
        Cell cell;
        int repeat = 1;
        QStringList paragraphs;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.qualifiedName() == QLatin1String("table:table-row")) {
                sheet.rows.append(QList<Cell>());
            } else if (xml.isStartElement() && xml.qualifiedName() == QLatin1String("table:table-cell")) {
                const QXmlStreamAttributes attributes = xml.attributes();
                cell = {attributes.value(QLatin1String("office:value-type")).toString(),
                        {},
                        attributes.value(QLatin1String("table:formula")).toString()};
                cell.value = attributes.hasAttribute(QLatin1String("office:date-value"))
                                 ? attributes.value(QLatin1String("office:date-value")).toString()
                                 : attributes.value(QLatin1String("office:value")).toString();
                repeat = attributes.value(QLatin1String("table:number-columns-repeated")).toInt();
                paragraphs.clear();
            } else if (xml.isStartElement() && xml.qualifiedName() == QLatin1String("text:p")) {
                paragraphs.append(paragraph(xml));
            } else if (xml.isEndElement() && xml.qualifiedName() == QLatin1String("table:table-cell")) {
                if (cell.type == QLatin1String("string"))
                    cell.value = paragraphs.join(QLatin1Char('\n')); // a line break is a new paragraph
                // Runs of empty cells are repeated; the run that fills a row to the sheet's end is dropped.
                for (int i = 0; i < std::max(1, repeat) && (repeat < 1000 || !cell.type.isEmpty()); ++i)
                    sheet.rows.last().append(cell);
            }
        }
        if (xml.hasError()) {
            *problem = xml.errorString();
            return std::nullopt;
        }
        return sheet;
    }
};
