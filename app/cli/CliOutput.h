#pragma once

#include "ExitCode.h"
#include "util/Result.h"

#include <QString>

namespace cardlink::cli {

// stdout lines, flushed at once so a pipe (or a test reading the process)
// sees each event when it happens.
void printLine(const QString& line);
void printText(const QString& text);

// "cardlink-cli: <message>" on stderr, one line; returns `code` as an int
// for `return fail(...)` from a command.
int fail(ExitCode code, const QString& message);
// The same for an Error, with a plain sentence for the failures people meet
// every day (pcscd not running, no reader, no card).
int fail(const Error& error);

} // namespace cardlink::cli
