// A thread of Gatehouse's own, for work that must not hold the GUI thread (ARCHITECTURE.md): the
// kiosk's writer, the scanner, who is inside, the central link and the desk each own one. Work is
// posted to it and runs there in order; what a thread opened (a Qt SQL connection belongs to the
// thread that made it, a Bluetooth agent to its thread's event loop) is closed there by stop()'s
// last words before the thread ends. Answers go back to the caller's thread with answer().
// Written once here instead of four times (issue 24).
#pragma once

#include <QObject>
#include <QThread>

#include <functional>

class WorkerThread
{
public:
    // A thread named name (shown by `top -H` and in crash reports); started at once unless
    // startNow is false (start() then).
    explicit WorkerThread(const QString& name, bool startNow = true,
                          QThread::Priority priority = QThread::InheritPriority);
    // Stops the thread if its owner has not (without last words).
    ~WorkerThread();

    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    void start();
    bool isRunning() const { return m_thread.isRunning(); }

    // An object that lives on the thread: work runs in its context, and timers or connections made
    // there may be parented to it. Deleted when the thread ends.
    QObject* context() const { return m_context; }
    // Moves object (without a parent) to the thread; it is deleted when the thread ends. Before
    // start() or before anything is posted: the thread must not be using the context meanwhile.
    void adopt(QObject* object);

    // Runs work on the thread, after what was posted before it.
    void post(std::function<void()> work) const;
    // Runs work on the thread and waits for it: for opening and closing only, never for a request
    // (the caller's thread stops meanwhile). Runs nothing when the thread is not running.
    void run(const std::function<void()>& work) const;
    // Runs last (closing what was opened on the thread) there, then ends the thread and waits for
    // it. Nothing when it is not running.
    void stop(const std::function<void()>& last = {});

    // Calls done on receiver's thread, in the order of the calls: how a worker answers its caller.
    template <typename Done>
    static void answer(QObject* receiver, Done done)
    {
        QMetaObject::invokeMethod(receiver, std::move(done), Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    QThread::Priority m_priority;
    QObject* m_context = nullptr;
};
