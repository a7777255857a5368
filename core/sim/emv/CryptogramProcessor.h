#pragma once

#include "iso7816/Apdu.h"
#include "sim/CardContext.h"
#include "sim/emv/EmvApplicationData.h"
#include "tlv/Tag.h"

namespace cardlink::sim::emv {

// GENERATE AC (EMV 4.4 Book 3, 6.5.5) and EXTERNAL AUTHENTICATE (6.5.4) of
// the payment application.
//
// Application cryptogram (Book 2, 8.1): the A1.2 MAC under the common session
// key (Book 2, A1.3) derived from the ICC master key for ACs and the ATC,
// over the minimum data set of Book 2, 8.1.1 (table 25) and the CVR:
//   9F02 (6) || 9F03 (6) || 9F1A (2) || 95 (5) || 5F2A (2) || 9A (3) ||
//   9C (1) || 9F37 (4) || AIP (2) || ATC (2) || CVR (4)
// each terminal value taken from the CDOL data of this command, else from
// CDOL1's data, else zeros. Issuer Application Data 9F10 =
//   '06' || DKI || CVN || CVR (4).
// The ATC counts every first GENERATE AC, before anything else is decided.
// ARPC: method 1 (Book 2, 8.2.1) with the ARC, or method 2 (8.2.2) with the
// CSU, both under the same AC session key and over the first cryptogram.
class CryptogramProcessor
{
public:
    explicit CryptogramProcessor(EmvApplicationData& data);

    iso7816::ResponseApdu generateAc(const iso7816::CommandApdu& command, CardContext& context);
    iso7816::ResponseApdu externalAuthenticate(const iso7816::CommandApdu& command);

    static constexpr std::uint8_t kP1CdaRequested = 0x10; // Book 3, table 12, b5

private:
    Result<Bytes> cryptogram(ByteView dolData, ByteView cvr) const;
    Result<Bytes> cdaSignature(CardContext& context, std::uint8_t cid, ByteView ac,
                               ByteView returnedTlvs, ByteView dolData) const;
    Bytes terminalValue(ByteView dolData, tlv::Tag tag, std::size_t length) const;
    Bytes currentDol() const;

    EmvApplicationData& m_data;
};

} // namespace cardlink::sim::emv
