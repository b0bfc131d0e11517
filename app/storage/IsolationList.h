// The health office's list of people under isolation orders (F0, F1) as a kiosk holds it (issue
// 26): keyed hashes of their ID numbers, HMAC-SHA-256 (RFC 2104) with the province's key of the
// day, each with its order's kind and end; the central store sends the list and its key at each
// sync (gatehouse.kiosk_isolation()). A visitor's number is hashed with the same key and looked
// up; an order past its end no longer matches. The file holds no ID number of the list. What the
// hashes cannot stop: someone with the file has the key too and may try every possible number
// (README "Isolation orders" says so); the daily key bounds how long one guess list is useful.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class Database;

class IsolationList
{
    Q_DECLARE_TR_FUNCTIONS(IsolationList)

public:
    struct Order
    {
        QString hash; // hex HMAC-SHA-256 of the normalised ID number
        QString kind; // F0, F1
        QDateTime until;
    };
    struct Match
    {
        int keyId = 0;
        QString hash;
        QString kind;
        QDateTime until;
    };

    explicit IsolationList(Database& database);

    // Replaces the list and its key (one transaction); nothing is written when they are the ones
    // held already.
    [[nodiscard]] Result<void> replace(int keyId, const QByteArray& secret, const QList<Order>& orders,
                                       const QDateTime& at);
    // The order in force at `at` for a normalised ID number, if any.
    [[nodiscard]] Result<std::optional<Match>> match(const QString& idNumber, const QDateTime& at) const;
    // The keyed hash of a normalised ID number, as the central store computes it.
    static QString hash(const QString& idNumber, const QByteArray& secret);

private:
    // Whether the key and the orders are exactly those held.
    [[nodiscard]] Result<bool> unchanged(int keyId, const QByteArray& secret, const QList<Order>& orders) const;

    Database& m_database;
};
