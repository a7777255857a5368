#pragma once

#include "crypto/BlockCipher.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace cardlink::crypto {

// ICC master key derivation from an issuer master key (IMK), EMV 4.4 Book 2,
// Annex A1.4. Option A (A1.4.1) takes the rightmost 16 digits of PAN || PSN;
// option B (A1.4.2) is for PANs longer than 16 digits and first condenses
// PAN || PSN with SHA-1 and a decimalisation.
enum class IccMkOption { A, B };

// Option A for PANs of up to 16 digits, option B beyond (A1.4: option B is
// the one defined for PANs longer than 16 digits).
IccMkOption defaultIccMkOption(std::string_view pan);

// The 8-byte value Y that enters the block cipher.
//   pan: 1..19 decimal digits (ISO/IEC 7812-1), without the 'F' filler of
//        tag '5A'; anything else is InvalidArgument.
//   psn: the PAN Sequence Number (tag '5F34', one BCD byte, n2); absent
//        means '00' (A1.4.1 step 1). A non-BCD byte is InvalidArgument.
Result<Bytes> iccMkInputOptionA(std::string_view pan, std::optional<std::uint8_t> psn);
Result<Bytes> iccMkInputOptionB(std::string_view pan, std::optional<std::uint8_t> psn);

// Derives the ICC master key.
//   Des: IMK 16 bytes; MK := DES3(IMK)[Y] || DES3(IMK)[Y xor 'FF..FF'], odd
//        parity set (A1.4.1 steps 2 and 3). 16-byte result.
//   Aes: IMK 16, 24 or 32 bytes; Y is left-padded with '00' to a 16-byte
//        block, ZL := AES(IMK)[Y], ZR := AES(IMK)[Y xor 'FF..FF'] when more
//        than 16 bytes are needed, MK := leftmost |IMK| bytes of ZL || ZR.
//        NOTE: written from our reading of the AES text of A1.4.1 without a
//        published test vector; check it against the spec before it meets a
//        real issuer's keys.
Result<Bytes> deriveIccMasterKey(CipherAlgorithm algorithm, ByteView imk, std::string_view pan,
                                 std::optional<std::uint8_t> psn,
                                 IccMkOption option = IccMkOption::A);

} // namespace cardlink::crypto
