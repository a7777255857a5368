#pragma once

#include "emv/TransactionData.h"
#include "iso7816/CardChannel.h"
#include "util/Bytes.h"
#include "util/Result.h"

namespace cardlink::emv {

enum class GpoStatus {
    Ok,
    ConditionsNotSatisfied, // 6985: drop the application, back to selection (Book 3, 10.1)
};

struct ProcessingOptions
{
    GpoStatus status = GpoStatus::Ok;
    Bytes aip;      // 82, 2 bytes
    Bytes afl;      // 94, a multiple of 4 bytes
    Bytes pdolData; // the data sent in 83, for CDA (Book 2, 6.6.2)
};

// Initiate application processing, EMV 4.4 Book 3, 10.1: builds the PDOL data
// (9F38 from the FCI, 5.4), sends GET PROCESSING OPTIONS and decodes response
// format 1 (80: AIP || AFL) or format 2 (77 with 82 and 94; every object is
// stored). Errors: a malformed response or a status word other than 9000 and
// 6985 (Malformed / Unsupported), and transport failures.
Result<ProcessingOptions> initiateApplicationProcessing(iso7816::CardChannel& card,
                                                        TransactionData& data, ByteView pdol);

} // namespace cardlink::emv
