#include "iso8583/MessageValidator.h"

#include "iso8583/CardLinkProfile.h"
#include "iso8583/FieldCodec.h"
#include "iso8583/MtiRules.h"

#include <algorithm>

namespace cardlink::iso8583 {

namespace {
constexpr std::size_t kTdesPinBlockSize = 8;
constexpr std::size_t kAesPinBlockSize = 16;
constexpr int kLastPrimaryField = 64;
constexpr std::string_view kApproved = "00";

bool contains(const std::vector<int>& list, int number)
{
    return std::find(list.begin(), list.end(), number) != list.end();
}

Error ruleError(const Message& message, const std::string& why)
{
    return makeError(ErrorCode::Malformed, "MTI " + message.mti() + ": " + why);
}

Result<void> checkPresence(const Message& message, const MtiRule& rule)
{
    for (int number : rule.mandatory) {
        if (!message.has(number))
            return ruleError(message, "mandatory field " + std::to_string(number) + " missing");
    }
    for (const auto& entry : message.fields()) {
        if (!contains(rule.mandatory, entry.first) && !contains(rule.conditional, entry.first))
            return ruleError(message, "field " + std::to_string(entry.first) + " not allowed");
    }
    if (rule.needsCardData && !message.has(field::kPan) && !message.has(field::kTrack2))
        return ruleError(message, "needs the PAN (2) or track 2 (35)");
    return {};
}

Result<void> checkPinBlock(const Message& message)
{
    const Bytes* pinBlock = message.bytes(field::kPinBlock);
    if (!pinBlock)
        return {};
    if (pinBlock->size() != kTdesPinBlockSize && pinBlock->size() != kAesPinBlockSize)
        return ruleError(message, "PIN block must be 8 or 16 bytes");
    if (!message.has(field::kKeySerialNumber))
        return ruleError(message, "PIN block without key serial number (53)");
    return {};
}

Result<void> checkMac(const Message& message)
{
    const bool primaryMac = message.has(field::kMac);
    const bool secondaryMac = message.has(field::kSecondaryMac);
    if (primaryMac && secondaryMac)
        return ruleError(message, "MAC in both 64 and 128");
    const bool otherSecondary =
        std::any_of(message.fields().begin(), message.fields().end(), [](const auto& entry) {
            return entry.first > kLastPrimaryField && entry.first != field::kSecondaryMac;
        });
    if (primaryMac && otherSecondary)
        return ruleError(message, "MAC belongs in 128 when the secondary bitmap is present");
    if (secondaryMac && !otherSecondary)
        return ruleError(message, "MAC belongs in 64 when there is no secondary field");
    return {};
}

Result<void> checkApproval(const Message& message, const MtiRule& rule)
{
    const std::string* code = message.text(field::kResponseCode);
    const bool authorizes = rule.mti == "0110" || rule.mti == "0210";
    if (authorizes && code && *code == kApproved && !message.has(field::kAuthorizationCode))
        return ruleError(message, "approval without authorization code (38)");
    return {};
}
} // namespace

Result<void> MessageValidator::validate(const Message& message, const Profile& profile)
{
    for (const auto& [number, value] : message.fields()) {
        const FieldSpec* spec = profile.field(number);
        if (!spec)
            return ruleError(message, "field " + std::to_string(number) + " not in profile");
        if (auto valid = FieldCodec::validate(*spec, value); !valid)
            return valid;
    }
    const MtiRule* rule = findMtiRule(message.mti());
    if (!rule)
        return makeError(ErrorCode::Unsupported, "MTI " + message.mti() + " not used by CardLink");
    for (auto check : {checkPresence(message, *rule), checkPinBlock(message), checkMac(message),
                       checkApproval(message, *rule)}) {
        if (!check)
            return check;
    }
    return {};
}

} // namespace cardlink::iso8583
