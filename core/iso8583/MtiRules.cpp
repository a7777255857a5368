#include "iso8583/MtiRules.h"

#include <algorithm>

namespace cardlink::iso8583 {

namespace {
// Message classes of ISO 8583:1987, 4.1 (authorization 01xx, financial 02xx,
// reversal 04xx, reconciliation 05xx, network management 08xx). The field sets
// are CardLink's; see docs/iso8583-profile.md for the reasons.
std::vector<MtiRule> makeRules()
{
    const std::vector<int> requestMandatory{3, 4, 7, 11, 12, 13, 22, 25, 41, 42, 49};
    const std::vector<int> requestConditional{2,  14, 23, 28,  35,  48,  52,  53,
                                              55, 63, 64, 120, 121, 125, 127, 128};
    const std::vector<int> responseMandatory{3, 4, 7, 11, 37, 39, 41};
    const std::vector<int> responseConditional{38, 42, 48, 49, 55, 62, 64, 126, 127, 128};
    std::vector<int> financialResponseConditional = responseConditional;
    financialResponseConditional.insert(financialResponseConditional.end(), {122, 123, 124});
    std::sort(financialResponseConditional.begin(), financialResponseConditional.end());
    const std::vector<int> reversalMandatory{3, 4, 7, 11, 22, 25, 41, 42, 49, 90};
    // 53 (KSN) so that a MACed reversal, advice or batch total names its DUKPT key.
    const std::vector<int> reversalConditional{2, 12, 13, 14, 23, 35, 37, 38, 39, 53, 55, 128};

    return {
        {"0100", "Authorization request", "0110", requestMandatory, requestConditional, true},
        {"0110", "Authorization response", "", responseMandatory, responseConditional, false},
        {"0200", "Financial transaction request", "0210", requestMandatory, requestConditional,
         true},
        {"0210", "Financial transaction response", "", responseMandatory,
         financialResponseConditional, false},
        {"0220",
         "Financial transaction advice",
         "0230",
         requestMandatory,
         {2, 14, 23, 28, 35, 37, 38, 39, 53, 55, 64, 127, 128},
         true},
        {"0230",
         "Financial transaction advice response",
         "",
         {3, 4, 7, 11, 39, 41},
         {37, 64, 128},
         false},
        {"0400", "Reversal request", "0410", reversalMandatory, reversalConditional, true},
        {"0401", "Reversal request, repeat", "0410", reversalMandatory, reversalConditional, true},
        {"0410", "Reversal response", "", {3, 4, 7, 11, 39, 41}, {37, 64, 90, 128}, false},
        {"0500",
         "Reconciliation request",
         "0510",
         {3, 7, 11, 41, 42, 48},
         {49, 53, 64, 125, 128},
         false},
        {"0510", "Reconciliation response", "", {3, 7, 11, 39, 41}, {48, 64, 126, 128}, false},
        {"0800",
         "Network management request",
         "0810",
         {7, 11, 41, 70},
         {42, 48, 53, 63, 125, 128},
         false},
        {"0810",
         "Network management response",
         "",
         {7, 11, 39, 41, 70},
         {48, 62, 120, 126, 127, 128},
         false},
    };
}
} // namespace

std::span<const MtiRule> mtiRules()
{
    static const std::vector<MtiRule> rules = makeRules();
    return rules;
}

const MtiRule* findMtiRule(std::string_view mti)
{
    for (const MtiRule& rule : mtiRules()) {
        if (rule.mti == mti)
            return &rule;
    }
    return nullptr;
}

} // namespace cardlink::iso8583
