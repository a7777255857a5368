#include "sim/emv/CryptogramProcessor.h"

#include "crypto/EmvCryptogram.h"
#include "crypto/Hash.h"
#include "crypto/SessionKey.h"
#include "iso7816/StatusWord.h"
#include "sim/CardProfile.h"
#include "sim/PinVerifier.h"
#include "sim/RandomSource.h"
#include "sim/emv/CardRiskManagement.h"
#include "sim/emv/DolValues.h"
#include "sim/emv/DynamicSignature.h"
#include "sim/emv/EmvTlv.h"

#include <openssl/crypto.h>

#include <array>
#include <utility>

namespace cardlink::sim::emv {

namespace {
using iso7816::CommandApdu;
using iso7816::ResponseApdu;
namespace sw = iso7816::sw;

constexpr std::uint8_t kP1TypeMask = 0xC0;
constexpr std::uint8_t kP1Reserved = 0x2F;
constexpr std::size_t kIccDynamicNumberLength = 8;
constexpr std::uint16_t kVerificationFailed = 0x6300;
constexpr tlv::Tag kAmountAuthorised = 0x9F02;
constexpr tlv::Tag kUnpredictableNumber = 0x9F37;

std::uint64_t bcdValue(ByteView bytes)
{
    std::uint64_t value = 0;
    for (auto byte : bytes) {
        for (int shift : {4, 0}) {
            const int nibble = (byte >> shift) & 0x0F;
            value = value * 10 + static_cast<std::uint64_t>(nibble > 9 ? 9 : nibble);
        }
    }
    return value;
}

Bytes u16Bytes(std::uint16_t value)
{
    Bytes out;
    appendU16(out, value);
    return out;
}

PinStatus pinStatus(CardContext& context)
{
    return {context.pin.hasPin(), context.pin.isBlocked(), context.pin.triesLeft()};
}
} // namespace

CryptogramProcessor::CryptogramProcessor(EmvApplicationData& data) : m_data(data) {}

Bytes CryptogramProcessor::currentDol() const
{
    return m_data.session.generateAcCount == 0 ? m_data.profile.cdol1 : m_data.profile.cdol2;
}

Bytes CryptogramProcessor::terminalValue(ByteView dolData, tlv::Tag tag, std::size_t length) const
{
    auto value = DolValues::value(currentDol(), dolData, tag);
    if (!value && m_data.session.generateAcCount > 0)
        value = DolValues::value(m_data.profile.cdol1, m_data.session.cdol1Data, tag);
    Bytes out = value.value_or(Bytes{});
    out.resize(length, 0x00);
    return out;
}

Result<Bytes> CryptogramProcessor::cryptogram(ByteView dolData, ByteView cvr) const
{
    Bytes atc;
    appendU16(atc, m_data.state->atc);
    const Bytes input = crypto::recommendedCryptogramInput(
        [&](std::uint32_t tag, std::size_t length) { return terminalValue(dolData, tag, length); },
        m_data.profile.aip, atc, cvr);
    auto key = crypto::deriveSessionKey(m_data.profile.algorithm, m_data.profile.iccMasterKeyAc,
                                        m_data.state->atc);
    if (!key)
        return key.error();
    auto ac = crypto::applicationCryptogram(m_data.profile.algorithm, *key, input);
    secureWipe(*key);
    return ac;
}

Result<Bytes> CryptogramProcessor::cdaSignature(CardContext& context, std::uint8_t cid, ByteView ac,
                                                ByteView returnedTlvs, ByteView dolData) const
{
    // Book 2, 6.6.1: the Transaction Data Hash Code covers the PDOL data, the
    // CDOL1 data, the CDOL2 data (second GENERATE AC) and the TLVs returned
    // except 9F4B, in that order.
    const EmvSession& session = m_data.session;
    const bool second = session.generateAcCount > 0;
    const ByteView cdol1 = second ? ByteView(session.cdol1Data) : dolData;
    const ByteView cdol2 = second ? dolData : ByteView();
    auto hashCode =
        crypto::hash(crypto::HashAlgorithm::Sha1, {session.pdolData, cdol1, cdol2, returnedTlvs});
    if (!hashCode)
        return hashCode.error();
    Bytes dynamicData{static_cast<std::uint8_t>(kIccDynamicNumberLength)};
    Bytes number(kIccDynamicNumberLength);
    context.random.fill(number);
    dynamicData.insert(dynamicData.end(), number.begin(), number.end());
    dynamicData.push_back(cid);
    dynamicData.insert(dynamicData.end(), ac.begin(), ac.end());
    dynamicData.insert(dynamicData.end(), hashCode->begin(), hashCode->end());
    const Bytes un = terminalValue(dolData, kUnpredictableNumber, 4);
    return DynamicSignature::sign(*m_data.iccKey, dynamicData, un);
}

ResponseApdu CryptogramProcessor::generateAc(const CommandApdu& command, CardContext& context)
{
    EmvSession& session = m_data.session;
    if ((command.p1 & kP1Reserved) != 0 || (command.p1 & kP1TypeMask) == kP1TypeMask ||
        command.p2 != 0)
        return {{}, sw::kIncorrectP1P2};
    if (!command.ne)
        return {{}, sw::kWrongLength};
    const auto requested = static_cast<AcType>(command.p1 & kP1TypeMask);
    const bool first = session.generateAcCount == 0;
    // Book 3, 6.5.5: a second GENERATE AC only follows an ARQC; no third.
    if (!session.processingStarted || session.generateAcCount > 1 ||
        (!first && session.firstAc != AcType::Arqc) || (!first && requested == AcType::Arqc))
        return {{}, sw::kConditionsOfUseNotSatisfied};
    if (command.data.size() != DolValues::expectedLength(currentDol()))
        return {{}, sw::kWrongLength};

    const PinStatus pin = pinStatus(context);
    AcType type = AcType::Aac;
    if (first) {
        const Bytes amount = terminalValue(command.data, kAmountAuthorised, 6);
        type = CardRiskManagement::decideFirst(requested, bcdValue(amount), m_data, pin,
                                               session.offlineLimitExceeded);
    } else {
        type = CardRiskManagement::decideSecond(requested, m_data);
    }
    const bool cda =
        (command.p1 & kP1CdaRequested) != 0 && type != AcType::Aac && m_data.iccKey.has_value();
    session.cdaPerformed = cda;

    const Bytes cvr = CardRiskManagement::cardVerificationResults(
        m_data, pin, first ? type : session.firstAc, first ? std::nullopt : std::optional(type));
    auto ac = cryptogram(command.data, cvr);
    if (!ac)
        return {{}, sw::kNoPreciseDiagnosis};
    const auto cid = static_cast<std::uint8_t>(type);
    const Bytes atc = u16Bytes(m_data.state->atc);
    Bytes iad{0x06, m_data.profile.derivationKeyIndex, m_data.profile.cryptogramVersion};
    iad.insert(iad.end(), cvr.begin(), cvr.end());

    ResponseApdu response{{}, sw::kNormal};
    if (cda) {
        // Book 3, 6.5.5.4: with CDA the AC travels only inside 9F4B.
        Bytes returned = makeTlv(0x9F27, ByteView(&cid, 1));
        appendTlv(returned, 0x9F36, atc);
        const Bytes iadTlv = makeTlv(0x9F10, iad);
        Bytes hashed = returned;
        hashed.insert(hashed.end(), iadTlv.begin(), iadTlv.end());
        auto signature = cdaSignature(context, cid, *ac, hashed, command.data);
        if (!signature)
            return {{}, sw::kNoPreciseDiagnosis};
        appendTlv(returned, 0x9F4B, *signature);
        returned.insert(returned.end(), iadTlv.begin(), iadTlv.end());
        response.data = makeTlv(0x77, returned);
    } else if (m_data.profile.format == ResponseFormat::Format1) {
        Bytes value{cid};
        value.insert(value.end(), atc.begin(), atc.end());
        value.insert(value.end(), ac->begin(), ac->end());
        value.insert(value.end(), iad.begin(), iad.end());
        response.data = makeTlv(0x80, value);
    } else {
        Bytes value = makeTlv(0x9F27, ByteView(&cid, 1));
        appendTlv(value, 0x9F36, atc);
        appendTlv(value, 0x9F26, *ac);
        appendTlv(value, 0x9F10, iad);
        response.data = makeTlv(0x77, value);
    }

    if (first) {
        session.firstAc = type;
        session.cdol1Data = command.data;
        session.firstCryptogram = *ac;
    } else {
        session.secondAc = type;
        session.cdol2Data = command.data;
    }
    ++session.generateAcCount;
    return response;
}

ResponseApdu CryptogramProcessor::externalAuthenticate(const CommandApdu& command)
{
    EmvSession& session = m_data.session;
    if (command.p1 != 0 || command.p2 != 0)
        return {{}, sw::kIncorrectP1P2};
    // Book 3, 6.5.4: after an ARQC, once, before the second GENERATE AC.
    if (session.generateAcCount != 1 || session.firstAc != AcType::Arqc ||
        session.issuerAuthentication != IssuerAuthentication::NotPerformed)
        return {{}, sw::kConditionsOfUseNotSatisfied};
    const ByteView data = command.data;
    const bool method1 = m_data.profile.arpcMethod == ArpcMethod::Method1;
    // 91: ARPC (8) || ARC (2), or ARPC (4) || CSU (4) || proprietary (0..8).
    if (method1 ? data.size() != 10 : (data.size() < 8 || data.size() > 16))
        return {{}, sw::kWrongLength};
    auto key = crypto::deriveSessionKey(m_data.profile.algorithm, m_data.profile.iccMasterKeyAc,
                                        m_data.state->atc);
    if (!key)
        return {{}, sw::kNoPreciseDiagnosis};
    auto expected =
        method1 ? crypto::arpcMethod1(m_data.profile.algorithm, *key, session.firstCryptogram,
                                      data.subspan(8, 2))
                : crypto::arpcMethod2(m_data.profile.algorithm, *key, session.firstCryptogram,
                                      data.subspan(4, 4), data.subspan(8));
    secureWipe(*key);
    const std::size_t arpcLength = method1 ? 8 : 4;
    const bool ok = expected && expected->size() == arpcLength &&
                    CRYPTO_memcmp(expected->data(), data.data(), arpcLength) == 0;
    session.issuerAuthentication = ok ? IssuerAuthentication::Passed : IssuerAuthentication::Failed;
    // Remembered for the next transaction (CVR, card risk management).
    m_data.state->issuerAuthenticationFailed = !ok;
    if (!ok)
        return {{}, kVerificationFailed};
    m_data.state->lastOnlineAtc = m_data.state->atc;
    return {{}, sw::kNormal};
}

} // namespace cardlink::sim::emv
