#pragma once

#include "pin/SecretBytes.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>

namespace cardlink::pin {

// ISO 9564-1:2017 PIN block formats; the value is the control field (first nibble).
enum class PinBlockFormat : std::uint8_t {
    Iso0 = 0, // PIN field XOR PAN field, fill F (ANSI X9.8)
    Iso1 = 1, // no PAN, random fill
    Iso2 = 2, // no PAN, fill F; for the ICC's offline PIN (EMV VERIFY)
    Iso3 = 3, // PIN field XOR PAN field, random fill A-F
    Iso4 = 4, // 16 bytes, AES, PIN and PAN fields enciphered together
};

// Fills the span with random bytes; false when it cannot.
using RandomSource = std::function<bool(std::span<std::uint8_t>)>;
// OpenSSL's RAND_bytes.
RandomSource systemRandom();

// Builds and decodes PIN blocks. PINs go in and come out as ASCII digits
// ('0'..'9'), 4 to 12 of them, in SecretBytes or in a ByteView over the
// caller's wiped buffer; every intermediate buffer holding PIN digits is a
// SecretBytes. Error messages never contain PIN digits. PANs are 1 to 19
// digits; for formats 0 and 3 the 12 rightmost digits before the check digit
// are used, zero-padded on the left when there are fewer.
class PinBlock
{
public:
    static constexpr std::size_t kMinPinDigits = 4;
    static constexpr std::size_t kMaxPinDigits = 12;
    static constexpr std::size_t kMaxPanDigits = 19;
    static constexpr std::size_t kBlockSize = 8;     // formats 0-3
    static constexpr std::size_t kAesBlockSize = 16; // format 4

    // The clear 8-byte block of format 0, 1, 2 or 3 (format 4 is only ever
    // built enciphered: use encipherFormat4). `pan` is used by 0 and 3 only.
    static Result<SecretBytes> encode(PinBlockFormat format, ByteView pin, std::string_view pan,
                                      const RandomSource& random = systemRandom());
    // Checks the control field, the PIN length (4-12), the PIN digits and the
    // fill (F for 0 and 2, A-F for 3, anything for 1) and returns the PIN.
    static Result<SecretBytes> decode(PinBlockFormat format, ByteView block, std::string_view pan);
    // The control field of a clear block, when it names a known format.
    static std::optional<PinBlockFormat> formatOf(ByteView clearBlock);

    // Format 4 (ISO 9564-1:2017, 9.4): enciphered = E(E(PIN field) XOR PAN
    // field) with AES-128/192/256 (key of 16, 24 or 32 bytes).
    static Result<Bytes> encipherFormat4(ByteView pin, std::string_view pan, ByteView key,
                                         const RandomSource& random = systemRandom());
    // PIN field = D(D(block) XOR PAN field), then checked as decodeFormat4PinField.
    static Result<SecretBytes> decipherFormat4(ByteView block, std::string_view pan, ByteView key);

    // The two plaintext fields of format 4, public for tests against
    // published vectors. PIN field: 4, N, PIN digits, fill A up to byte 8,
    // then 8 random bytes. PAN field: M (PAN length - 12, 0 when shorter),
    // the PAN (left-padded with 0 to 12 digits), padded with 0 to 16 bytes.
    static Result<SecretBytes> format4PinField(ByteView pin,
                                               const RandomSource& random = systemRandom());
    static Result<Bytes> format4PanField(std::string_view pan);
    // Checks control field 4, the PIN length and digits and the A fill; the
    // random half may hold any value (ISO 9564-1: fill 0000 to 1111).
    static Result<SecretBytes> decodeFormat4PinField(ByteView field);
};

} // namespace cardlink::pin
