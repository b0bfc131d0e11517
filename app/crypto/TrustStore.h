// The public keys a kiosk trusts to sign visitor passes: every Ed25519 PEM key in a directory,
// found by key id.
#pragma once

#include "crypto/Ed25519Key.h"

#include <QHash>
#include <QStringList>

#include <optional>

class TrustStore
{
    Q_DECLARE_TR_FUNCTIONS(TrustStore)

public:
    // Reads every *.pem file of directory. A missing directory is an Error; a file that is not
    // an Ed25519 key is skipped and named in warnings().
    static Result<TrustStore> load(const QString& directory);

    void add(const Ed25519Key& key);
    std::optional<Ed25519Key> find(const QString& keyId) const;
    int size() const { return static_cast<int>(m_keys.size()); }
    const QStringList& warnings() const { return m_warnings; }

private:
    QHash<QString, Ed25519Key> m_keys;
    QStringList m_warnings;
};
