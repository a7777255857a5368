#include "sim/emv/IssuerScriptProcessor.h"

#include "crypto/SecureMessaging.h"
#include "crypto/SessionKey.h"
#include "iso7816/StatusWord.h"
#include "sim/PinVerifier.h"
#include "sim/PlaintextPinBlock.h"

#include <openssl/crypto.h>

namespace cardlink::sim::emv {

namespace {
using iso7816::CommandApdu;
using iso7816::ResponseApdu;
namespace sw = iso7816::sw;

enum class Ins : std::uint8_t {
    CardBlock = 0x16,
    ApplicationUnblock = 0x18,
    ApplicationBlock = 0x1E,
    PinChangeUnblock = 0x24,
};
constexpr std::uint8_t kP2UnblockOnly = 0x00;
constexpr std::uint8_t kP2NewPin = 0x02;
} // namespace

IssuerScriptProcessor::IssuerScriptProcessor(EmvApplicationData& data) : m_data(data) {}

std::optional<ResponseApdu> IssuerScriptProcessor::process(const CommandApdu& command,
                                                           CardContext& context)
{
    const auto ins = static_cast<Ins>(command.ins);
    if (ins != Ins::CardBlock && ins != Ins::ApplicationUnblock && ins != Ins::ApplicationBlock &&
        ins != Ins::PinChangeUnblock)
        return std::nullopt;
    EmvSession& session = m_data.session;
    if (session.generateAcCount == 0)
        return ResponseApdu{{}, sw::kConditionsOfUseNotSatisfied};
    const std::size_t macLength = m_data.profile.scriptMacLength;
    if (command.data.size() < macLength)
        return ResponseApdu{{}, sw::kWrongLength};
    const ByteView data = ByteView(command.data).first(command.data.size() - macLength);
    const ByteView mac = ByteView(command.data).last(macLength);

    auto key = crypto::deriveSessionKey(m_data.profile.algorithm, m_data.profile.iccMasterKeySmi,
                                        m_data.state->atc);
    if (!key)
        return ResponseApdu{{}, sw::kNoPreciseDiagnosis};
    const Bytes header{command.cla, command.ins, command.p1, command.p2};
    auto expected =
        crypto::scriptCommandMac(m_data.profile.algorithm, *key, header, m_data.state->atc,
                                 session.firstCryptogram, data, macLength);
    secureWipe(*key);
    ++session.scriptCommands;
    if (!expected || expected->size() != macLength ||
        CRYPTO_memcmp(expected->data(), mac.data(), macLength) != 0) {
        session.scriptFailed = true;
        return ResponseApdu{{}, kMacWrong};
    }

    switch (ins) {
    case Ins::ApplicationBlock:
    case Ins::ApplicationUnblock:
    case Ins::CardBlock:
        if (command.p1 != 0 || command.p2 != 0 || !data.empty()) {
            session.scriptFailed = true;
            return ResponseApdu{{}, data.empty() ? sw::kIncorrectP1P2 : sw::kWrongLength};
        }
        if (ins == Ins::ApplicationBlock)
            m_data.state->applicationBlocked = true;
        else if (ins == Ins::ApplicationUnblock)
            m_data.state->applicationBlocked = false;
        else
            m_data.state->cardBlocked = true;
        return ResponseApdu{{}, sw::kNormal};
    case Ins::PinChangeUnblock:
        return pinChange(command, data, context);
    }
    return std::nullopt;
}

ResponseApdu IssuerScriptProcessor::pinChange(const CommandApdu& command, ByteView data,
                                              CardContext& context)
{
    EmvSession& session = m_data.session;
    auto fail = [&session](std::uint16_t status) {
        session.scriptFailed = true;
        return ResponseApdu{{}, status};
    };
    if (command.p1 != 0 || (command.p2 != kP2UnblockOnly && command.p2 != kP2NewPin))
        return fail(sw::kIncorrectP1P2);
    if (!context.pin.hasPin())
        return fail(sw::kReferencedDataNotFound);
    if (command.p2 == kP2UnblockOnly) {
        if (!data.empty())
            return fail(sw::kWrongLength);
        context.pin.unblock();
        return {{}, sw::kNormal};
    }
    const auto algorithm = m_data.profile.algorithm;
    if (data.size() != crypto::blockSize(algorithm))
        return fail(sw::kWrongLength);
    auto key =
        crypto::deriveSessionKey(algorithm, m_data.profile.iccMasterKeySmc, m_data.state->atc);
    if (!key)
        return fail(sw::kNoPreciseDiagnosis);
    auto plain = crypto::decrypt(algorithm, *key, data, crypto::CipherMode::Cbc);
    secureWipe(*key);
    if (!plain)
        return fail(sw::kIncorrectData);
    auto digits = PlaintextPinBlock::decode(ByteView(*plain).first(PlaintextPinBlock::kSize));
    secureWipe(*plain);
    if (!digits)
        return fail(sw::kIncorrectData);
    auto changed = context.pin.changePin(*digits);
    secureWipe(*digits);
    if (!changed)
        return fail(sw::kIncorrectData);
    return {{}, sw::kNormal};
}

} // namespace cardlink::sim::emv
