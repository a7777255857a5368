#pragma once

#include "emv/TransactionData.h"
#include "tlv/Tag.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <span>

namespace cardlink::online {

// Field 55 of a terminal request: the EMV data objects a host needs to check
// the cryptogram and decide, as BER-TLV in a fixed order.
class IccDataField
{
public:
    // 9F26 9F27 9F10 9F37 9F36 95 9A 9C 9F02 9F03 5F2A 82 9F1A 9F34 84 9F06
    // 5F34 9F33 9F35 9F09 9F1E 9F41 9F21: the cryptogram and its inputs (EMV
    // 4.4 Book 2, 8.1.1), the CVM results and the terminal's profile. No PAN
    // or track 2: those travel in fields 2/35 and are masked there.
    static std::span<const tlv::Tag> requestTags();

    // The present ones of `tags`, in that order. InvalidArgument when
    // `required` (the cryptogram 9F26 and 9F27 for a request) is missing.
    static Result<Bytes> build(const emv::TransactionData& data, std::span<const tlv::Tag> tags,
                               std::span<const tlv::Tag> required);
};

} // namespace cardlink::online
