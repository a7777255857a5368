#pragma once

#include "util/Result.h"

#include <QCommandLineOption>
#include <QString>

#include <string>

namespace cardlink::cli {

// Turns `--reader` into a reader name. `spec` is an index as listed by
// `cardlink-cli readers` ("0"), or a full reader name. An empty spec picks
// the first reader with a card in it.
//
// Errors: NoService (pcscd down), NoReaders, NotFound (no such index or
// name), CardRemoved (empty spec and no reader holds a card).
Result<std::string> selectReader(const QString& spec);

// The `--reader N` / `-r N` option every card command takes, for selectReader().
QCommandLineOption readerOption();

} // namespace cardlink::cli
