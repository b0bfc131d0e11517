// The error half of a Result: what went wrong, as a kind for code and a sentence for people.
#pragma once

#include <QString>

class Error
{
public:
    // Kinds map onto the CLI's exit codes (formats/cli.md): usage, unusable input and missing
    // devices are 2, a failure of the work itself is 1.
    enum class Kind {
        Usage,  // the caller asked for something malformed (unknown option, bad value)
        Input,  // a file or value the caller gave cannot be used (missing, corrupt, unwritable)
        Device, // hardware that is needed is absent or refuses (no adapter, no camera)
        Failed, // the work was attempted and did not succeed (disk full, write error)
    };

    Error(Kind kind, QString message) : m_kind(kind), m_message(std::move(message)) {}
    // For Qt's meta-type system (queued signals, QVariant); not for reporting.
    Error() = default;

    Kind kind() const { return m_kind; }
    // One translated sentence a receptionist or official can act on.
    const QString& message() const { return m_message; }
    int exitCode() const { return m_kind == Kind::Failed ? 1 : 2; }

private:
    Kind m_kind = Kind::Failed;
    QString m_message;
};
