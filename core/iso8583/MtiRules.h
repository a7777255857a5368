#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace cardlink::iso8583 {

// Which fields a CardLink message of one type carries (docs/iso8583-profile.md).
// A field that is neither mandatory nor conditional must be absent.
struct MtiRule
{
    std::string_view mti;
    std::string_view name;
    std::string_view responseMti; // empty for responses
    std::vector<int> mandatory;
    std::vector<int> conditional;
    // Requests about a card carry the PAN (2) or track 2 (35), at least one.
    bool needsCardData = false;
};

// All message types CardLink sends or accepts, in MTI order.
std::span<const MtiRule> mtiRules();
// nullptr for an MTI CardLink does not use.
const MtiRule* findMtiRule(std::string_view mti);

} // namespace cardlink::iso8583
