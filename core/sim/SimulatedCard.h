#pragma once

#include "iso7816/CardChannel.h"
#include "sim/CardApplication.h"
#include "sim/CardProfile.h"
#include "sim/CardState.h"
#include "sim/IsoApplication.h"
#include "sim/PinVerifier.h"
#include "sim/RandomSource.h"
#include "sim/TransmissionRules.h"

#include <memory>
#include <utility>
#include <vector>

namespace cardlink::sim {

// A smart card in memory, built from a CardProfile: the card side of ISO/IEC
// 7816-4:2013 (see IsoApplication for the commands), answering as a T=0 or
// T=1 card would (TransmissionRules). Used in-process by tests and, behind the
// vpcd protocol, by cardlink-cardsim.
//
// Before IsoApplication or a plugged-in CardApplication sees a command, the
// card checks the class byte (ISO/IEC 7816-4:2013, 5.4.1): logical channels
// other than 0 get 6881, secure messaging 6882, command chaining 6884, a class
// no application accepts 6E00; an extended-length command on a card without
// extended lengths gets 6700. GET RESPONSE (CLA 00, INS C0) is answered by
// the card itself.
//
// The card starts powered off; transmit() then fails (CardRemoved). powerOn()
// and reset() select the MF and clear the security status and any pending
// response; the PIN try counter persists.
class SimulatedCard final : public iso7816::CardChannel
{
public:
    // `random` must outlive the card.
    SimulatedCard(CardProfile profile, RandomSource& random);
    // Uses the system's CSPRNG.
    explicit SimulatedCard(CardProfile profile);
    ~SimulatedCard() override;

    SimulatedCard(const SimulatedCard&) = delete;
    SimulatedCard& operator=(const SimulatedCard&) = delete;

    // Binds an application to the DF whose DF name is `dfName`: while that DF
    // is current, commands go to `application` first.
    void addApplication(Bytes dfName, std::unique_ptr<CardApplication> application);

    const Bytes& atr() const { return m_profile.atr; }
    const CardProfile& profile() const { return m_profile; }
    bool isPowered() const { return m_powered; }
    void powerOn();
    void reset();
    void powerOff();

    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu& command) override;
    // The same for a C-APDU as raw bytes (vpcd): an APDU that does not parse
    // gets 6700.
    Result<Bytes> transmitBytes(ByteView command);

    int pinTriesLeft() const { return m_pin.triesLeft(); }
    bool isPinVerified() const { return m_pin.isVerified(); }
    const CardState& state() const { return m_state; }

private:
    std::optional<std::uint16_t> checkClass(std::uint8_t cla) const;
    CardApplication* applicationFor(const FileNode& df) const;
    iso7816::ResponseApdu dispatch(const iso7816::CommandApdu& command);
    void clearSession();

    CardProfile m_profile;
    std::unique_ptr<RandomSource> m_ownRandom;
    RandomSource& m_random;
    CardState m_state;
    PinVerifier m_pin;
    TransmissionRules m_rules;
    IsoApplication m_iso;
    std::vector<std::pair<Bytes, std::unique_ptr<CardApplication>>> m_applications;
    bool m_powered = false;
};

} // namespace cardlink::sim
