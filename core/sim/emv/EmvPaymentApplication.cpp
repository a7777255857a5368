#include "sim/emv/EmvPaymentApplication.h"

#include "iso7816/StatusWord.h"
#include "sim/CardProfile.h"
#include "sim/CardState.h"
#include "sim/PinVerifier.h"
#include "sim/RandomSource.h"
#include "sim/emv/DolValues.h"
#include "sim/emv/DynamicSignature.h"
#include "sim/emv/EmvTlv.h"

#include <algorithm>

namespace cardlink::sim::emv {

namespace {
using iso7816::CommandApdu;
using iso7816::ResponseApdu;
namespace sw = iso7816::sw;

constexpr std::uint8_t kClaInterindustry = 0x00;
constexpr std::uint8_t kClaProprietary = 0x80;

enum class Ins : std::uint8_t {
    Verify = 0x20,
    ExternalAuthenticate = 0x82,
    GetChallenge = 0x84,
    InternalAuthenticate = 0x88,
    GetProcessingOptions = 0xA8,
    GenerateAc = 0xAE,
    ReadRecord = 0xB2,
    GetData = 0xCA,
};

constexpr std::uint8_t kPlaintextPin = 0x80; // Book 3, 6.5.12, table 23
constexpr std::uint8_t kEncipheredPin = 0x88;
constexpr std::uint8_t kEncipheredPinHeader = 0x7F; // Book 2, 7.2
constexpr std::size_t kPinBlockSize = 8;
constexpr std::size_t kIccDynamicNumberLength = 8;
constexpr tlv::Tag kCommandTemplate = 0x83;

std::optional<crypto::RsaPrivateKey> makeKey(const std::optional<crypto::RsaPrivateComponents>& c)
{
    if (!c)
        return std::nullopt;
    auto key = crypto::RsaPrivateKey::fromComponents(*c);
    if (!key)
        return std::nullopt; // the parser already checked it
    return std::move(*key);
}
} // namespace

EmvPaymentApplication::EmvPaymentApplication(const EmvProfile& profile,
                                             std::shared_ptr<EmvCardState> state)
    : m_data{profile,
             std::move(state),
             {},
             makeKey(profile.iccPrivateKey),
             makeKey(profile.iccPinKey ? profile.iccPinKey : profile.iccPrivateKey)},
      m_cryptograms(m_data), m_scripts(m_data)
{}

bool EmvPaymentApplication::acceptsClass(std::uint8_t cla) const
{
    return cla == kClaInterindustry || cla == kClaProprietary || cla == IssuerScriptProcessor::kCla;
}

void EmvPaymentApplication::reset()
{
    m_data.session = EmvSession{};
}

void EmvPaymentApplication::onSelected(ResponseApdu& answer, CardContext& context)
{
    m_data.session = EmvSession{};
    if (m_data.state->cardBlocked) {
        // Book 3, 6.5.3: a blocked card answers every SELECT with 6A81.
        answer = {{}, sw::kFunctionNotSupported};
        context.state.selectMf(context.profile.mf);
        return;
    }
    if (m_data.state->applicationBlocked)
        answer.sw = sw::kSelectedFileInvalidated; // Book 1, 12.3.2: FCI and 6283
}

std::optional<ResponseApdu> EmvPaymentApplication::process(const CommandApdu& command,
                                                           CardContext& context)
{
    if (command.cla == IssuerScriptProcessor::kCla)
        return m_scripts.process(command, context);
    const auto ins = static_cast<Ins>(command.ins);
    if (command.cla == kClaProprietary) {
        switch (ins) {
        case Ins::GetProcessingOptions:
            return getProcessingOptions(command);
        case Ins::GenerateAc:
            return m_cryptograms.generateAc(command, context);
        case Ins::GetData:
            return getData(command, context);
        default:
            return std::nullopt;
        }
    }
    switch (ins) {
    case Ins::ReadRecord:
        return readRecord(command);
    case Ins::InternalAuthenticate:
        return internalAuthenticate(command, context);
    case Ins::GetChallenge:
        return getChallenge(command, context);
    case Ins::Verify:
        return verify(command, context);
    case Ins::ExternalAuthenticate:
        return m_cryptograms.externalAuthenticate(command);
    case Ins::GetData:
        return getData(command, context);
    default:
        return std::nullopt;
    }
}

ResponseApdu EmvPaymentApplication::getProcessingOptions(const CommandApdu& command)
{
    EmvSession& session = m_data.session;
    if (command.p1 != 0 || command.p2 != 0)
        return {{}, sw::kIncorrectP1P2};
    if (!command.ne)
        return {{}, sw::kWrongLength};
    if (session.processingStarted)
        return {{}, sw::kConditionsOfUseNotSatisfied};
    // Book 3, 6.5.8.3: the data field is template 83 with the PDOL data.
    const ByteView data = command.data;
    if (data.size() < 2 || data[0] != kCommandTemplate)
        return {{}, sw::kIncorrectData};
    auto value = findValue(data, kCommandTemplate);
    const std::size_t expected = DolValues::expectedLength(m_data.profile.pdol);
    if (!value || makeTlv(kCommandTemplate, *value).size() != data.size() ||
        value->size() != expected)
        return {{}, sw::kWrongLength};
    // The ATC counts transactions begun: payment cards raise it when GET
    // PROCESSING OPTIONS starts processing, so the terminal's velocity checks
    // (EMV 4.4 Book 3, 10.6.3) see ATC > last online ATC after an online approval.
    if (m_data.state->atc == 0xFFFF)
        return {{}, sw::kConditionsOfUseNotSatisfied}; // ATC exhausted
    ++m_data.state->atc;
    session.processingStarted = true;
    session.pdolData = std::move(*value);

    const Bytes afl = m_data.profile.afl();
    if (m_data.profile.format == ResponseFormat::Format1) {
        Bytes body = m_data.profile.aip;
        body.insert(body.end(), afl.begin(), afl.end());
        return {makeTlv(0x80, body), sw::kNormal};
    }
    Bytes body = makeTlv(0x82, m_data.profile.aip);
    appendTlv(body, 0x94, afl);
    return {makeTlv(0x77, body), sw::kNormal};
}

std::optional<ResponseApdu> EmvPaymentApplication::readRecord(const CommandApdu& command) const
{
    // Book 3, 6.5.11: P1 record number, P2 = SFI << 3 | 100b.
    if ((command.p2 & 0x07) != 0x04)
        return std::nullopt;
    const std::uint8_t sfi = command.p2 >> 3;
    const auto file = std::find_if(m_data.profile.files.begin(), m_data.profile.files.end(),
                                   [sfi](const EmvRecordFile& f) { return f.sfi == sfi; });
    if (file == m_data.profile.files.end())
        return std::nullopt;
    if (!command.data.empty() || !command.ne)
        return ResponseApdu{{}, sw::kWrongLength};
    if (command.p1 == 0 || command.p1 > file->records.size())
        return ResponseApdu{{}, sw::kRecordNotFound};
    return ResponseApdu{file->records[command.p1 - 1u], sw::kNormal};
}

std::optional<ResponseApdu> EmvPaymentApplication::getData(const CommandApdu& command,
                                                           CardContext& context) const
{
    const auto tag = static_cast<tlv::Tag>((command.p1 << 8) | command.p2);
    Bytes value;
    switch (tag) {
    case 0x9F36:
        appendU16(value, m_data.state->atc);
        break;
    case 0x9F13:
        appendU16(value, m_data.state->lastOnlineAtc);
        break;
    case 0x9F17:
        if (!context.pin.hasPin())
            return std::nullopt;
        value.push_back(static_cast<std::uint8_t>(context.pin.triesLeft()));
        break;
    case 0x9F4F:
        if (m_data.profile.logFormat.empty())
            return std::nullopt;
        value = m_data.profile.logFormat;
        break;
    default:
        return std::nullopt; // the profile's data objects (IsoApplication)
    }
    if (!command.data.empty() || !command.ne)
        return ResponseApdu{{}, sw::kWrongLength};
    return ResponseApdu{makeTlv(tag, value), sw::kNormal};
}

std::optional<ResponseApdu> EmvPaymentApplication::internalAuthenticate(const CommandApdu& command,
                                                                        CardContext& context)
{
    if (!m_data.iccKey)
        return std::nullopt; // an SDA card: 6D00
    if (command.p1 != 0 || command.p2 != 0)
        return ResponseApdu{{}, sw::kIncorrectP1P2};
    // Book 3, 6.5.9.3: the DDOL data; the card's own DDOL fixes the length.
    if (command.data.empty() || !command.ne ||
        (!m_data.profile.ddol.empty() &&
         command.data.size() != DolValues::expectedLength(m_data.profile.ddol)))
        return ResponseApdu{{}, sw::kWrongLength};
    Bytes dynamicData{static_cast<std::uint8_t>(kIccDynamicNumberLength)};
    dynamicData.resize(1 + kIccDynamicNumberLength);
    context.random.fill(std::span(dynamicData).subspan(1));
    auto signature = DynamicSignature::sign(*m_data.iccKey, dynamicData, command.data);
    if (!signature)
        return ResponseApdu{{}, sw::kNoPreciseDiagnosis};
    m_data.session.ddaPerformed = true;
    if (m_data.profile.format == ResponseFormat::Format1)
        return ResponseApdu{makeTlv(0x80, *signature), sw::kNormal};
    return ResponseApdu{makeTlv(0x77, makeTlv(0x9F4B, *signature)), sw::kNormal};
}

ResponseApdu EmvPaymentApplication::getChallenge(const CommandApdu& command, CardContext& context)
{
    if (command.p1 != 0 || command.p2 != 0)
        return {{}, sw::kIncorrectP1P2};
    if (!command.data.empty() || !command.ne)
        return {{}, sw::kWrongLength};
    Bytes challenge(kChallengeLength);
    context.random.fill(challenge);
    m_data.session.challenge = challenge;
    return {std::move(challenge), sw::kNormal};
}

void EmvPaymentApplication::notePinResult(const ResponseApdu& answer)
{
    EmvSession& session = m_data.session;
    if (answer.sw == sw::kNormal) {
        session.offlinePinPerformed = true;
        session.offlinePinVerified = true;
        session.offlinePinFailed = false;
    } else if ((answer.sw & 0xFFF0) == 0x63C0 || answer.sw == 0x6300 ||
               answer.sw == sw::kAuthenticationMethodBlocked) {
        session.offlinePinPerformed = true;
        session.offlinePinVerified = false;
        session.offlinePinFailed = true;
    }
}

ResponseApdu EmvPaymentApplication::verify(const CommandApdu& command, CardContext& context)
{
    if (command.p1 != 0 || (command.p2 != kPlaintextPin && command.p2 != kEncipheredPin))
        return context.pin.verify(command); // ISO behaviour for other references
    if (command.data.empty())
        return context.pin.verify(command); // tries left
    ResponseApdu answer = command.p2 == kEncipheredPin ? verifyEnciphered(command, context)
                                                       : context.pin.verify(command);
    notePinResult(answer);
    return answer;
}

ResponseApdu EmvPaymentApplication::verifyEnciphered(const CommandApdu& command,
                                                     CardContext& context)
{
    // Book 2, 7.2: the terminal enciphered '7F' || PIN block || ICC
    // unpredictable number || random pad with the ICC PIN encipherment key.
    if (!m_data.pinKey || !context.pin.hasPin())
        return {{}, sw::kReferencedDataNotFound};
    if (command.data.size() != m_data.pinKey->modulusLength())
        return {{}, sw::kWrongLength};
    std::optional<Bytes> challenge = std::move(m_data.session.challenge);
    m_data.session.challenge.reset(); // one challenge, one VERIFY
    if (!challenge)
        return {{}, sw::kConditionsOfUseNotSatisfied};
    if (context.pin.isBlocked())
        return {{}, sw::kAuthenticationMethodBlocked};
    auto plain = m_data.pinKey->sign(command.data); // the raw private-key operation
    if (!plain)
        return {{}, sw::kIncorrectData};
    constexpr std::size_t kChallengeOffset = 1 + kPinBlockSize;
    const bool wellFormed =
        plain->size() >= kChallengeOffset + kChallengeLength &&
        (*plain)[0] == kEncipheredPinHeader &&
        std::equal(challenge->begin(), challenge->end(),
                   plain->begin() + static_cast<std::ptrdiff_t>(kChallengeOffset));
    if (!wellFormed) {
        secureWipe(*plain);
        return context.pin.recordFailure();
    }
    CommandApdu plaintext{0x00,
                          static_cast<std::uint8_t>(Ins::Verify),
                          0x00,
                          context.profile.pin ? context.profile.pin->reference : kPlaintextPin,
                          Bytes(plain->begin() + 1, plain->begin() + 1 + kPinBlockSize),
                          std::nullopt};
    secureWipe(*plain);
    ResponseApdu answer = context.pin.verify(plaintext);
    secureWipe(plaintext.data);
    return answer;
}

} // namespace cardlink::sim::emv
