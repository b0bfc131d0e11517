// The one worker-thread helper every thread of Gatehouse uses (issue 24): work runs on the thread,
// in order; answers come back on the caller's thread; what the thread opened is closed there
// before it ends; an object it adopted dies with it, even when it never ran.
#include "common/WorkerThread.h"

#include <QPointer>
#include <QTest>

class TestWorkerThread : public QObject
{
    Q_OBJECT

private slots:
    void postedWorkRunsOnTheThreadInOrder()
    {
        WorkerThread worker(QStringLiteral("test-worker"));
        QList<int> order;
        QThread* ranOn = nullptr;
        for (int i = 0; i < 100; ++i)
            worker.post([&order, &ranOn, i] {
                order.append(i);
                ranOn = QThread::currentThread();
            });
        worker.run([] {}); // after everything posted before it
        QCOMPARE(order.size(), 100);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(order[i], i);
        QVERIFY(ranOn && ranOn != QThread::currentThread());
        QCOMPARE(ranOn->objectName(), QStringLiteral("test-worker"));
    }

    void answersComeBackOnTheCallersThreadAfterItReturnsToItsLoop()
    {
        WorkerThread worker(QStringLiteral("test-worker"));
        QObject receiver;
        QThread* answeredOn = nullptr;
        worker.post([&receiver, &answeredOn] {
            WorkerThread::answer(&receiver, [&answeredOn] { answeredOn = QThread::currentThread(); });
        });
        worker.run([] {});
        // Queued to this thread: nothing until its event loop turns.
        QCOMPARE(answeredOn, nullptr);
        QTRY_COMPARE(answeredOn, QThread::currentThread());
    }

    void stopRunsItsLastWordsOnTheThreadAndEndsIt()
    {
        WorkerThread worker(QStringLiteral("test-worker"));
        QThread* thread = nullptr;
        worker.run([&thread] { thread = QThread::currentThread(); });
        QThread* lastOn = nullptr;
        worker.stop([&lastOn] { lastOn = QThread::currentThread(); });
        QCOMPARE(lastOn, thread);
        QVERIFY(!worker.isRunning());
        worker.post([] { QFAIL("work posted after stop() must not run"); });
        worker.run([] { QFAIL("work run after stop() must not run"); });
        worker.stop(); // twice: nothing
    }

    void anAdoptedObjectIsDeletedOnTheThreadAsItEnds()
    {
        QPointer<QObject> adopted = new QObject;
        QThread* deletedOn = nullptr;
        connect(
            adopted.data(), &QObject::destroyed, adopted.data(), [&deletedOn] { deletedOn = QThread::currentThread(); },
            Qt::DirectConnection);
        QThread* thread = nullptr;
        {
            WorkerThread worker(QStringLiteral("test-worker"), false);
            worker.adopt(adopted);
            worker.start();
            worker.run([&thread] { thread = QThread::currentThread(); });
            worker.stop();
        }
        QVERIFY(adopted.isNull());
        QCOMPARE(deletedOn, thread);

        QPointer<QObject> neverRan = new QObject;
        {
            WorkerThread worker(QStringLiteral("test-worker"), false);
            worker.adopt(neverRan);
        }
        QVERIFY(neverRan.isNull());
    }
};

QTEST_GUILESS_MAIN(TestWorkerThread)
#include "TestWorkerThread.moc"
