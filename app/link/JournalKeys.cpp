#include "JournalKeys.h"

#include "TerminalBundle.h"
#include "crypto/Hmac.h"

namespace cardlink::link {

namespace {
Result<pin::SecretBytes> derive(const TerminalBundle& bundle, std::string_view label)
{
    if (bundle.initialKey.empty())
        return makeError(ErrorCode::InvalidArgument, "journal keys: the bundle has no initial key");
    auto key =
        crypto::hmac(crypto::HashAlgorithm::Sha256, bundle.initialKey.view(),
                     {ByteView(reinterpret_cast<const std::uint8_t*>(label.data()), label.size())});
    if (!key)
        return key.error();
    pin::SecretBytes secret(*key);
    std::fill(key->begin(), key->end(), std::uint8_t{0});
    return secret;
}
} // namespace

Result<pin::SecretBytes> JournalKeys::sealKey(const TerminalBundle& bundle)
{
    return derive(bundle, "CardLink journal card seal v1");
}

Result<std::string> JournalKeys::panToken(const TerminalBundle& bundle, std::string_view pan)
{
    auto key = derive(bundle, "CardLink journal PAN token v1");
    if (!key)
        return key.error();
    auto token =
        crypto::hmac(crypto::HashAlgorithm::Sha256, key->view(),
                     {ByteView(reinterpret_cast<const std::uint8_t*>(pan.data()), pan.size())});
    if (!token)
        return token.error();
    return toHex(*token);
}

std::string JournalKeys::recordIdentity(const journal::JournalRecord& record)
{
    return record.terminalId + "/" + std::to_string(record.stan);
}

} // namespace cardlink::link
