// A Gatehouse visitor pass (formats/visitor-pass.md): JWS compact serialisation (RFC 7515,
// Section 7.1), EdDSA with Ed25519 (RFC 8037, Section 3.1), base64url without padding (RFC 7515,
// Section 2).
#include "qr/VisitorPass.h"

#include "crypto/TrustStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
constexpr auto BASE64URL = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// Strict base64url: an empty, invalid or non-canonical part is malformed, never silently mended.
std::optional<QByteArray> decodePart(const QByteArray& part)
{
    if (part.isEmpty() || part.contains('='))
        return std::nullopt;
    auto decoded =
        QByteArray::fromBase64Encoding(part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    // Only the canonical spelling: the unused low bits of the last character must be zero
    // (RFC 4648, Section 3.5), so one signature has one text and a pass one form.
    if (!decoded || (*decoded).toBase64(BASE64URL) != part)
        return std::nullopt;
    return *decoded;
}

QDateTime fromUnix(const QJsonValue& value)
{
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(value.toDouble()), Qt::UTC);
}

bool isUnixTime(const QJsonValue& value)
{
    // JSON numbers; seconds since the epoch must be whole (RFC 7519, Section 2, NumericDate
    // allows fractions, but Gatehouse writes whole seconds and a fraction here is suspect).
    // The range first: converting a double beyond qint64 is undefined behaviour (a fuzzed pass with
    // "iat":1.785e19 found it).
    if (!value.isDouble())
        return false;
    const double seconds = value.toDouble();
    return seconds >= 0 && seconds < 253402300800.0 && // before year 10000
           seconds == static_cast<double>(static_cast<qint64>(seconds));
}
} // namespace

VisitorPass VisitorPass::verify(const QString& text, const TrustStore& trust, const QDateTime& now,
                                const QString& expectedSite)
{
    VisitorPass pass;
    const auto malformed = [&pass](const QString& detail) {
        pass.verdict = Verdict::Malformed;
        pass.detail = detail;
        return pass;
    };
    const QLatin1StringView prefix(PREFIX);
    if (!text.startsWith(prefix))
        return malformed(tr("it does not start with %1").arg(prefix));
    const QByteArray compact = text.mid(prefix.size()).toLatin1();
    const QList<QByteArray> parts = compact.split('.');
    if (parts.size() != 3)
        return malformed(tr("it has %1 parts instead of 3").arg(parts.size()));
    const auto header = decodePart(parts[0]);
    const auto claims = decodePart(parts[1]);
    const auto signature = decodePart(parts[2]);
    if (!header || !claims || !signature)
        return malformed(tr("a part is not base64url"));

    QJsonParseError error;
    const QJsonDocument headerJson = QJsonDocument::fromJson(*header, &error);
    if (error.error != QJsonParseError::NoError || !headerJson.isObject())
        return malformed(tr("the header is not a JSON object"));
    const QJsonDocument claimsJson = QJsonDocument::fromJson(*claims, &error);
    if (error.error != QJsonParseError::NoError || !claimsJson.isObject())
        return malformed(tr("the claims are not a JSON object"));
    const QJsonObject h = headerJson.object();
    const QJsonObject c = claimsJson.object();

    // Read what can be read first, so that even a refused pass shows whose it is.
    pass.keyId = h.value(QStringLiteral("kid")).toString();
    pass.passId = c.value(QStringLiteral("jti")).toString();
    pass.fullName = c.value(QStringLiteral("sub")).toString();
    pass.site = c.value(QStringLiteral("site")).toString();
    pass.host = c.value(QStringLiteral("host")).toString();
    for (const char* key : {"jti", "sub", "site"}) {
        if (!c.value(QLatin1StringView(key)).isString() || c.value(QLatin1StringView(key)).toString().isEmpty())
            return malformed(tr("the claim \"%1\" is missing").arg(QLatin1StringView(key)));
    }
    if (c.contains(QStringLiteral("host")) && !c.value(QStringLiteral("host")).isString())
        return malformed(tr("the claim \"host\" is not text"));
    for (const char* key : {"iat", "nbf", "exp"}) {
        if (!isUnixTime(c.value(QLatin1StringView(key))))
            return malformed(tr("the claim \"%1\" is not a time").arg(QLatin1StringView(key)));
    }
    pass.issuedAt = fromUnix(c.value(QStringLiteral("iat")));
    pass.validFrom = fromUnix(c.value(QStringLiteral("nbf")));
    pass.validTo = fromUnix(c.value(QStringLiteral("exp")));
    if (h.value(QStringLiteral("alg")).toString() != QLatin1String("EdDSA"))
        return malformed(tr("the algorithm is not EdDSA"));
    if (!h.value(QStringLiteral("kid")).isString())
        return malformed(tr("the key id is missing"));

    const std::optional<Ed25519Key> key = trust.find(pass.keyId);
    if (!key) {
        pass.verdict = Verdict::UnknownKey;
        return pass;
    }
    // The signature covers the ASCII of "<header>.<claims>" exactly as they appear.
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    if (!key->verify(signingInput, *signature)) {
        pass.verdict = Verdict::BadSignature;
        return pass;
    }
    if (now < pass.validFrom)
        pass.verdict = Verdict::NotYetValid;
    else if (now >= pass.validTo)
        pass.verdict = Verdict::Expired;
    else if (!expectedSite.isEmpty() && pass.site != expectedSite)
        pass.verdict = Verdict::WrongSite;
    else
        pass.verdict = Verdict::Valid;
    return pass;
}

QString VisitorPass::issue(const Ed25519Key& key, const QString& passId, const QString& fullName, const QString& site,
                           const QString& host, const QDateTime& issuedAt, const QDateTime& validFrom,
                           const QDateTime& validTo)
{
    QJsonObject header{{QStringLiteral("alg"), QStringLiteral("EdDSA")},
                       {QStringLiteral("kid"), key.keyId()},
                       {QStringLiteral("typ"), QStringLiteral("JWT")}};
    QJsonObject claims{{QStringLiteral("jti"), passId},
                       {QStringLiteral("sub"), fullName},
                       {QStringLiteral("site"), site},
                       {QStringLiteral("iat"), issuedAt.toSecsSinceEpoch()},
                       {QStringLiteral("nbf"), validFrom.toSecsSinceEpoch()},
                       {QStringLiteral("exp"), validTo.toSecsSinceEpoch()}};
    if (!host.isEmpty())
        claims.insert(QStringLiteral("host"), host);
    const QByteArray signingInput = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(BASE64URL) + '.' +
                                    QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(BASE64URL);
    const QByteArray signature = key.sign(signingInput);
    return QLatin1StringView(PREFIX) + QString::fromLatin1(signingInput + '.' + signature.toBase64(BASE64URL));
}

QString VisitorPass::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Valid:
        return QStringLiteral("valid");
    case Verdict::Malformed:
        return QStringLiteral("malformed");
    case Verdict::UnknownKey:
        return QStringLiteral("unknown_key");
    case Verdict::BadSignature:
        return QStringLiteral("bad_signature");
    case Verdict::NotYetValid:
        return QStringLiteral("not_yet_valid");
    case Verdict::Expired:
        return QStringLiteral("expired");
    case Verdict::WrongSite:
        return QStringLiteral("wrong_site");
    case Verdict::AlreadyUsed:
        return QStringLiteral("already_used");
    }
    return QString();
}

QString VisitorPass::verdictSentence(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Valid:
        return tr("The pass is valid.");
    case Verdict::Malformed:
        return tr("This code is not a readable Gatehouse pass.");
    case Verdict::UnknownKey:
        return tr("This pass was not issued by a place this kiosk trusts.");
    case Verdict::BadSignature:
        return tr("This pass has been altered and cannot be accepted.");
    case Verdict::NotYetValid:
        return tr("This pass is not valid yet.");
    case Verdict::Expired:
        return tr("This pass has expired.");
    case Verdict::WrongSite:
        return tr("This pass is for another building.");
    case Verdict::AlreadyUsed:
        return tr("This pass has already been used.");
    }
    return QString();
}
