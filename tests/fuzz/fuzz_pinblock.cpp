// Fuzzes PIN block decoding with arbitrary clear blocks: bytes 0-7 as a clear
// format 0-3 block, bytes 0-15 as a format 4 PIN field and as an enciphered
// format 4 block; bytes after 16 (as digits) are the PAN when present.
// Whatever decodes must hold a 4-12 digit PIN and rebuild to a block that
// decodes to the same PIN; formats 0, 2 and the format 4 PIN field rebuild to
// exactly the input, as their fill is fixed or taken from the input.
#include "pin/PinBlock.h"

#include <algorithm>
#include <cstdlib>
#include <string>

using namespace cardlink;
using namespace cardlink::pin;

namespace {
void checkPin(const SecretBytes& pin)
{
    if (pin.size() < PinBlock::kMinPinDigits || pin.size() > PinBlock::kMaxPinDigits)
        std::abort();
    for (std::size_t i = 0; i < pin.size(); ++i) {
        if (pin[i] < '0' || pin[i] > '9')
            std::abort();
    }
}

RandomSource repeating(ByteView pattern)
{
    Bytes copy(pattern.begin(), pattern.end());
    if (copy.empty())
        copy.push_back(0);
    return [copy](std::span<std::uint8_t> out) {
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] = copy[i % copy.size()];
        return true;
    };
}

void checkClear(ByteView block, const std::string& pan)
{
    for (auto format :
         {PinBlockFormat::Iso0, PinBlockFormat::Iso1, PinBlockFormat::Iso2, PinBlockFormat::Iso3}) {
        auto pin = PinBlock::decode(format, block, pan);
        if (!pin)
            continue;
        checkPin(*pin);
        // The PAN field of formats 0 and 3 starts with 0000: the control
        // nibble is readable in every format.
        if (PinBlock::formatOf(block) != format)
            std::abort();
        auto rebuilt = PinBlock::encode(format, pin->view(), pan, repeating(block));
        if (!rebuilt)
            continue; // format 3 with a source that has no nibble below 12
        auto again = PinBlock::decode(format, rebuilt->view(), pan);
        if (!again || !again->equals(pin->view()))
            std::abort();
        const bool fixedFill = format == PinBlockFormat::Iso0 || format == PinBlockFormat::Iso2;
        if (fixedFill && !rebuilt->equals(block))
            std::abort();
    }
}

void checkFormat4(ByteView block, const std::string& pan)
{
    if (auto pin = PinBlock::decodeFormat4PinField(block)) {
        checkPin(*pin);
        auto rebuilt = PinBlock::format4PinField(pin->view(), repeating(block.subspan(8)));
        if (!rebuilt || !rebuilt->equals(block))
            std::abort();
    }
    static const Bytes key(16, 0x5A);
    if (auto pin = PinBlock::decipherFormat4(block, pan, key)) {
        checkPin(*pin);
        auto enciphered = PinBlock::encipherFormat4(pin->view(), pan, key, repeating(block));
        if (!enciphered)
            std::abort();
        auto again = PinBlock::decipherFormat4(*enciphered, pan, key);
        if (!again || !again->equals(pin->view()))
            std::abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const ByteView input(data, size);
    std::string pan = "43219876543210987";
    if (size > PinBlock::kAesBlockSize) {
        pan.clear();
        for (std::size_t i = PinBlock::kAesBlockSize; i < size && pan.size() < 19; ++i)
            pan.push_back(static_cast<char>('0' + data[i] % 10));
    }
    (void)PinBlock::formatOf(input);
    if (size >= PinBlock::kBlockSize)
        checkClear(input.first(PinBlock::kBlockSize), pan);
    else
        (void)PinBlock::decode(PinBlockFormat::Iso2, input, pan);
    if (size >= PinBlock::kAesBlockSize)
        checkFormat4(input.first(PinBlock::kAesBlockSize), pan);
    return 0;
}
