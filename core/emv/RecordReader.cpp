#include "emv/RecordReader.h"

#include "emv/CardCommands.h"
#include "iso7816/StatusWord.h"
#include "tlv/Length.h"
#include "tlv/TlvParser.h"

#include <string>

namespace cardlink::emv {

namespace {
Error cardError(const std::string& what)
{
    return makeError(ErrorCode::Malformed, "READ RECORD: " + what);
}

// The value bytes of a single 70 template filling the whole record.
Result<ByteView> templateValue(ByteView record)
{
    if (record.empty() || record[0] != 0x70)
        return cardError("record is not a 70 template");
    std::size_t consumed = 0;
    auto length = tlv::readLength(record.subspan(1), consumed);
    if (!length)
        return cardError(length.error().message);
    const std::size_t header = 1 + consumed;
    if (*length != record.size() - header)
        return cardError("template length does not match the record length");
    return record.subspan(header);
}

std::string where(std::uint8_t sfi, std::uint8_t record)
{
    return "SFI " + std::to_string(sfi) + " record " + std::to_string(record) + ": ";
}
} // namespace

Result<ApplicationRecords> readApplicationData(iso7816::CardChannel& card, TransactionData& data,
                                               ByteView afl)
{
    ApplicationRecords records;
    for (std::size_t i = 0; i + 4 <= afl.size(); i += 4) {
        // Book 3, 10.2: SFI in b8-b4 (b3-b1 zero), first >= 1, last >= first,
        // ODA records <= last - first + 1.
        const std::uint8_t sfi = afl[i] >> 3;
        const std::uint8_t first = afl[i + 1];
        const std::uint8_t last = afl[i + 2];
        const std::uint8_t odaCount = afl[i + 3];
        if ((afl[i] & 0x07) != 0 || sfi == 0 || sfi > 30 || first == 0 || last < first ||
            odaCount > last - first + 1)
            return cardError("invalid AFL entry " + toHex(afl.subspan(i, 4)));
        for (unsigned number = first; number <= last; ++number) {
            const auto recordNumber = static_cast<std::uint8_t>(number);
            auto response = card.transmit(commands::readRecord(sfi, recordNumber));
            if (!response)
                return response.error();
            if (!response->isSuccess())
                return cardError(where(sfi, recordNumber) +
                                 iso7816::describeStatusWord(response->sw));
            const ByteView record(response->data);
            auto objects = tlv::parse(record);
            if (!objects)
                return cardError(where(sfi, recordNumber) + objects.error().message);
            const bool forOda = number < first + odaCount;
            if (sfi <= 10) {
                auto value = templateValue(record);
                if (!value)
                    return cardError(where(sfi, recordNumber) + value.error().message);
                if (forOda)
                    records.odaData.insert(records.odaData.end(), value->begin(), value->end());
            } else if (forOda) {
                records.odaData.insert(records.odaData.end(), record.begin(), record.end());
            }
            if (!data.storeCardObjects(*objects, true))
                return cardError(where(sfi, recordNumber) + "a data object appears twice");
            ++records.recordCount;
        }
    }
    // Book 3, 7.2: mandatory data objects.
    for (const tlv::Tag tag : {0x5F24u, 0x5Au, 0x8Cu, 0x8Du}) {
        if (!data.has(tag))
            return cardError("missing mandatory data " + tlv::tagToHex(tag));
    }
    return records;
}

} // namespace cardlink::emv
