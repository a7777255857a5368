#include "AtrCommand.h"

#include "CliOutput.h"
#include "PcscCardChannel.h"
#include "ReaderSelector.h"
#include "iso7816/Atr.h"
#include "util/Bytes.h"

namespace cardlink::cli {

namespace {

// Prints the decoding, or fails with exit code 3 for an ATR that breaks
// ISO/IEC 7816-3:2006, 8.2.
int printDecoded(const Bytes& atr)
{
    auto decoded = iso7816::Atr::parse(atr);
    if (!decoded) {
        // Atr's messages start with their own reason ("truncated: ...").
        return fail(ExitCode::BadInput, QStringLiteral("atr: not a valid ATR (%1): %2")
                                            .arg(QString::fromStdString(toSpacedHex(atr)),
                                                 QString::fromStdString(decoded.error().message)));
    }
    // describe() starts with the "ATR: 3B ..." line.
    QString text = QString::fromStdString(decoded->describe());
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    printText(text);
    return 0;
}

} // namespace

int AtrCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption reader = readerOption();
    parser.addOption(reader);
    if (auto done =
            parse(parser, arguments, QStringLiteral("[--reader N] | HEX"),
                  QStringLiteral(
                      "Shows the ATR of the card in a reader and decodes it (ISO/IEC 7816-3).\n"
                      "With HEX, decodes that ATR instead; spaces between "
                      "bytes are allowed.")))
        return *done;

    const QStringList hex = parser.positionalArguments();
    if (!hex.isEmpty() && parser.isSet(reader))
        return usageError(QStringLiteral("give either --reader or an ATR in hex, not both"));
    if (!hex.isEmpty())
        return decodeGiven(hex.join(QLatin1Char(' ')));
    return readFromCard(parser.value(reader));
}

int AtrCommand::decodeGiven(const QString& hex)
{
    auto bytes = fromHex(hex.toStdString());
    if (!bytes)
        return fail(ExitCode::BadInput,
                    QStringLiteral("atr: '%1' is not hex: %2")
                        .arg(hex, QString::fromStdString(bytes.error().describe())));
    return printDecoded(*bytes);
}

int AtrCommand::readFromCard(const QString& readerSpec)
{
    auto name = selectReader(readerSpec);
    if (!name)
        return fail(name.error());
    auto channel = pcsc::PcscCardChannel::open(*name);
    if (!channel)
        return fail(channel.error());
    printLine(QStringLiteral("Reader: ") + QString::fromStdString(*name));
    printLine(QStringLiteral("Protocol: ") +
              QString::fromLatin1(pcsc::protocolName((*channel)->protocol())));
    return printDecoded((*channel)->atr());
}

} // namespace cardlink::cli
