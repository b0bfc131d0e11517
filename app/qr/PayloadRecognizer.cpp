// Decides what a scanned code is and whether it can be accepted.
#include "qr/PayloadRecognizer.h"

#include <QUrl>

QString QrPayload::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Cccd:
        return QStringLiteral("cccd");
    case Kind::Pass:
        return QStringLiteral("pass");
    case Kind::Url:
        return QStringLiteral("url");
    case Kind::Text:
        break;
    }
    return QStringLiteral("text");
}

PayloadRecognizer::PayloadRecognizer(TrustStore trust, QString site,
                                     std::function<bool(const QString& passId)> alreadyUsed)
    : m_trust(std::move(trust)), m_site(std::move(site)), m_alreadyUsed(std::move(alreadyUsed))
{}

QrPayload PayloadRecognizer::recognize(const QString& text, const QDateTime& now) const
{
    QrPayload payload;
    payload.text = text;
    if (text.toUtf8().size() > MAX_PAYLOAD_BYTES) {
        payload.valid = false;
        payload.reason = QStringLiteral("too_large");
        payload.detail = tr("the code holds more than %1 bytes").arg(MAX_PAYLOAD_BYTES);
        return payload;
    }

    if (text.startsWith(QLatin1StringView(VisitorPass::PREFIX))) {
        payload.kind = QrPayload::Kind::Pass;
        VisitorPass pass = VisitorPass::verify(text, m_trust, now, m_site);
        if (pass.verdict == VisitorPass::Verdict::Valid && m_alreadyUsed && m_alreadyUsed(pass.passId))
            pass.verdict = VisitorPass::Verdict::AlreadyUsed;
        payload.valid = pass.verdict == VisitorPass::Verdict::Valid;
        if (!*payload.valid)
            payload.reason = VisitorPass::verdictName(pass.verdict);
        payload.detail = pass.detail;
        const auto add = [&payload](const char* name, const QString& value) {
            if (!value.isEmpty())
                payload.fields.append({QString::fromLatin1(name), value});
        };
        add("pass_id", pass.passId);
        add("full_name", pass.fullName);
        add("host", pass.host);
        add("site", pass.site);
        add("valid_from", pass.validFrom.toString(Qt::ISODate));
        add("valid_to", pass.validTo.toString(Qt::ISODate));
        payload.pass = pass;
        return payload;
    }

    if (CccdCard::looksLikeCccd(text)) {
        payload.kind = QrPayload::Kind::Cccd;
        auto card = CccdCard::parse(text);
        payload.valid = card.ok();
        if (!card) {
            payload.reason = QStringLiteral("malformed");
            payload.detail = card.error().message();
            return payload;
        }
        payload.fields = {{QStringLiteral("id_number"), card->idNumber},
                          {QStringLiteral("old_id_number"), card->oldIdNumber},
                          {QStringLiteral("full_name"), card->fullName},
                          {QStringLiteral("date_of_birth"), card->dateOfBirth.toString(Qt::ISODate)},
                          {QStringLiteral("sex"), card->sex},
                          {QStringLiteral("address"), card->address},
                          {QStringLiteral("issue_date"), card->issueDate.toString(Qt::ISODate)}};
        payload.card = card.value();
        return payload;
    }

    const QUrl url(text, QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
        !url.host().isEmpty()) {
        payload.kind = QrPayload::Kind::Url;
    }
    return payload;
}
