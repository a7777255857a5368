#include "emv/TerminalRiskManagement.h"

#include "emv/CardCommands.h"
#include "tlv/TlvParser.h"

#include <array>

namespace cardlink::emv {

namespace {
// 1..99, as Book 3, 10.6.2 asks for.
int randomPercent(Random& random)
{
    std::array<std::uint8_t, 2> bytes{};
    random.fill(bytes);
    return static_cast<int>(((bytes[0] << 8) | bytes[1]) % 99) + 1;
}

// GET DATA returns the object as TLV (Book 3, 6.5.7.4); nullopt when the card
// does not know it or answers nonsense.
Result<std::optional<std::uint64_t>> getCounter(iso7816::CardChannel& card, tlv::Tag tag)
{
    auto response = card.transmit(commands::getData(tag));
    if (!response)
        return response.error();
    if (!response->isSuccess())
        return std::optional<std::uint64_t>{};
    auto objects = tlv::parse(response->data);
    if (!objects)
        return std::optional<std::uint64_t>{};
    const auto* object = tlv::findTag(*objects, tag);
    if (!object || object->value.size() != 2)
        return std::optional<std::uint64_t>{};
    return std::optional<std::uint64_t>{
        static_cast<std::uint64_t>((object->value[0] << 8) | object->value[1])};
}

Result<void> checkVelocity(iso7816::CardChannel& card, const TransactionData& data,
                           const TerminalConfig& config, Tvr& tvr)
{
    auto lower = data.getUnsigned(0x9F14);
    auto upper = data.getUnsigned(0x9F23);
    if (!lower || !upper) {
        lower = config.lowerConsecutiveOfflineLimit;
        upper = config.upperConsecutiveOfflineLimit;
    }
    if (!lower || !upper)
        return {}; // 10.6.3: velocity checking needs both limits
    auto atc = getCounter(card, 0x9F36);
    if (!atc)
        return atc.error();
    auto lastOnline = getCounter(card, 0x9F13);
    if (!lastOnline)
        return lastOnline.error();
    if (!*atc || !*lastOnline || **atc <= **lastOnline) {
        // 10.6.3: both counters needed, and the ATC must be above the
        // register; otherwise both limits count as exceeded.
        tvr.set(TvrBit::LowerConsecutiveOfflineLimitExceeded);
        tvr.set(TvrBit::UpperConsecutiveOfflineLimitExceeded);
        if (*lastOnline && **lastOnline == 0)
            tvr.set(TvrBit::NewCard);
        return {};
    }
    const std::uint64_t offline = **atc - **lastOnline;
    if (offline > *lower)
        tvr.set(TvrBit::LowerConsecutiveOfflineLimitExceeded);
    if (offline > *upper)
        tvr.set(TvrBit::UpperConsecutiveOfflineLimitExceeded);
    if (**lastOnline == 0)
        tvr.set(TvrBit::NewCard);
    return {};
}
} // namespace

int randomSelectionPercent(std::uint64_t amount, const TerminalConfig& config)
{
    const int target = config.randomSelectionTargetPercent;
    if (amount < config.randomSelectionThreshold ||
        config.floorLimit <= config.randomSelectionThreshold)
        return target;
    const auto span = config.floorLimit - config.randomSelectionThreshold;
    const auto above = amount - config.randomSelectionThreshold;
    const int extra = static_cast<int>(
        static_cast<std::uint64_t>(config.randomSelectionMaxTargetPercent - target) * above / span);
    return target + extra;
}

Result<void> performTerminalRiskManagement(iso7816::CardChannel& card, TransactionData& data,
                                           const TerminalConfig& config, Random& random, Tvr& tvr,
                                           Tsi& tsi)
{
    const std::uint64_t amount = data.getBcd(0x9F02).value_or(0);
    // 10.6.1 (no transaction log kept here: the amount alone).
    if (amount >= config.floorLimit)
        tvr.set(TvrBit::TransactionExceedsFloorLimit);
    // 10.6.2: only for amounts below the floor limit.
    else if (config.randomSelectionTargetPercent > 0 &&
             randomPercent(random) <= randomSelectionPercent(amount, config))
        tvr.set(TvrBit::RandomlySelectedForOnline);
    if (auto r = checkVelocity(card, data, config, tvr); !r)
        return r;
    tsi.set(TsiBit::TerminalRiskManagementPerformed);
    return {};
}

} // namespace cardlink::emv
