#pragma once

// Test doubles and card-script builders shared by the tst_emv_* kernel tests.
// Header-only; Qt-free apart from nothing: plain C++ over the core.

#include "ScriptedCard.h"
#include "emv/Cardholder.h"
#include "emv/Random.h"
#include "emv/TerminalConfig.h"
#include "support/FixedRandom.h"
#include "tlv/TlvEncoder.h"
#include "tlv/TlvObject.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace cardlink::test {

inline Bytes unhex(const std::string& text)
{
    auto bytes = fromHex(text);
    return bytes ? std::move(*bytes) : Bytes{};
}

// Answers from fields the test sets; records what it was asked.
class FakeCardholder final : public emv::Cardholder
{
public:
    std::optional<std::size_t> choice = 0;
    bool confirm = true;
    std::vector<std::vector<emv::ApplicationChoice>> offered;
    int confirmations = 0;
    std::vector<emv::CardholderMessage> messages;

    std::optional<std::size_t>
    chooseApplication(std::span<const emv::ApplicationChoice> candidates) override
    {
        offered.emplace_back(candidates.begin(), candidates.end());
        return choice;
    }
    bool confirmApplication(const emv::ApplicationChoice&) override
    {
        ++confirmations;
        return confirm;
    }
    bool confirmAmount(std::uint64_t, const std::string&) override { return true; }
    emv::PinEntry enterPin(const emv::PinRequest&) override { return {}; }
    void showMessage(emv::CardholderMessage message) override { messages.push_back(message); }
};

inline tlv::TlvObject prim(tlv::Tag tag, const std::string& hexValue)
{
    return tlv::TlvObject::primitive(tag, unhex(hexValue));
}

inline tlv::TlvObject text(tlv::Tag tag, const std::string& value)
{
    return tlv::TlvObject::primitive(tag, Bytes(value.begin(), value.end()));
}

inline std::string encodeHex(const tlv::TlvObject& object)
{
    auto bytes = tlv::encode(object);
    return bytes ? toHex(*bytes) : std::string("??");
}

// The FCI of an ADF (EMV 4.4 Book 1, 11.3.4, table 9), as response hex.
inline std::string fci(const std::string& aid, const std::string& label,
                       const std::string& priority = {}, const std::string& pdol = {})
{
    std::vector<tlv::TlvObject> proprietary{text(0x50, label)};
    if (!priority.empty())
        proprietary.push_back(prim(0x87, priority));
    if (!pdol.empty())
        proprietary.push_back(prim(0x9F38, pdol));
    return encodeHex(tlv::TlvObject::constructed(
        0x6F, {prim(0x84, aid), tlv::TlvObject::constructed(0xA5, proprietary)}));
}

// The PSE FCI pointing at directory SFI `sfi` (Book 1, 11.3.4, table 8).
inline std::string pseFci(int sfi)
{
    return encodeHex(tlv::TlvObject::constructed(
        0x6F,
        {prim(0x84, "315041592E5359532E4444463031"),
         tlv::TlvObject::constructed(
             0xA5, {tlv::TlvObject::primitive(0x88, Bytes{static_cast<std::uint8_t>(sfi)})})}));
}

// A directory entry 61 (Book 1, 12.2.3, table 13).
inline tlv::TlvObject adfEntry(const std::string& aid, const std::string& label,
                               const std::string& priority = {})
{
    std::vector<tlv::TlvObject> children{prim(0x4F, aid), text(0x50, label)};
    if (!priority.empty())
        children.push_back(prim(0x87, priority));
    return tlv::TlvObject::constructed(0x61, children);
}

inline std::string record(std::vector<tlv::TlvObject> objects)
{
    return encodeHex(tlv::TlvObject::constructed(0x70, std::move(objects)));
}

inline constexpr const char* kPseSelect = "00A404000E315041592E5359532E444446303100";

inline std::string selectAid(const std::string& aid, bool next = false)
{
    const auto size = unhex(aid).size();
    char lc[3];
    std::snprintf(lc, sizeof lc, "%02X", static_cast<unsigned>(size));
    return std::string("00A404") + (next ? "02" : "00") + lc + aid + "00";
}

inline emv::TerminalConfig terminalConfig(std::vector<std::pair<std::string, bool>> aids = {
                                              {"A0000000041010", true}})
{
    emv::TerminalConfig config;
    config.aids.clear();
    for (const auto& [aid, partial] : aids)
        config.aids.push_back(emv::SupportedAid{unhex(aid), partial});
    config.countryCode = unhex("0826");
    config.currencyCode = unhex("0826");
    config.floorLimit = 10000;
    config.tac = {};
    return config;
}

} // namespace cardlink::test
