#include "payment/PayCommand.h"

#include "CliOutput.h"
#include "ReaderSelector.h"
#include "emv/TerminalActionAnalysis.h"
#include "payment/ConsoleCardholder.h"
#include "payment/EmvText.h"
#include "payment/PaymentRunner.h"
#include "payment/PinReader.h"
#include "payment/TerminalSetup.h"
#include "payment/online/OnlineBackends.h"

namespace cardlink::cli {

namespace {
QString hexText(ByteView bytes)
{
    return QString::fromStdString(toHex(bytes));
}

// Book 3, 6.5.5.4, table 14: CID b8-b7.
QString cryptogramText(std::uint8_t cid)
{
    switch (cid & 0xC0) {
    case 0x00:
        return QStringLiteral("AAC");
    case 0x40:
        return QStringLiteral("TC");
    case 0x80:
        return QStringLiteral("ARQC");
    default:
        return QStringLiteral("RFU");
    }
}

ExitCode exitCodeOf(const emv::TransactionOutcome& outcome)
{
    using emv::OutcomeKind;
    switch (outcome.kind) {
    case OutcomeKind::ApprovedOffline:
    case OutcomeKind::ApprovedOnline:
        return ExitCode::Ok;
    case OutcomeKind::GoOnlineFailed:
        return outcome.approved ? ExitCode::Ok : ExitCode::Declined;
    case OutcomeKind::Declined:
        return ExitCode::Declined;
    case OutcomeKind::Cancelled:
        return ExitCode::Cancelled;
    case OutcomeKind::CardBlocked:
    case OutcomeKind::NotAccepted:
        return ExitCode::NotAccepted;
    case OutcomeKind::CardError:
        return ExitCode::CardError;
    }
    return ExitCode::Internal;
}

void printOutcome(const emv::TransactionOutcome& outcome, std::uint64_t amount,
                  const emv::TerminalConfig& config)
{
    const auto& data = outcome.data;
    printLine(QStringLiteral("Outcome: ") + outcomeText(outcome));
    printLine(QStringLiteral("Reason: ") + QString::fromStdString(outcome.reason));
    if (!outcome.action.empty())
        printLine(QStringLiteral("Action: ") + QString::fromStdString(outcome.action));
    printLine(QStringLiteral("Amount: %1 %2")
                  .arg(amountText(amount, config.currencyExponent),
                       QString::fromStdString(config.currencyAlpha)));
    if (!outcome.maskedPan.empty())
        printLine(QStringLiteral("PAN: ") + QString::fromStdString(outcome.maskedPan));
    if (!outcome.aid.empty())
        printLine(QStringLiteral("AID: ") + hexText(outcome.aid));
    if (!outcome.label.empty())
        printLine(QStringLiteral("Label: ") + QString::fromStdString(outcome.label));
    QString tvr = QStringLiteral("TVR: ") + hexText(outcome.tvr.toBytes());
    const auto bits = outcome.tvr.describe();
    for (std::size_t i = 0; i < bits.size(); ++i)
        tvr += (i == 0 ? QStringLiteral(" (") : QStringLiteral(", ")) +
               QString::fromStdString(bits[i]) + (i + 1 == bits.size() ? ")" : "");
    printLine(tvr);
    printLine(QStringLiteral("TSI: ") + hexText(outcome.tsi.toBytes()));
    if (const auto cvm = data.get(0x9F34))
        printLine(QStringLiteral("CVM results: ") + hexText(*cvm));
    if (const auto cid = data.get(0x9F27); cid && cid->size() == 1) {
        const auto ac = data.get(0x9F26);
        printLine(QStringLiteral("Cryptogram: %1 %2")
                      .arg(cryptogramText((*cid)[0]), ac ? hexText(*ac) : QString()));
    }
    if (const auto atc = data.get(0x9F36))
        printLine(QStringLiteral("ATC: ") + hexText(*atc));
    if (const auto arc = data.get(0x8A); arc && arc->size() == 2)
        printLine(QStringLiteral("ARC: %1 (%2)")
                      .arg(QString::fromLatin1(reinterpret_cast<const char*>(arc->data()), 2),
                           hexText(*arc)));
    if (const auto code = data.get(0x89))
        printLine(QStringLiteral("Authorisation code: ") +
                  QString::fromLatin1(reinterpret_cast<const char*>(code->data()),
                                      static_cast<qsizetype>(code->size())));
    if (outcome.tsi.test(emv::TsiBit::IssuerAuthenticationPerformed))
        printLine(QStringLiteral("Issuer authentication: ") +
                  (outcome.tvr.test(emv::TvrBit::IssuerAuthenticationFailed)
                       ? QStringLiteral("failed")
                       : QStringLiteral("ok")));
    printLine(QStringLiteral("Signature required: ") +
              (outcome.signatureRequired ? QStringLiteral("yes") : QStringLiteral("no")));
}
} // namespace

int PayCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption reader = readerOption();
    const QCommandLineOption terminalConfig(
        QStringLiteral("terminal-config"),
        QStringLiteral("Terminal configuration (docs/terminal-config.md). Default: the "
                       "built-in resources/terminal/terminal-demo.json."),
        QStringLiteral("FILE"));
    const QCommandLineOption caKeys(
        QStringLiteral("ca-keys"),
        QStringLiteral("CA public keys (docs/ca-keys.md). Default: the configuration's "
                       "caKeyFile."),
        QStringLiteral("FILE"));
    const QCommandLineOption online(QStringLiteral("online"),
                                    QStringLiteral("Who answers an online request (below)."),
                                    QStringLiteral("SPEC"), QStringLiteral("offline"));
    const QCommandLineOption host(
        QStringLiteral("host"),
        QStringLiteral("Go online to cardlink-host with this terminal bundle (the same as "
                       "--online host:BUNDLE)."),
        QStringLiteral("BUNDLE"));
    const QCommandLineOption aid(
        QStringLiteral("aid"),
        QStringLiteral("Use this application (AID or its beginning, hex). Default: the first "
                       "in priority order."),
        QStringLiteral("HEX"));
    const QCommandLineOption pinFd(QStringLiteral("pin-fd"),
                                   QStringLiteral("Read PINs from this open file descriptor."),
                                   QStringLiteral("N"));
    const QCommandLineOption pinFile(
        QStringLiteral("pin-file"),
        QStringLiteral("Read PINs from this file or FIFO (one per line)."), QStringLiteral("FILE"));
    const QCommandLineOption forceOnline(
        QStringLiteral("force-online"),
        QStringLiteral("Merchant forces the transaction online (TVR byte 4 bit 4)."));
    const QCommandLineOption trace({QStringLiteral("t"), QStringLiteral("trace")},
                                   QStringLiteral("Print every APDU (VERIFY data as **)."));
    parser.addOptions(
        {reader, terminalConfig, caKeys, online, host, aid, pinFd, pinFile, forceOnline, trace});
    if (auto done =
            parse(parser, arguments,
                  QStringLiteral(
                      "AMOUNT [--reader N] [--terminal-config FILE] [--ca-keys FILE] "
                      "[--online SPEC | --host BUNDLE] [--aid HEX] [--pin-fd N | --pin-file FILE]"),
                  QStringLiteral(
                      "Runs an EMV payment of AMOUNT (\"12.34\", in the terminal's currency) with\n"
                      "the card in the reader: application selection, GET PROCESSING OPTIONS,\n"
                      "records, offline data authentication, processing restrictions, cardholder\n"
                      "verification, risk management, GENERATE AC, online authorisation, issuer\n"
                      "authentication and scripts (EMV 4.4 Books 1-4). The card counts the\n"
                      "transaction (ATC) and a wrong PIN costs a PIN try.\n\n"
                      "PIN: read from stdin, one PIN per line, or from --pin-fd / --pin-file;\n"
                      "never from the command line. On a terminal it is asked for without echo.\n"
                      "No PIN (end of input) cancels the transaction. The application is chosen\n"
                      "automatically (or by --aid) and the amount needs no confirmation.\n\n"
                      "--online SPEC:\n") +
                      onlineBackendsHelp() +
                      QStringLiteral(
                          "\nPrints Outcome, Reason, Amount, PAN (masked), AID, Label, TVR, TSI,\n"
                          "CVM results, Cryptogram, ATC, ARC, Issuer authentication, Signature\n"
                          "required. Exit codes: 0 approved, 10 declined, 11 cancelled, 12 card\n"
                          "not accepted, 13 card error, 6 card removed, 2 bad command line.")))
        return *done;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(positional.isEmpty() ? QStringLiteral("no AMOUNT given")
                                               : QStringLiteral("give one AMOUNT"));
    if (parser.isSet(pinFd) && parser.isSet(pinFile))
        return usageError(QStringLiteral("give --pin-fd or --pin-file, not both"));
    int fd = -1;
    if (parser.isSet(pinFd)) {
        bool ok = false;
        fd = parser.value(pinFd).toInt(&ok);
        if (!ok || fd < 0)
            return usageError(QStringLiteral("--pin-fd wants a file descriptor number"));
    }
    Bytes preferred;
    if (parser.isSet(aid)) {
        auto bytes = fromHex(parser.value(aid).toStdString());
        if (!bytes || bytes->empty() || bytes->size() > 16)
            return fail(ExitCode::BadInput, QStringLiteral("pay: --aid: expected 1..16 bytes "
                                                           "of hex"));
        preferred = std::move(*bytes);
    }

    auto setup = TerminalSetup::load(parser.value(terminalConfig));
    if (!setup)
        return fail(ExitCode::BadInput,
                    QStringLiteral("pay: %1").arg(QString::fromStdString(setup.error().message)));
    std::uint64_t amount = 0;
    if (!parseAmount(positional.constFirst(), setup->config.currencyExponent, amount))
        return usageError(QStringLiteral("the amount '%1' is not an amount with at most %2 "
                                         "decimals")
                              .arg(positional.constFirst())
                              .arg(setup->config.currencyExponent));
    if (parser.isSet(host) && parser.isSet(online))
        return usageError(QStringLiteral("give --host or --online, not both"));
    auto authorizer = makeOnlineAuthorizer(
        parser.isSet(host) ? QStringLiteral("host:") + parser.value(host) : parser.value(online));
    if (!authorizer) {
        if (authorizer.error().code == ErrorCode::InvalidArgument)
            return usageError(QString::fromStdString(authorizer.error().message));
        return fail(ExitCode::BadInput,
                    QStringLiteral("pay: --online: %1")
                        .arg(QString::fromStdString(authorizer.error().message)));
    }
    auto keys = setup->loadCaKeys(parser.value(caKeys));
    if (!keys)
        return fail(ExitCode::BadInput,
                    QStringLiteral("pay: %1").arg(QString::fromStdString(keys.error().message)));
    auto pins = PinReader::open(parser.value(pinFile), fd);
    if (!pins)
        return fail(ExitCode::BadInput,
                    QStringLiteral("pay: %1").arg(QString::fromStdString(pins.error().message)));

    auto name = selectReader(parser.value(reader));
    if (!name)
        return fail(name.error());

    ConsoleCardholder cardholder(
        preferred, [&pins](const emv::PinRequest& request) { return pins->next(request); });
    PaymentSession session;
    session.reader = *name;
    session.config = setup->config;
    session.caKeys = &*keys;
    session.online = std::move(*authorizer);
    session.cardholder = &cardholder;
    session.trace = parser.isSet(trace);
    emv::TransactionRequest request;
    request.amount = amount;
    request.forceOnline = parser.isSet(forceOnline);

    auto outcome = runPayment(session, request);
    if (!outcome) {
        if (outcome.error().code == ErrorCode::CardRemoved)
            return fail(ExitCode::NoCard,
                        QStringLiteral("pay: card error: the card was removed during the "
                                       "transaction (%1)")
                            .arg(QString::fromStdString(outcome.error().message)));
        return fail(outcome.error());
    }
    printOutcome(*outcome, amount, setup->config);
    return static_cast<int>(exitCodeOf(*outcome));
}

} // namespace cardlink::cli
