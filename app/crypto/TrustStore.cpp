// The public keys a kiosk trusts to sign visitor passes.
#include "crypto/TrustStore.h"

#include <QDir>

Result<TrustStore> TrustStore::load(const QString& directory)
{
    const QDir dir(directory);
    if (!dir.exists())
        return Error(Error::Kind::Input, tr("The trust directory %1 does not exist.").arg(directory));
    TrustStore store;
    const QStringList files = dir.entryList({QStringLiteral("*.pem")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString& name : files) {
        auto key = Ed25519Key::load(dir.filePath(name));
        if (!key) {
            store.m_warnings.append(key.error().message());
            continue;
        }
        store.add(key.value());
    }
    return store;
}

void TrustStore::add(const Ed25519Key& key)
{
    m_keys.insert(key.keyId(), key);
}

std::optional<Ed25519Key> TrustStore::find(const QString& keyId) const
{
    const auto it = m_keys.constFind(keyId);
    if (it == m_keys.constEnd())
        return std::nullopt;
    return *it;
}
