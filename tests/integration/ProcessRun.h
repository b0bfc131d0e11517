// Runs one of Gatehouse's executables as a user would and keeps what it said: the integration
// tests' one way to start a process.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>

#include <functional>

struct ProcessRun
{
    int exitCode = -1; // -1 when it crashed or did not finish
    QProcess::ExitStatus status = QProcess::CrashExit;
    QByteArray out;
    QString err;

    // stdout as JSON lines (formats/cli.md: one object a line).
    QList<QJsonObject> jsonLines() const
    {
        QList<QJsonObject> objects;
        for (const QByteArray& line : out.split('\n')) {
            if (!line.isEmpty())
                objects.append(QJsonDocument::fromJson(line).object());
        }
        return objects;
    }

    // input: what the process reads on its standard input (closed after it), as a pipe would give it.
    // inChild: run in the child before the program starts (a umask, a resource limit).
    static ProcessRun start(const QString& program, const QStringList& arguments,
                            const QProcessEnvironment& environment = QProcessEnvironment(),
                            const QByteArray& input = QByteArray(), const std::function<void()>& inChild = {})
    {
        QProcess process;
        if (!environment.isEmpty())
            process.setProcessEnvironment(environment);
        if (inChild)
            process.setChildProcessModifier(inChild);
        process.start(program, arguments);
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        ProcessRun result;
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.status = process.exitStatus();
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }
};
