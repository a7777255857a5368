#include "sim/PlaintextPinBlock.h"

#include "sim/PinHash.h"

namespace cardlink::sim {

namespace {
constexpr std::uint8_t kControlFormat2 = 0x2;
constexpr std::uint8_t kFiller = 0xF;
} // namespace

Result<Bytes> PlaintextPinBlock::decode(ByteView block)
{
    if (block.size() != kSize)
        return makeError(ErrorCode::Malformed, "a PIN block is 8 bytes");
    if ((block[0] >> 4) != kControlFormat2)
        return makeError(ErrorCode::Malformed, "PIN block control field is not 2");
    const std::size_t length = block[0] & 0x0F;
    if (length < PinHash::kMinDigits || length > PinHash::kMaxDigits)
        return makeError(ErrorCode::Malformed, "PIN length outside 4..12");

    Bytes digits;
    digits.reserve(PinHash::kMaxDigits);
    // Nibbles 2..15 of the block: the digits, then filler.
    for (std::size_t nibble = 0; nibble < 2 * (kSize - 1); ++nibble) {
        const std::uint8_t byte = block[1 + nibble / 2];
        const std::uint8_t value = nibble % 2 == 0 ? byte >> 4 : byte & 0x0F;
        const bool isDigit = nibble < length;
        if ((isDigit && value > 9) || (!isDigit && value != kFiller)) {
            secureWipe(digits);
            return makeError(ErrorCode::Malformed,
                             isDigit ? "PIN digit out of range" : "PIN block filler is not F");
        }
        if (isDigit)
            digits.push_back(static_cast<std::uint8_t>('0' + value));
    }
    return digits;
}

} // namespace cardlink::sim
