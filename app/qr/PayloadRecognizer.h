// Decides what a scanned code is and whether it can be accepted: the one place every QR text
// passes through, from the camera, a USB scanner or the CLI.
#pragma once

#include "crypto/TrustStore.h"
#include "qr/QrPayload.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>

class PayloadRecognizer
{
    Q_DECLARE_TR_FUNCTIONS(PayloadRecognizer)

public:
    // Larger payloads are refused unread: no card or pass comes near it (issue 4).
    static constexpr qsizetype MAX_PAYLOAD_BYTES = 4096;

    // site: when not empty, passes for other sites are refused. alreadyUsed: when set, passes
    // whose id it knows are refused (single-use passes).
    PayloadRecognizer(TrustStore trust, QString site = QString(),
                      std::function<bool(const QString& passId)> alreadyUsed = {});

    QrPayload recognize(const QString& text, const QDateTime& now) const;

private:
    TrustStore m_trust;
    QString m_site;
    std::function<bool(const QString&)> m_alreadyUsed;
};
