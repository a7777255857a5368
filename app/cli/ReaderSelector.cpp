#include "ReaderSelector.h"

#include "PcscContext.h"
#include "ReaderSnapshot.h"

namespace cardlink::cli {

Result<std::string> selectReader(const QString& spec)
{
    auto context = pcsc::PcscContext::establish();
    if (!context)
        return context.error();
    auto readers = pcsc::takeReaderSnapshot(*context);
    if (!readers)
        return readers.error();
    if (readers->empty())
        return makeError(ErrorCode::NoReaders, "no smart card reader found");

    if (spec.isEmpty()) {
        for (const auto& reader : *readers) {
            if (reader.cardPresent)
                return reader.name;
        }
        return makeError(ErrorCode::CardRemoved, "no card in any reader");
    }

    bool isIndex = false;
    const int index = spec.toInt(&isIndex);
    if (isIndex) {
        if (index < 0 || static_cast<std::size_t>(index) >= readers->size())
            return makeError(ErrorCode::NotFound,
                             "no reader " + spec.toStdString() + " (there are " +
                                 std::to_string(readers->size()) + "; see 'cardlink-cli readers')");
        return (*readers)[static_cast<std::size_t>(index)].name;
    }
    const std::string name = spec.toStdString();
    for (const auto& reader : *readers) {
        if (reader.name == name)
            return reader.name;
    }
    return makeError(ErrorCode::NotFound,
                     "no reader named '" + name + "' (see 'cardlink-cli readers')");
}

QCommandLineOption readerOption()
{
    return QCommandLineOption({QStringLiteral("r"), QStringLiteral("reader")},
                              QStringLiteral("Reader index (as listed by 'readers') or name. "
                                             "Default: the first reader with a card."),
                              QStringLiteral("N"));
}

} // namespace cardlink::cli
