// Fuzzes the crypto functions that take outside input apart: the PAN and PSN
// validation and decimalisation of EMV ICC master key derivation (Book 2,
// A1.4) and the removal of ISO/IEC 9797-1 method 2 padding. Also checks the
// invariants that must hold for every accepted input.
//
// Input layout: byte 0 selects the PSN (bit 7 set: absent, else the byte
// itself), the rest is the PAN text, and the whole input is also fed to the
// unpadding and to SecretBytes::fromHex (a key file's line, cli crypto
// --key-file/--key-fd).
#include "crypto/IccMasterKey.h"
#include "crypto/Padding.h"
#include "pin/SecretBytes.h"

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

using namespace cardlink;
using namespace cardlink::crypto;

namespace {
bool isBcdDigits(ByteView bytes)
{
    for (auto b : bytes) {
        if ((b >> 4) > 9 || (b & 0x0F) > 9)
            return false;
    }
    return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const ByteView input(data, size);
    for (std::size_t block : {std::size_t{8}, std::size_t{16}}) {
        if (auto unpadded = unpadMethod2(input, block)) {
            if (pad(*unpadded, block, Padding::Method2) != Bytes(input.begin(), input.end()))
                std::abort();
        }
    }
    if (auto secret = pin::SecretBytes::fromHex(input)) {
        // Every accepted text is hex digits and separators; decoding the
        // digits alone gives the same bytes.
        std::string digitsOnly;
        for (auto c : input)
            if (c != ' ' && c != ':' && c != '\t')
                digitsOnly.push_back(static_cast<char>(c));
        auto plain = fromHex(digitsOnly);
        if (!plain || !secret->equals(*plain))
            std::abort();
    }
    if (size == 0)
        return 0;

    const std::optional<std::uint8_t> psn =
        (data[0] & 0x80) != 0 ? std::nullopt : std::optional<std::uint8_t>(data[0]);
    const std::string_view pan(reinterpret_cast<const char*>(data + 1), size - 1);

    auto a = iccMkInputOptionA(pan, psn);
    auto b = iccMkInputOptionB(pan, psn);
    if (a.ok() != b.ok())
        std::abort();
    if (a) {
        if (a->size() != 8 || b->size() != 8 || !isBcdDigits(*a) || !isBcdDigits(*b))
            std::abort();
        static const Bytes imk(16, 0x5A);
        auto mk = deriveIccMasterKey(CipherAlgorithm::Des, imk, pan, psn, defaultIccMkOption(pan));
        if (!mk || mk->size() != 16)
            std::abort();
    }
    return 0;
}
