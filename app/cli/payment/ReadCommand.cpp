#include "payment/ReadCommand.h"

#include "CliOutput.h"
#include "PcscCardChannel.h"
#include "ReaderSelector.h"
#include "emv/ApplicationSelection.h"
#include "emv/CardCommands.h"
#include "emv/KernelSupport.h"
#include "emv/ProcessingOptions.h"
#include "emv/RecordReader.h"
#include "emv/SystemRandom.h"
#include "iso7816/ApduTrace.h"
#include "iso7816/TracingChannel.h"
#include "iso7816/TransportChannel.h"
#include "payment/ConsoleCardholder.h"
#include "payment/EmvText.h"
#include "payment/ReadOnlyChannel.h"
#include "payment/TerminalSetup.h"
#include "tlv/TlvParser.h"

namespace cardlink::cli {

namespace {
QString hexText(ByteView bytes)
{
    return QString::fromStdString(toHex(bytes));
}

// GET DATA of a one- or two-byte counter (9F17, 9F36); empty when the card
// does not give it.
QString counterText(iso7816::CardChannel& card, tlv::Tag tag, Result<void>& transport)
{
    auto response = card.transmit(emv::commands::getData(tag));
    if (!response) {
        transport = response.error();
        return {};
    }
    if (!response->isSuccess())
        return QStringLiteral("not available (%1)")
            .arg(response->sw, 4, 16, QLatin1Char('0'))
            .toUpper();
    // The answer is the data object itself: tag, length, value (Book 3, 6.5.7).
    emv::TransactionData found;
    auto objects = tlv::parse(response->data);
    if (!objects || !found.storeCardObjects(*objects, false) || !found.getUnsigned(tag))
        return QStringLiteral("not available (malformed answer %1)").arg(hexText(response->data));
    return QString::number(*found.getUnsigned(tag));
}

int cardDataError(const Error& error)
{
    if (emv::isCardDataError(error))
        return fail(
            ExitCode::CardError,
            QStringLiteral("read: card error: %1").arg(QString::fromStdString(error.describe())));
    return fail(error);
}
} // namespace

int ReadCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption reader = readerOption();
    const QCommandLineOption aid(
        QStringLiteral("aid"),
        QStringLiteral("Read this application (AID or its beginning, hex). Default: the first "
                       "in priority order."),
        QStringLiteral("HEX"));
    const QCommandLineOption terminalConfig(
        QStringLiteral("terminal-config"),
        QStringLiteral("Terminal configuration (docs/terminal-config.md) with the AID list "
                       "for cards without a PSE. Default: the built-in demo configuration."),
        QStringLiteral("FILE"));
    const QCommandLineOption trace({QStringLiteral("t"), QStringLiteral("trace")},
                                   QStringLiteral("Print every APDU exchanged."));
    parser.addOptions({reader, aid, terminalConfig, trace});
    if (auto done =
            parse(parser, arguments,
                  QStringLiteral("[--reader N] [--aid HEX] [--terminal-config FILE] [--trace]"),
                  QStringLiteral(
                      "Shows the public data of an EMV payment card: its applications (from the\n"
                      "PSE directory or the terminal's AID list), and for the selected one the\n"
                      "masked PAN, the expiry date, the CVM list decoded, the offline data\n"
                      "authentication method (from the AIP), the PIN tries left (GET DATA 9F17)\n"
                      "and the transaction counter (GET DATA 9F36).\n\n"
                      "Safe with a real bank card: only SELECT, GET PROCESSING OPTIONS, READ\n"
                      "RECORD and GET DATA are sent; VERIFY, GENERATE AC, INTERNAL/EXTERNAL\n"
                      "AUTHENTICATE and issuer script commands are refused before they reach\n"
                      "the card. Note: GET PROCESSING OPTIONS is needed to read the records, and\n"
                      "some cards count it in their application transaction counter (ATC).")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));
    Bytes preferred;
    if (parser.isSet(aid)) {
        auto bytes = fromHex(parser.value(aid).toStdString());
        if (!bytes || bytes->empty() || bytes->size() > 16)
            return fail(ExitCode::BadInput,
                        QStringLiteral("read: --aid: expected 1..16 bytes of hex"));
        preferred = std::move(*bytes);
    }
    auto setup = TerminalSetup::load(parser.value(terminalConfig));
    if (!setup)
        return fail(ExitCode::BadInput,
                    QStringLiteral("read: %1").arg(QString::fromStdString(setup.error().message)));

    auto name = selectReader(parser.value(reader));
    if (!name)
        return fail(name.error());
    auto channel = pcsc::PcscCardChannel::open(*name);
    if (!channel)
        return fail(channel.error());

    iso7816::ApduTrace apduTrace;
    apduTrace.setListener([](const iso7816::ApduTraceEntry& entry) {
        printLine(QString::fromStdString(entry.format()));
    });
    iso7816::TracingChannel traced(**channel, apduTrace);
    iso7816::CardChannel& wire = parser.isSet(trace)
                                     ? static_cast<iso7816::CardChannel&>(traced)
                                     : static_cast<iso7816::CardChannel&>(**channel);
    iso7816::TransportChannel transport(wire);
    ReadOnlyChannel card(transport);

    printLine(QStringLiteral("Reader: ") + QString::fromStdString(*name));
    ConsoleCardholder cardholder(preferred, {});
    emv::ApplicationSelection selection(card, cardholder, setup->config);
    auto status = selection.buildCandidateList();
    if (!status)
        return cardDataError(status.error());
    if (*status == emv::SelectionStatus::CardBlocked)
        return fail(ExitCode::NotAccepted, QStringLiteral("read: the card is blocked (6A81)"));
    if (*status == emv::SelectionStatus::NoCommonApplication)
        return fail(ExitCode::NotAccepted,
                    QStringLiteral("read: no EMV application found (no PSE, and none of the "
                                   "terminal's AIDs)"));
    printLine(selection.usedPse() ? QStringLiteral("Applications (PSE):")
                                  : QStringLiteral("Applications (terminal AID list):"));
    for (const auto& candidate : selection.candidates()) {
        QString line = QStringLiteral("  %1  %2")
                           .arg(hexText(candidate.aid), QString::fromStdString(candidate.label));
        if (candidate.priority)
            line += QStringLiteral("  priority %1").arg(*candidate.priority);
        printLine(line);
    }

    emv::SelectedApplication app;
    auto selected = selection.selectNext(app);
    if (!selected)
        return cardDataError(selected.error());
    if (*selected == emv::SelectionStatus::Cancelled)
        return fail(ExitCode::NotAccepted,
                    QStringLiteral("read: no application %1 on the card").arg(hexText(preferred)));
    if (*selected != emv::SelectionStatus::Selected)
        return fail(ExitCode::NotAccepted,
                    QStringLiteral("read: no application could be selected (blocked: SELECT "
                                   "answered 6283, or an error)"));
    printLine(QStringLiteral("Selected: %1 %2")
                  .arg(hexText(app.dfName), QString::fromStdString(app.choice.label)));

    emv::SystemRandom random;
    emv::TransactionData data = emv::terminalDataObjects(setup->config, emv::TransactionRequest{},
                                                         SystemClock::instance(), random);
    emv::storeFciObjects(app, data);
    const auto pdol = data.get(0x9F38);
    auto options = emv::initiateApplicationProcessing(
        card, data, pdol ? Bytes(pdol->begin(), pdol->end()) : Bytes{});
    if (!options)
        return cardDataError(options.error());
    if (options->status == emv::GpoStatus::ConditionsNotSatisfied)
        return fail(ExitCode::NotAccepted,
                    QStringLiteral("read: GET PROCESSING OPTIONS: conditions of use not "
                                   "satisfied (6985)"));
    auto records = emv::readApplicationData(card, data, options->afl);
    if (!records)
        return cardDataError(records.error());

    printLine(QStringLiteral("PAN: ") + QString::fromStdString(emv::maskedPanOf(data)));
    if (const auto psn = data.get(0x5F34))
        printLine(QStringLiteral("PAN sequence number: ") + hexText(*psn));
    if (const auto expiry = data.get(0x5F24))
        printLine(QStringLiteral("Expiry: ") + expiryText(*expiry));
    if (const auto effective = data.get(0x5F25))
        printLine(QStringLiteral("Effective: ") + expiryText(*effective));
    printLine(QStringLiteral("Offline data authentication: ") + odaSupportText(options->aip));
    if (const auto cvm = data.get(0x8E)) {
        printLine(QStringLiteral("CVM list:"));
        for (const auto& line : cvmListLines(*cvm))
            printLine(QStringLiteral("  ") + line);
    } else {
        printLine(QStringLiteral("CVM list: none (the card does not support cardholder "
                                 "verification)"));
    }

    Result<void> transportError{};
    const QString tries = counterText(card, 0x9F17, transportError);
    if (!transportError)
        return fail(transportError.error());
    printLine(QStringLiteral("PIN tries left: ") + tries);
    const QString atc = counterText(card, 0x9F36, transportError);
    if (!transportError)
        return fail(transportError.error());
    printLine(QStringLiteral("ATC: ") + atc);
    printLine(QStringLiteral("Records read: %1").arg(records->recordCount));
    return 0;
}

} // namespace cardlink::cli
