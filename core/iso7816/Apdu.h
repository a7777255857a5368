#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cardlink::iso7816 {

// The four command cases of ISO/IEC 7816-3:2006, 12.1.3 (and 7816-4:2013, 5.1).
enum class ApduCase { Case1, Case2, Case3, Case4 };

// A command APDU. `ne` is the number of response bytes expected (Ne), 1..65536;
// it is encoded as a short Le (00 = 256) or, when Ne > 256 or the data is longer
// than 255 bytes, as an extended Le (0000 = 65536).
struct CommandApdu
{
    std::uint8_t cla = 0;
    std::uint8_t ins = 0;
    std::uint8_t p1 = 0;
    std::uint8_t p2 = 0;
    Bytes data;
    std::optional<std::uint32_t> ne;

    static constexpr std::uint32_t kMaxShortNe = 256;
    static constexpr std::uint32_t kMaxExtendedNe = 65536;
    static constexpr std::size_t kMaxShortData = 255;
    static constexpr std::size_t kMaxExtendedData = 65535;

    ApduCase apduCase() const;
    bool isExtended() const;

    // Fails when data or ne are out of range.
    Result<Bytes> encode() const;
    // Decodes and classifies a C-APDU (ISO/IEC 7816-3:2006, 12.1.3).
    static Result<CommandApdu> parse(ByteView bytes);

    bool operator==(const CommandApdu&) const = default;
};

// A response APDU: response data followed by SW1 SW2.
struct ResponseApdu
{
    Bytes data;
    std::uint16_t sw = 0;

    std::uint8_t sw1() const { return static_cast<std::uint8_t>(sw >> 8); }
    std::uint8_t sw2() const { return static_cast<std::uint8_t>(sw & 0xFF); }
    bool isSuccess() const { return sw == 0x9000; }

    Bytes encode() const;
    // At least the two status bytes must be present.
    static Result<ResponseApdu> parse(ByteView bytes);

    bool operator==(const ResponseApdu&) const = default;
};

} // namespace cardlink::iso7816
