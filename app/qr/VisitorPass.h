// A Gatehouse visitor pass: a compact JWS signed with Ed25519, behind the prefix "GATEHOUSE:1:"
// (formats/visitor-pass.md). Issued with issue(), checked with verify().
#pragma once

#include "crypto/Ed25519Key.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class TrustStore;

class VisitorPass
{
    Q_DECLARE_TR_FUNCTIONS(VisitorPass)

public:
    // Verdicts in the order formats/visitor-pass.md checks them, then the site's own checks.
    enum class Verdict { Valid, Malformed, UnknownKey, BadSignature, NotYetValid, Expired, WrongSite, AlreadyUsed };

    static constexpr const char PREFIX[] = "GATEHOUSE:1:";

    // Reads and checks text at now against the trusted keys. When expectedSite is not empty, a
    // pass for another site is WrongSite. The claims are filled in as far as they could be read,
    // whatever the verdict.
    static VisitorPass verify(const QString& text, const TrustStore& trust, const QDateTime& now,
                              const QString& expectedSite = QString());
    // A signed pass for the given claims; issuedAt is "now".
    static QString issue(const Ed25519Key& key, const QString& passId, const QString& fullName, const QString& site,
                         const QString& host, const QDateTime& issuedAt, const QDateTime& validFrom,
                         const QDateTime& validTo);

    static QString verdictName(Verdict verdict); // "valid", "malformed", "unknown_key"...
    // A sentence for a visitor or receptionist, in their language.
    static QString verdictSentence(Verdict verdict);

    Verdict verdict = Verdict::Malformed;
    QString detail; // for Malformed: what is wrong
    QString keyId;
    QString passId;
    QString fullName;
    QString site;
    QString host;
    QDateTime issuedAt;
    QDateTime validFrom;
    QDateTime validTo;
};
