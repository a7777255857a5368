#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace cardlink::iso8583 {

// What the terminal does with a response code.
enum class ResponseAction {
    Approve,
    Decline,
    Refer,  // call the issuer for a voice authorization
    PickUp, // keep the card
    Retry,  // a system problem: try again later or reverse
};

// One row of the field 39 table: ISO 8583:1987, Annex A (codes 00-75 and 90-96);
// 76-78 are private-use codes there and carry CardLink's meaning.
struct ResponseCode
{
    std::string_view code;
    std::string_view meaning; // plain words, for the operator and the journal
    ResponseAction action;
};

std::span<const ResponseCode> responseCodes();
// nullptr for a code not in the table.
const ResponseCode* findResponseCode(std::string_view code);
// The table's meaning, or "Unknown response code" for any other value.
std::string_view describeResponseCode(std::string_view code);
// Unknown codes are declines: a terminal must never approve on a code it does
// not understand.
ResponseAction responseAction(std::string_view code);

} // namespace cardlink::iso8583
