// Connections to the central store shared by the threads of gatehouse-central (issue 25): each
// request borrows one and gives it back, so fifty officials need not open fifty connections of
// their own, and a connection broken by a failover or a restart is dropped instead of lent again.
// What an official's page reads runs in one transaction as the role of the official's scope
// (asScope: SET LOCAL ROLE, undone by the transaction's end), so a connection never carries one
// official's rights into the next request.
#pragma once

#include "central/CentralConnection.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <vector>

class CentralPool
{
    Q_DECLARE_TR_FUNCTIONS(CentralPool)

public:
    // uri as CentralConnection::open takes it; at most size connections open at once.
    CentralPool(QString uri, int size);
    ~CentralPool();
    CentralPool(const CentralPool&) = delete;
    CentralPool& operator=(const CentralPool&) = delete;

    // Runs work on a borrowed connection (opened when none is idle and fewer than size are open;
    // otherwise waits up to 10 s, then says the store is busy).
    [[nodiscard]] Result<void> use(const std::function<Result<void>(CentralConnection&)>& work);
    // The same inside one transaction as role (a scope's, CentralOfficials::Official::scopeRole):
    // committed when work succeeds, rolled back when it fails.
    [[nodiscard]] Result<void> asScope(const QString& role,
                                       const std::function<Result<void>(CentralConnection&)>& work);

private:
    [[nodiscard]] Result<std::unique_ptr<CentralConnection>> borrow();
    void giveBack(std::unique_ptr<CentralConnection> connection);

    const QString m_uri;
    const int m_size;
    QMutex m_mutex;
    QWaitCondition m_returned;
    std::vector<std::unique_ptr<CentralConnection>> m_idle;
    int m_open = 0;
};
