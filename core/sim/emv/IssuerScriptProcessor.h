#pragma once

#include "iso7816/Apdu.h"
#include "sim/CardContext.h"
#include "sim/emv/EmvApplicationData.h"

#include <optional>

namespace cardlink::sim::emv {

// Issuer script commands under secure messaging (CLA 84), EMV 4.4 Book 3,
// 6.5.1 APPLICATION BLOCK (1E), 6.5.2 APPLICATION UNBLOCK (18), 6.5.3 CARD
// BLOCK (16), 6.5.10 PIN CHANGE/UNBLOCK (24).
//
// Every command ends with a MAC of scriptMacLength bytes (Book 2, 9.2.1, via
// crypto::scriptCommandMac): under the session key derived from the ICC
// secure-messaging integrity master key and the ATC, over CLA INS P1 P2 ||
// Lc || ATC || the first application cryptogram of this transaction ||
// command data. A script command before the first GENERATE AC gets 6985, a
// wrong MAC 6988 (and nothing changes).
//
// PIN CHANGE/UNBLOCK: P2 00 resets the PIN try counter; P2 02 also sets a
// new PIN, sent as an ISO 9564-1 format 2 PIN block enciphered (Book 2, 9.3)
// with the confidentiality session key (from the ICC SMC master key and the
// ATC), CBC with a zero IV; for AES the 8-byte block is padded with ISO/IEC
// 9797-1 method 2 to 16 bytes first.
class IssuerScriptProcessor
{
public:
    explicit IssuerScriptProcessor(EmvApplicationData& data);

    // nullopt for an INS that is not an issuer script command.
    std::optional<iso7816::ResponseApdu> process(const iso7816::CommandApdu& command,
                                                 CardContext& context);

    static constexpr std::uint8_t kCla = 0x84;
    static constexpr std::uint16_t kMacWrong = 0x6988; // ISO/IEC 7816-4, table 6

private:
    iso7816::ResponseApdu pinChange(const iso7816::CommandApdu& command, ByteView data,
                                    CardContext& context);

    EmvApplicationData& m_data;
};

} // namespace cardlink::sim::emv
