#pragma once

#include "emv/Random.h"
#include "emv/TerminalConfig.h"
#include "emv/TransactionData.h"
#include "emv/Tvr.h"
#include "iso7816/CardChannel.h"
#include "util/Result.h"

namespace cardlink::emv {

// Terminal risk management, EMV 4.4 Book 3, 10.6: floor limit checking
// (10.6.1), random transaction selection (10.6.2, with the injected Random)
// and velocity checking (10.6.3: GET DATA for the ATC 9F36 and the Last Online
// ATC Register 9F13 when the card has both offline limits 9F14 and 9F23, or
// the terminal config gives them). Sets TVR byte 4 bits and "new card", and
// TSI "terminal risk management performed". Errors are transport failures
// only: a card that does not answer GET DATA sets both velocity bits.
Result<void> performTerminalRiskManagement(iso7816::CardChannel& card, TransactionData& data,
                                           const TerminalConfig& config, Random& random, Tvr& tvr,
                                           Tsi& tsi);

// 10.6.2: the percentage for an amount between the threshold and the floor
// limit, interpolated between the target and the maximum target.
int randomSelectionPercent(std::uint64_t amount, const TerminalConfig& config);

} // namespace cardlink::emv
