#pragma once

#include "emv/TerminalActionAnalysis.h"
#include "emv/TransactionData.h"
#include "iso7816/CardChannel.h"
#include "util/Bytes.h"
#include "util/Result.h"

namespace cardlink::emv {

struct GenerateAcResponse
{
    Cryptogram cryptogram = Cryptogram::Aac;
    std::uint8_t cid = 0; // 9F27 as received
    Bytes template77;     // the whole format 2 response (for CDA), empty for format 1
    bool signed_ = false; // format 2 with Signed Dynamic Application Data 9F4B
};

// GENERATE AC, EMV 4.4 Book 3, 6.5.5 and 9.2.1: asks for `requested` (with the
// CDA signature bit, P1 b5, when `cda`), decodes format 1 (80: CID, ATC, AC,
// IAD) or format 2 (77), stores 9F27, 9F36, 9F26, 9F10 (and 9F4B) in `data`.
// Card errors (Malformed): a bad status word, a malformed response, a missing
// CID or ATC, an RFU cryptogram type, or a cryptogram of a higher order than
// requested (TC > ARQC > AAC; Book 3, 9.2.1).
Result<GenerateAcResponse> generateAc(iso7816::CardChannel& card, TransactionData& data,
                                      Cryptogram requested, bool cda, ByteView cdolData);

} // namespace cardlink::emv
