#include "CryptoSubcommand.h"

#include "CliOutput.h"
#include "util/Bytes.h"

namespace cardlink::cli {

int CryptoSubcommand::badInput(const QString& message) const
{
    return fail(ExitCode::BadInput, QStringLiteral("%1: %2").arg(name(), message));
}

int CryptoSubcommand::badInput(const Error& error) const
{
    // Our own parsers' messages are sentences for the user; core's carry the
    // error kind in front ("invalid argument: ..."), which helps too.
    return badInput(QString::fromStdString(error.code == ErrorCode::InvalidArgument ||
                                                   error.code == ErrorCode::Malformed
                                               ? error.message
                                               : error.describe()));
}

int CryptoSubcommand::printHex(ByteView bytes) const
{
    printLine(QString::fromStdString(toHex(bytes)));
    return 0;
}

} // namespace cardlink::cli
