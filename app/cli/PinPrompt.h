// Reads a PIN from standard input for `account add` and `account pin`: typed at a terminal, it is
// asked twice with the echo off (a PIN on screen is a PIN seen); from a pipe or a file, one line.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QTextStream>

class PinPrompt
{
    Q_DECLARE_TR_FUNCTIONS(PinPrompt)

public:
    // prompts go to err; the PIN never appears anywhere but in the returned value.
    [[nodiscard]] static Result<QString> read(QTextStream& err);
    // A PIN that is checked, not set (an administrator's, to allow a change): asked once, with
    // prompt, the echo off at a terminal; one line from a pipe or a file.
    // A password for the province's console (`central add-official`): as read(), asked twice at a
    // terminal, but kept as typed (spaces are a password's too).
    [[nodiscard]] static Result<QString> readPassword(QTextStream& err, int minimumLength);
    [[nodiscard]] static Result<QString> readOnce(QTextStream& err, const QString& prompt);
};
