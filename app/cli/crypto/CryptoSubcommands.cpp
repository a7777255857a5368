#include "crypto/CryptoSubcommands.h"

#include "crypto/ArpcCommand.h"
#include "crypto/ArqcCommand.h"
#include "crypto/DukptCommand.h"
#include "crypto/IccMkCommand.h"
#include "crypto/KcvCommand.h"
#include "crypto/MacCommand.h"
#include "crypto/PinBlockCommand.h"
#include "crypto/SessionKeyCommand.h"

namespace cardlink::cli {

std::vector<std::unique_ptr<CryptoSubcommand>> makeCryptoSubcommands()
{
    std::vector<std::unique_ptr<CryptoSubcommand>> list;
    list.push_back(std::make_unique<KcvCommand>());
    list.push_back(std::make_unique<IccMkCommand>());
    list.push_back(std::make_unique<SessionKeyCommand>());
    list.push_back(std::make_unique<MacCommand>());
    list.push_back(std::make_unique<ArqcCommand>());
    list.push_back(std::make_unique<ArpcCommand>());
    list.push_back(std::make_unique<PinBlockCommand>());
    list.push_back(std::make_unique<DukptCommand>());
    return list;
}

} // namespace cardlink::cli
