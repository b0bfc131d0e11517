// A file handed to an official or an inspector.
#include "export/OfficialFile.h"

#include "crypto/Sha256.h"
#include "export/ExportManifest.h"
#include "export/OutputFile.h"
#include "records/SiteRecords.h"

QString OfficialFile::rows(qint64 rows)
{
    return QStringLiteral("rows=%1").arg(rows);
}

Result<OfficialFile::Handed> OfficialFile::hand(SiteRecords& records, const QString& purpose, const Ask& ask,
                                                const StreamWriter& writer, const Counts& counts)
{
    Sha256 hash;
    auto rows = OutputFile::write(ask.path, [&](QIODevice& file) { return writer(file, hash); });
    if (!rows)
        return rows.error();
    return finish(records, purpose, ask, rows.value(), hash.result(), counts);
}

Result<OfficialFile::Handed> OfficialFile::handFile(SiteRecords& records, const QString& purpose, const Ask& ask,
                                                    const FileWriter& writer, const Counts& counts)
{
    auto rows = writer(ask.path);
    if (!rows)
        return rows.error();
    // A workbook is a zip its library writes: hashed once it is complete, read in blocks.
    Sha256 hash;
    if (!hash.addFile(ask.path))
        return Error(Error::Kind::Failed, tr("Gatehouse could not read %1 back to record its SHA-256.").arg(ask.path));
    return finish(records, purpose, ask, rows.value(), hash.result(), counts);
}

Result<OfficialFile::Handed> OfficialFile::finish(SiteRecords& records, const QString& purpose, const Ask& ask,
                                                  qint64 rows, const QByteArray& sha256, const Counts& counts)
{
    Handed handed{rows, sha256, QString()};
    const Site& site = records.service().site();
    if (ask.key) {
        ExportManifest manifest;
        manifest.purpose = purpose;
        manifest.site = site.id;
        manifest.entrance = site.entrance;
        manifest.from = ask.from;
        manifest.to = ask.to;
        manifest.generatedAt = records.service().now();
        manifest.rows = rows;
        manifest.sha256 = sha256;
        manifest.signedBy = ask.actor;
        manifest.caseId = ask.caseId;
        const auto head = records.audit().head();
        if (!head)
            return head.error();
        if (head.value())
            manifest.auditHead = head.value()->text();
        manifest.utcOffsetMinutes = site.utcOffsetMinutes;
        const Result<void> signedFile = manifest.writeSigned(ask.path, *ask.key);
        if (!signedFile)
            return signedFile.error();
        handed.manifest = ExportManifest::manifestPath(ask.path);
    }
    // Who took what, when: the window, the counts and the file's SHA-256. The file is written;
    // an audit failure is an Error the caller says, with the file left for the official.
    const QString signature = ask.key ? QStringLiteral(" key_id=%1").arg(ask.key->keyId()) : QString();
    const Result<void> audited =
        records.audit().append({records.service().now(), ask.actor, purpose,
                                AuditLog::outputDetails(ask.from, ask.to, counts(rows), sha256,
                                                        ask.deliveredAs.isEmpty() ? ask.path : ask.deliveredAs) +
                                    signature});
    if (!audited)
        return audited.error();
    return handed;
}
