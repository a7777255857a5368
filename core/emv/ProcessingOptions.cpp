#include "emv/ProcessingOptions.h"

#include "emv/CardCommands.h"
#include "iso7816/StatusWord.h"
#include "tlv/Dol.h"
#include "tlv/TlvParser.h"

namespace cardlink::emv {

namespace {
Error cardError(const std::string& what)
{
    return makeError(ErrorCode::Malformed, "GET PROCESSING OPTIONS: " + what);
}

bool validAfl(ByteView afl)
{
    return afl.size() % 4 == 0;
}
} // namespace

Result<ProcessingOptions> initiateApplicationProcessing(iso7816::CardChannel& card,
                                                        TransactionData& data, ByteView pdol)
{
    ProcessingOptions options;
    if (!pdol.empty()) {
        auto pdolData = tlv::buildDolData(pdol, data.lookup());
        if (!pdolData)
            return cardError("bad PDOL: " + pdolData.error().message);
        options.pdolData = std::move(*pdolData);
    }
    auto response = card.transmit(commands::getProcessingOptions(options.pdolData));
    if (!response)
        return response.error();
    if (response->sw == iso7816::sw::kConditionsOfUseNotSatisfied) {
        options.status = GpoStatus::ConditionsNotSatisfied;
        return options;
    }
    if (!response->isSuccess())
        return makeError(ErrorCode::Unsupported,
                         "GET PROCESSING OPTIONS: " + iso7816::describeStatusWord(response->sw));
    auto objects = tlv::parse(response->data);
    if (!objects)
        return cardError(objects.error().message);
    if (objects->size() != 1)
        return cardError("expected one template");
    const auto& response0 = objects->front();
    if (response0.tag == 0x80) {
        // Book 3, 6.5.8.4, format 1: AIP (2 bytes) followed by the AFL.
        if (response0.value.size() < 2 || !validAfl(ByteView(response0.value).subspan(2)))
            return cardError("format 1 with a bad length");
        options.aip.assign(response0.value.begin(), response0.value.begin() + 2);
        options.afl.assign(response0.value.begin() + 2, response0.value.end());
    } else if (response0.tag == 0x77) {
        const auto* aip = response0.find(0x82);
        const auto* afl = response0.find(0x94);
        if (!aip || !afl || aip->value.size() != 2 || !validAfl(afl->value))
            return cardError("format 2 without a valid AIP and AFL");
        if (!data.storeCardObjects(response0.children, true))
            return cardError("a data object appears twice");
        options.aip = aip->value;
        options.afl = afl->value;
    } else {
        return cardError("neither format 1 (80) nor format 2 (77)");
    }
    data.set(0x82, options.aip);
    data.set(0x94, options.afl);
    return options;
}

} // namespace cardlink::emv
