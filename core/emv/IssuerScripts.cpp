#include "emv/IssuerScripts.h"

#include "tlv/TlvParser.h"

#include <algorithm>

namespace cardlink::emv {

namespace {
constexpr std::uint8_t kNotPerformed = 0x00;
constexpr std::uint8_t kFailed = 0x10;
constexpr std::uint8_t kSuccessful = 0x20;

bool isScriptError(std::uint16_t sw)
{
    const auto sw1 = static_cast<std::uint8_t>(sw >> 8);
    return sw1 != 0x90 && sw1 != 0x62 && sw1 != 0x63;
}

void appendResult(TransactionData& data, std::uint8_t result, ByteView scriptId)
{
    Bytes results;
    if (const auto existing = data.get(0x9F5B))
        results.assign(existing->begin(), existing->end());
    results.push_back(result);
    Bytes id(4, 0);
    if (scriptId.size() == 4)
        std::copy(scriptId.begin(), scriptId.end(), id.begin());
    results.insert(results.end(), id.begin(), id.end());
    data.set(0x9F5B, std::move(results));
}

// One script: Result<bool> is true when every command succeeded.
Result<bool> runScript(iso7816::CardChannel& card, const tlv::TlvObject& script,
                       TransactionData& data)
{
    const auto* id = script.find(0x9F18);
    const ByteView scriptId = id ? ByteView(id->value) : ByteView{};
    std::uint8_t sequence = 0;
    for (const auto& child : script.children) {
        if (child.tag != 0x86)
            continue;
        sequence = static_cast<std::uint8_t>(std::min(sequence + 1, 0x0F));
        auto command = iso7816::CommandApdu::parse(child.value);
        if (!command) {
            appendResult(data, kFailed | sequence, scriptId);
            return false;
        }
        auto response = card.transmit(*command);
        if (!response)
            return response.error();
        if (isScriptError(response->sw)) {
            appendResult(data, kFailed | sequence, scriptId);
            return false;
        }
    }
    appendResult(data, sequence == 0 ? kNotPerformed : kSuccessful, scriptId);
    return true;
}
} // namespace

Result<void> processIssuerScripts(iso7816::CardChannel& card, ByteView scripts, tlv::Tag which,
                                  TransactionData& data, Tvr& tvr, Tsi& tsi)
{
    if (scripts.empty())
        return {};
    const TvrBit failedBit = which == 0x71 ? TvrBit::ScriptFailedBeforeFinalGenerateAc
                                           : TvrBit::ScriptFailedAfterFinalGenerateAc;
    auto objects = tlv::parse(scripts);
    if (!objects) {
        tvr.set(failedBit);
        return {};
    }
    for (const auto& script : *objects) {
        if (script.tag != which)
            continue;
        tsi.set(TsiBit::ScriptProcessingPerformed);
        auto ok = runScript(card, script, data);
        if (!ok)
            return ok.error();
        if (!*ok)
            tvr.set(failedBit);
    }
    return {};
}

} // namespace cardlink::emv
