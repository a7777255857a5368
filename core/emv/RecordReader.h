#pragma once

#include "emv/TransactionData.h"
#include "iso7816/CardChannel.h"
#include "util/Bytes.h"
#include "util/Result.h"

namespace cardlink::emv {

struct ApplicationRecords
{
    // The records the AFL marks for offline data authentication, joined in
    // AFL order (Book 3, 10.3): for SFI 1-10 the value inside the 70
    // template, for SFI 11-30 the whole record.
    Bytes odaData;
    std::size_t recordCount = 0;
};

// Read application data, EMV 4.4 Book 3, 10.2: READ RECORD over each AFL
// entry (SFI, first record, last record, records for ODA), storing every data
// object in `data`. Card errors (Malformed): a bad AFL, a status word other
// than 9000, a record of SFI 1-10 that is not one 70 template, a malformed
// TLV, a data object seen twice, and missing mandatory data (5F24, 5A, 8C,
// 8D: Book 3, 7.2).
Result<ApplicationRecords> readApplicationData(iso7816::CardChannel& card, TransactionData& data,
                                               ByteView afl);

} // namespace cardlink::emv
