#include "sim/SimulatedCard.h"

#include "sim/CardStatus.h"
#include "sim/SystemRandom.h"
#include "sim/emv/EmvApplicationInstaller.h"

namespace cardlink::sim {

namespace {
using iso7816::CommandApdu;
using iso7816::ResponseApdu;
namespace sw = iso7816::sw;

constexpr std::uint8_t kInsGetResponse = 0xC0;
constexpr std::uint8_t kInsSelect = 0xA4;
constexpr std::uint8_t kClaInterindustry = 0x00;
constexpr std::uint8_t kClaInvalid = 0xFF; // ISO/IEC 7816-3:2006, 12.1.1

// ISO/IEC 7816-4:2013, 5.4.1: class bytes 0x and 4x-7x are interindustry;
// 2x-3x are reserved; b8 set is proprietary.
constexpr std::uint8_t kClaProprietaryBit = 0x80;
constexpr std::uint8_t kClaFurtherInterindustry = 0x40;
constexpr std::uint8_t kClaReservedRange = 0x20;
constexpr std::uint8_t kClaChaining = 0x10;
constexpr std::uint8_t kClaSecureMessaging = 0x0C;
constexpr std::uint8_t kClaChannel = 0x03;
constexpr std::uint16_t kChainingNotSupported = 0x6884;
} // namespace

SimulatedCard::SimulatedCard(CardProfile profile, RandomSource& random)
    : m_profile(std::move(profile)), m_random(random),
      m_pin(m_profile.pin, m_profile.behaviour.verifyFailure), m_rules(m_profile.protocol),
      m_iso(m_profile.mf)
{
    m_state.selectMf(m_profile.mf);
    emv::EmvApplicationInstaller::install(*this);
}

SimulatedCard::SimulatedCard(CardProfile profile)
    : m_profile(std::move(profile)), m_ownRandom(std::make_unique<SystemRandom>()),
      m_random(*m_ownRandom), m_pin(m_profile.pin, m_profile.behaviour.verifyFailure),
      m_rules(m_profile.protocol), m_iso(m_profile.mf)
{
    m_state.selectMf(m_profile.mf);
    emv::EmvApplicationInstaller::install(*this);
}

SimulatedCard::~SimulatedCard() = default;

void SimulatedCard::addApplication(Bytes dfName, std::unique_ptr<CardApplication> application)
{
    m_applications.emplace_back(std::move(dfName), std::move(application));
}

void SimulatedCard::clearSession()
{
    m_state.selectMf(m_profile.mf);
    m_pin.clearSecurityStatus();
    m_rules.clear();
    for (auto& entry : m_applications)
        entry.second->reset();
}

void SimulatedCard::powerOn()
{
    clearSession();
    m_powered = true;
}

void SimulatedCard::reset()
{
    clearSession();
    m_powered = true;
}

void SimulatedCard::powerOff()
{
    clearSession();
    m_powered = false;
}

CardApplication* SimulatedCard::applicationFor(const FileNode& df) const
{
    if (df.dfName.empty())
        return nullptr;
    for (const auto& entry : m_applications) {
        if (entry.first == df.dfName)
            return entry.second.get();
    }
    return nullptr;
}

std::optional<std::uint16_t> SimulatedCard::checkClass(std::uint8_t cla) const
{
    if (cla == kClaInvalid)
        return sw::kClassNotSupported;
    if ((cla & kClaProprietaryBit) == 0) {
        if (cla >= kClaFurtherInterindustry)
            return status::kLogicalChannelNotSupported; // channels 4..19
        if (cla >= kClaReservedRange)
            return sw::kClassNotSupported;
        if (cla & kClaChannel)
            return status::kLogicalChannelNotSupported;
        if (cla & kClaSecureMessaging)
            return status::kSecureMessagingNotSupported;
        if (cla & kClaChaining)
            return kChainingNotSupported;
    }
    const CardApplication* active = applicationFor(m_state.currentDf());
    if (!m_iso.acceptsClass(cla) && !(active && active->acceptsClass(cla)))
        return sw::kClassNotSupported;
    return std::nullopt;
}

ResponseApdu SimulatedCard::dispatch(const CommandApdu& command)
{
    CardContext context{m_profile, m_state, m_pin, m_random};
    CardApplication* active = applicationFor(m_state.currentDf());
    std::optional<ResponseApdu> answer;
    if (active && active->acceptsClass(command.cla))
        answer = active->process(command, context);
    if (!answer && m_iso.acceptsClass(command.cla))
        answer = m_iso.process(command, context);
    if (!answer)
        return {{}, sw::kInstructionNotSupported};

    CardApplication* now = applicationFor(m_state.currentDf());
    if (now && now != active)
        now->onSelect(context);
    if (now && command.ins == kInsSelect && (command.cla & kClaProprietaryBit) == 0 &&
        answer->isSuccess())
        now->onSelected(*answer, context);
    return std::move(*answer);
}

Result<ResponseApdu> SimulatedCard::transmit(const CommandApdu& command)
{
    if (!m_powered)
        return makeError(ErrorCode::CardRemoved, "the simulated card is not powered");
    if (command.isExtended() && !m_profile.behaviour.extendedLength) {
        m_rules.clear();
        return ResponseApdu{{}, sw::kWrongLength};
    }
    if (auto refused = checkClass(command.cla)) {
        m_rules.clear();
        return ResponseApdu{{}, *refused};
    }
    if (command.cla == kClaInterindustry && command.ins == kInsGetResponse)
        return m_rules.getResponse(command);
    ResponseApdu answer = dispatch(command);
    return m_rules.shape(command, std::move(answer));
}

Result<Bytes> SimulatedCard::transmitBytes(ByteView bytes)
{
    auto command = CommandApdu::parse(bytes);
    if (!command) {
        if (!m_powered)
            return makeError(ErrorCode::CardRemoved, "the simulated card is not powered");
        m_rules.clear();
        return ResponseApdu{{}, sw::kWrongLength}.encode();
    }
    // ISO/IEC 7816-4:2013, 5.1: a C-APDU longer than 5 bytes whose fifth byte
    // is 00 uses extended length fields, whatever lengths they carry.
    constexpr std::size_t kShortHeaderAndLc = 5;
    const bool extendedEncoding = bytes.size() > kShortHeaderAndLc && bytes[4] == 0x00;
    if (m_powered && extendedEncoding && !m_profile.behaviour.extendedLength) {
        secureWipe(command->data);
        m_rules.clear();
        return ResponseApdu{{}, sw::kWrongLength}.encode();
    }
    auto response = transmit(*command);
    secureWipe(command->data); // may be a PIN block
    if (!response)
        return response.error();
    return response->encode();
}

} // namespace cardlink::sim
