#include "online/ReversalBuilder.h"

#include "iso8583/CardLinkProfile.h"

namespace cardlink::online {

namespace field = iso8583::field;

Result<std::string> ReversalBuilder::originalDataElements(const iso8583::Message& original)
{
    const std::string* stan = original.text(field::kStan);
    const std::string* sent = original.text(field::kTransmissionDateTime);
    if (original.mti().size() != 4 || stan == nullptr || stan->size() != 6 || sent == nullptr ||
        sent->size() != 10)
        return makeError(ErrorCode::InvalidArgument,
                         "the original request has no MTI, STAN or transmission time");
    return original.mti() + *stan + *sent + std::string(22, '0');
}

Result<iso8583::Message> ReversalBuilder::reversal(const iso8583::Message& original,
                                                   const MessageStamp& stamp,
                                                   const std::string& reason, bool repeat,
                                                   const RequestSecurity& security)
{
    if (original.mti() != "0100" && original.mti() != "0200")
        return makeError(ErrorCode::InvalidArgument,
                         "only 0100 and 0200 are reversed, not " + original.mti());
    auto dataElements = originalDataElements(original);
    if (!dataElements)
        return dataElements.error();

    iso8583::Message m(repeat ? "0401" : "0400");
    for (int number :
         {field::kPan, field::kProcessingCode, field::kAmount, field::kExpiryDate,
          field::kPosEntryMode, field::kCardSequenceNumber, field::kPosConditionCode,
          field::kTrack2, field::kTerminalId, field::kMerchantId, field::kCurrencyCode}) {
        if (const std::string* text = original.text(number))
            m.set(number, *text);
    }
    m.set(field::kTransmissionDateTime, stamp.transmissionDateTime());
    m.set(field::kStan, stamp.stanText());
    m.set(field::kResponseCode, reason);
    m.set(field::kOriginalDataElements, *dataElements);
    return TerminalSecurity::seal(std::move(m), security);
}

} // namespace cardlink::online
