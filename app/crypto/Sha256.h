// SHA-256 through OpenSSL (which uses the processor's SHA instructions where it has them):
// exports of hundreds of megabytes are hashed for the audit log as they are written, and
// QCryptographicHash's portable code took a tenth of an export's time.
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

using EvpDigestContext = struct evp_md_ctx_st;

class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void addData(const QByteArray& data);
    // Adds the bytes of the file at path, read in blocks; false when it cannot be read.
    [[nodiscard]] bool addFile(const QString& path);
    // The 32-byte digest; the hash starts over after it.
    QByteArray result();

private:
    EvpDigestContext* m_context;
};
