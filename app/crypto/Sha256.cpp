// SHA-256 through OpenSSL's EVP digest interface (EVP_DigestInit_ex(3)).
#include "crypto/Sha256.h"

#include <QFile>

#include <openssl/evp.h>

Sha256::Sha256() : m_context(EVP_MD_CTX_new())
{
    EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr);
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_context);
}

void Sha256::addData(const QByteArray& data)
{
    EVP_DigestUpdate(m_context, data.constData(), size_t(data.size()));
}

bool Sha256::addFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    while (!file.atEnd()) {
        const QByteArray block = file.read(1 << 20);
        if (block.isEmpty())
            return false;
        addData(block);
    }
    return true;
}

QByteArray Sha256::result()
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int size = 0;
    EVP_DigestFinal_ex(m_context, reinterpret_cast<unsigned char*>(digest.data()), &size);
    digest.truncate(int(size));
    EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr);
    return digest;
}
