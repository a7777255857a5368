#include "iso8583/ResponseCodes.h"

#include <array>

namespace cardlink::iso8583 {

namespace {
using A = ResponseAction;

constexpr std::array kCodes{
    ResponseCode{"00", "Approved", A::Approve},
    ResponseCode{"01", "Refer to card issuer", A::Refer},
    ResponseCode{"02", "Refer to card issuer, special condition", A::Refer},
    ResponseCode{"03", "Invalid merchant", A::Decline},
    ResponseCode{"04", "Pick up card", A::PickUp},
    ResponseCode{"05", "Do not honour", A::Decline},
    ResponseCode{"06", "Error", A::Decline},
    ResponseCode{"07", "Pick up card, special condition", A::PickUp},
    ResponseCode{"08", "Honour with identification", A::Approve},
    ResponseCode{"10", "Approved for a partial amount", A::Approve},
    ResponseCode{"11", "Approved (VIP)", A::Approve},
    ResponseCode{"12", "Invalid transaction", A::Decline},
    ResponseCode{"13", "Invalid amount", A::Decline},
    ResponseCode{"14", "Invalid card number", A::Decline},
    ResponseCode{"15", "No such issuer", A::Decline},
    ResponseCode{"19", "Re-enter transaction", A::Retry},
    ResponseCode{"21", "No action taken", A::Decline},
    ResponseCode{"25", "Original transaction not found", A::Decline},
    ResponseCode{"30", "Format error", A::Decline},
    ResponseCode{"31", "Bank not supported", A::Decline},
    ResponseCode{"33", "Expired card, pick up", A::PickUp},
    ResponseCode{"34", "Suspected fraud, pick up", A::PickUp},
    ResponseCode{"41", "Lost card, pick up", A::PickUp},
    ResponseCode{"43", "Stolen card, pick up", A::PickUp},
    ResponseCode{"51", "Not enough funds", A::Decline},
    ResponseCode{"54", "Expired card", A::Decline},
    ResponseCode{"55", "Wrong PIN", A::Decline},
    ResponseCode{"57", "Transaction not allowed for this card", A::Decline},
    ResponseCode{"58", "Transaction not allowed at this terminal", A::Decline},
    ResponseCode{"59", "Suspected fraud", A::Decline},
    ResponseCode{"61", "Amount above the withdrawal limit", A::Decline},
    ResponseCode{"62", "Restricted card", A::Decline},
    ResponseCode{"63", "Security violation", A::Decline},
    ResponseCode{"65", "Too many withdrawals", A::Decline},
    ResponseCode{"68", "Response came too late", A::Retry},
    ResponseCode{"75", "Too many wrong PIN tries", A::Decline},
    ResponseCode{"76", "Original transaction not found for this reversal or advice", A::Decline},
    ResponseCode{"77", "Repeat or reversal does not match the original", A::Decline},
    ResponseCode{"78", "Card not yet activated", A::Decline},
    ResponseCode{"79", "Reversed before it reached the host", A::Decline},
    ResponseCode{"90", "Cut-off in progress, try again shortly", A::Retry},
    ResponseCode{"91", "Issuer or switch not available", A::Retry},
    ResponseCode{"92", "No route to the issuer", A::Decline},
    ResponseCode{"94", "Duplicate transmission", A::Decline},
    ResponseCode{"95", "Reconciliation error: totals do not match", A::Decline},
    ResponseCode{"96", "System malfunction", A::Retry},
};
} // namespace

std::span<const ResponseCode> responseCodes()
{
    return kCodes;
}

const ResponseCode* findResponseCode(std::string_view code)
{
    for (const ResponseCode& entry : kCodes) {
        if (entry.code == code)
            return &entry;
    }
    return nullptr;
}

std::string_view describeResponseCode(std::string_view code)
{
    const ResponseCode* entry = findResponseCode(code);
    return entry ? entry->meaning : "Unknown response code";
}

ResponseAction responseAction(std::string_view code)
{
    const ResponseCode* entry = findResponseCode(code);
    return entry ? entry->action : ResponseAction::Decline;
}

} // namespace cardlink::iso8583
