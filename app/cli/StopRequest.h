// Ends a long-running command cleanly on Ctrl+C or SIGTERM: the event loop quits, so files are
// flushed and closed instead of cut off.
#pragma once

#include <QObject>
#include <QTimer>

class StopRequest : public QObject
{
    Q_OBJECT

public:
    explicit StopRequest(QObject* parent = nullptr);

signals:
    void requested();

private:
    QTimer m_poll;
};
