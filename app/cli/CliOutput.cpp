#include "CliOutput.h"

#include <cstdio>

namespace cardlink::cli {

void printLine(const QString& line)
{
    printText(line + QLatin1Char('\n'));
}

void printText(const QString& text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

int fail(ExitCode code, const QString& message)
{
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QByteArray bytes = ("cardlink-cli: " + line + '\n').toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stderr);
    std::fflush(stderr);
    return static_cast<int>(code);
}

int fail(const Error& error)
{
    const ExitCode code = exitCodeFor(error.code);
    switch (error.code) {
    case ErrorCode::NoService:
        return fail(code, QStringLiteral("pcscd is not running"));
    case ErrorCode::NoReaders:
        return fail(code, QStringLiteral("no smart card reader found"));
    default:
        return fail(code, QString::fromStdString(error.describe()));
    }
}

} // namespace cardlink::cli
