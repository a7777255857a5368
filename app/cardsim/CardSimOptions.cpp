#include "CardSimOptions.h"

#include <QCommandLineParser>

namespace cardlink::cardsim {

namespace {
const QString kHashPin = QStringLiteral("hash-pin");

Result<int> milliseconds(const QCommandLineParser& parser, const QString& name, int min)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > CardSimOptions::kMaxMilliseconds)
        return makeError(ErrorCode::InvalidArgument,
                         "--" + name.toStdString() + " must be a number of milliseconds from " +
                             std::to_string(min) + " to " +
                             std::to_string(CardSimOptions::kMaxMilliseconds));
    return value;
}
} // namespace

Result<CardSimOptions> CardSimOptions::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "A simulated smart card for vsmartcard's virtual reader (vpcd): connects to vpcd's\n"
        "TCP port (connect = card inserted, close = removed) and answers as the card\n"
        "described by a JSON profile (docs/card-profile.md).\n"
        "Prints \"cardsim: inserted\" / \"cardsim: removed\" on stdout. SIGUSR1 removes the\n"
        "card, SIGUSR2 inserts it again; SIGTERM/SIGINT exit with status 0.\n"
        "\"cardlink-cardsim hash-pin\" reads a PIN on stdin and prints the profile's\n"
        "salt and hash for it.");
    parser.addHelpOption();
    parser.addPositionalArgument("command", "hash-pin: make the PIN hash for a profile",
                                 "[hash-pin]");
    const QString host("host"), port("port"), profile("profile"), delay("delay-ms"),
        removeAfter("remove-after"), reinsertAfter("reinsert-after"),
        connectTimeout("connect-timeout"), verbose("verbose");
    parser.addOptions({
        {host, "vpcd's host (default 127.0.0.1).", "address", "127.0.0.1"},
        {port, "vpcd's TCP port (default 35963).", "port", QString::number(kDefaultPort)},
        {profile, "The card profile (JSON).", "file"},
        {delay, "Delay every APDU response by N ms.", "N", "0"},
        {removeAfter, "Remove the card once, MS ms after it is first inserted.", "MS"},
        {reinsertAfter,
         "Insert the card again MS ms after each removal by SIGUSR1 or "
         "--remove-after.",
         "MS"},
        {connectTimeout,
         "Give up connecting to vpcd after MS ms (retries every 100 ms; "
         "default 10000).",
         "MS", QString::number(kDefaultConnectTimeoutMs)},
        {verbose, "Log every exchange to stderr (PIN data masked)."},
    });

    CardSimOptions options;
    if (!parser.parse(QStringList{"cardlink-cardsim"} + arguments))
        return makeError(ErrorCode::InvalidArgument, parser.errorText().toStdString());
    if (parser.isSet("help")) {
        options.mode = Mode::Help;
        options.helpText = parser.helpText().toStdString();
        return options;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && positional.front() != kHashPin))
        return makeError(ErrorCode::InvalidArgument,
                         "unexpected argument \"" + positional.back().toStdString() + "\"");
    if (positional.size() == 1) {
        options.mode = Mode::HashPin;
        return options;
    }

    if (!parser.isSet(profile))
        return makeError(ErrorCode::InvalidArgument, "--profile FILE is required");
    options.profilePath = parser.value(profile).toStdString();
    options.host = parser.value(host).toStdString();
    if (options.host.empty())
        return makeError(ErrorCode::InvalidArgument, "--host must not be empty");
    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue == 0 || portValue > 0xFFFF)
        return makeError(ErrorCode::InvalidArgument, "--port must be 1..65535");
    options.port = static_cast<std::uint16_t>(portValue);

    auto delayValue = milliseconds(parser, delay, 0);
    if (!delayValue)
        return delayValue.error();
    options.delayMs = *delayValue;
    auto timeout = milliseconds(parser, connectTimeout, 0);
    if (!timeout)
        return timeout.error();
    options.connectTimeoutMs = *timeout;
    if (parser.isSet(removeAfter)) {
        auto value = milliseconds(parser, removeAfter, 0);
        if (!value)
            return value.error();
        options.removeAfterMs = *value;
    }
    if (parser.isSet(reinsertAfter)) {
        auto value = milliseconds(parser, reinsertAfter, 0);
        if (!value)
            return value.error();
        options.reinsertAfterMs = *value;
    }
    options.verbose = parser.isSet(verbose);
    return options;
}

} // namespace cardlink::cardsim
