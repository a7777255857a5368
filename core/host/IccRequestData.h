#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cardlink::host {

// What the host needs from field 55 of a request (BER-TLV, EMV data objects
// as the terminal read them from the card): the cryptogram and the data it
// was computed over.
struct IccRequestData
{
    Bytes cryptogram;                // 9F26, 8 bytes
    std::uint8_t cid = 0;            // 9F27: 80 ARQC, 40 TC, 00 AAC (Book 3, table 14)
    std::uint16_t atc = 0;           // 9F36
    Bytes issuerApplicationData;     // 9F10
    Bytes cvr;                       // 4 bytes from 9F10 (CardLink layout: 06 || DKI || CVN || CVR)
    Bytes cryptogramInput;           // the A1.2 MAC input the card used (see parse())
    std::optional<std::uint8_t> psn; // 5F34 (numeric 0..99)

    static constexpr std::uint8_t kCidMask = 0xC0;
    static constexpr std::uint8_t kArqc = 0x80;
    static constexpr std::uint8_t kTc = 0x40;

    std::uint8_t cryptogramType() const { return cid & kCidMask; }

    // Malformed for data that is not BER-TLV, or lacks 9F26, 9F27, 9F36 or a
    // 9F10 in CardLink's layout. The cryptogram input is built as the card
    // does (docs/emv-test-cards.md; Book 2, 8.1.1 table 25 plus the CVR):
    // 9F02 9F03 9F1A 95 5F2A 9A 9C 9F37 (terminal data, zeros when absent or
    // right-padded to their length) || 82 || 9F36 || CVR.
    static Result<IccRequestData> parse(ByteView field55);
};

} // namespace cardlink::host
