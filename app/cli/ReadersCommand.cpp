#include "ReadersCommand.h"

#include "CliOutput.h"
#include "PcscContext.h"
#include "ReaderSnapshot.h"
#include "util/Bytes.h"

namespace cardlink::cli {

int ReadersCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (auto done = parse(
            parser, arguments, QString(),
            QStringLiteral("Lists the PC/SC readers, numbered as --reader takes them, with the\n"
                           "ATR of the card in each.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));

    auto context = pcsc::PcscContext::establish();
    if (!context)
        return fail(context.error());
    auto readers = pcsc::takeReaderSnapshot(*context);
    if (!readers)
        return fail(readers.error());
    if (readers->empty())
        return fail(makeError(ErrorCode::NoReaders, {}));

    int index = 0;
    for (const auto& reader : *readers) {
        const QString state =
            reader.cardPresent
                ? QStringLiteral("card: %1").arg(QString::fromStdString(toSpacedHex(reader.atr)))
                : QStringLiteral("no card");
        printLine(QStringLiteral("%1: %2 (%3)")
                      .arg(index++)
                      .arg(QString::fromStdString(reader.name), state));
    }
    return 0;
}

} // namespace cardlink::cli
