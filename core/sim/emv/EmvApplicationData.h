#pragma once

#include "crypto/RsaPrivateKey.h"
#include "sim/emv/EmvCardState.h"
#include "sim/emv/EmvProfile.h"
#include "sim/emv/EmvSession.h"

#include <memory>
#include <optional>

namespace cardlink::sim::emv {

// Everything the parts of the payment application (EmvPaymentApplication,
// CryptogramProcessor, IssuerScriptProcessor) work on: the personalisation,
// the persistent state (shared with the PSE, which answers 6A81 once the card
// is blocked), the transaction in progress and the ICC's RSA keys.
struct EmvApplicationData
{
    const EmvProfile& profile;
    std::shared_ptr<EmvCardState> state;
    EmvSession session;
    std::optional<crypto::RsaPrivateKey> iccKey;
    std::optional<crypto::RsaPrivateKey> pinKey; // the ICC PIN encipherment key, or iccKey
};

} // namespace cardlink::sim::emv
