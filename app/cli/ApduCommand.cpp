#include "ApduCommand.h"

#include "CliOutput.h"
#include "PcscCardChannel.h"
#include "ReaderSelector.h"
#include "iso7816/ApduTrace.h"
#include "iso7816/StatusWord.h"
#include "iso7816/TracingChannel.h"
#include "iso7816/TransportChannel.h"
#include "util/Bytes.h"

#include <cstdio>
#include <vector>

namespace cardlink::cli {

namespace {

using iso7816::CommandApdu;

// A command line may carry a PIN (VERIFY): the parsed commands are wiped
// whatever way run() ends.
struct Commands
{
    std::vector<CommandApdu> list;
    ~Commands()
    {
        for (auto& command : list)
            secureWipe(command.data);
    }
};

bool isError(std::uint16_t sw)
{
    const auto category = iso7816::categorize(sw);
    return category == iso7816::StatusCategory::ExecutionError ||
           category == iso7816::StatusCategory::CheckingError;
}

void printResponse(const iso7816::ResponseApdu& response)
{
    char sw[8];
    std::snprintf(sw, sizeof sw, "%04X", static_cast<unsigned>(response.sw));
    printLine(QStringLiteral("< ") + QString::fromStdString(toSpacedHex(response.encode())));
    printLine(QStringLiteral("  %1: %2")
                  .arg(QString::fromLatin1(sw),
                       QString::fromStdString(iso7816::describeStatusWord(response.sw))));
}

} // namespace

int ApduCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption reader = readerOption();
    const QCommandLineOption trace(
        {QStringLiteral("t"), QStringLiteral("trace")},
        QStringLiteral("Print the APDU trace: every exchange on the wire, GET RESPONSE "
                       "included, with timings (PIN data shown as **)."));
    const QCommandLineOption exclusive(QStringLiteral("exclusive"),
                                       QStringLiteral("Connect in exclusive mode."));
    parser.addOptions({reader, trace, exclusive});
    if (auto done =
            parse(parser, arguments, QStringLiteral("[--reader N] [--trace] [--exclusive] HEX..."),
                  QStringLiteral(
                      "Sends each command APDU (one hex argument each, e.g.\n"
                      "00A4040007A000000003101000) to the card and prints the response and\n"
                      "the meaning of its status word. 61xx and 6Cxx are handled (GET RESPONSE,\n"
                      "resend with the right Le). The commands are sent in order, all of them\n"
                      "even if the card rejects one (exit code 9 then).")))
        return *done;

    const QStringList hex = parser.positionalArguments();
    if (hex.isEmpty())
        return usageError(QStringLiteral("no APDU given"));

    Commands commands;
    for (qsizetype i = 0; i < hex.size(); ++i) {
        // The argument itself is not echoed: it may be a VERIFY with a PIN.
        auto bytes = fromHex(hex[i].toStdString());
        if (!bytes)
            return fail(ExitCode::BadInput,
                        QStringLiteral("apdu: argument %1 is not hex: %2")
                            .arg(i + 1)
                            .arg(QString::fromStdString(bytes.error().describe())));
        auto command = CommandApdu::parse(*bytes);
        secureWipe(*bytes);
        if (!command)
            return fail(ExitCode::BadInput,
                        QStringLiteral("apdu: argument %1 is not a command APDU: %2")
                            .arg(i + 1)
                            .arg(QString::fromStdString(command.error().describe())));
        commands.list.push_back(std::move(command).value());
    }

    auto name = selectReader(parser.value(reader));
    if (!name)
        return fail(name.error());
    auto card = pcsc::PcscCardChannel::open(
        *name, parser.isSet(exclusive) ? pcsc::ShareMode::Exclusive : pcsc::ShareMode::Shared);
    if (!card)
        return fail(card.error());

    // The trace sits under the transport rules, so it shows each GET
    // RESPONSE as it crossed the wire.
    iso7816::ApduTrace apduTrace;
    apduTrace.setListener([](const iso7816::ApduTraceEntry& entry) {
        printLine(QString::fromStdString(entry.format()));
    });
    iso7816::TracingChannel traced(**card, apduTrace);
    iso7816::CardChannel& wire = parser.isSet(trace) ? static_cast<iso7816::CardChannel&>(traced)
                                                     : static_cast<iso7816::CardChannel&>(**card);
    iso7816::TransportChannel transport(wire);

    int rejected = 0;
    for (const auto& command : commands.list) {
        auto response = transport.transmit(command);
        if (!response)
            return fail(response.error());
        printResponse(*response);
        if (isError(response->sw))
            ++rejected;
    }
    if (rejected > 0)
        return fail(ExitCode::CardStatus,
                    QStringLiteral("apdu: the card rejected %1 of %2 commands")
                        .arg(rejected)
                        .arg(commands.list.size()));
    return 0;
}

} // namespace cardlink::cli
