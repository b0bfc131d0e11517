// The site's private export key.
#include "crypto/ExportKey.h"

#include "crypto/TrustStore.h"

Result<Ed25519Key> ExportKey::load(const QString& path, const QString& passDirectory)
{
    auto key = Ed25519Key::load(path);
    if (!key)
        return key.error();
    if (!key->hasPrivateKey())
        return Error(Error::Kind::Usage, tr("%1 is a public key; exports are signed with the private export key "
                                            "(export.pem).")
                                             .arg(path));
    if (!passDirectory.isEmpty()) {
        auto passes = TrustStore::load(passDirectory);
        if (passes && passes->find(key->keyId()))
            return Error(Error::Kind::Usage, tr("%1 is a visitor-pass key (its public key is in %2). Exports are "
                                                "signed with a key of their own: gatehouse-cli keygen --purpose "
                                                "export --out DIR.")
                                                 .arg(path, passDirectory));
    }
    return key;
}
