// Fuzzes the authorization host's request handler (core/host): the input is
// one flags byte, then a byte stream cut into requests by the 2-byte length
// framer, each handled by AuthorizationEngine with a MemoryHostStore holding
// one terminal, one merchant and one card. Flags: bit 0 = the dial-in channel
// (MAC required; the harness has no MAC keys, so every request must close),
// bit 1 = repair the cryptogram in field 55 with the card's real key so that
// the fuzzer reaches the approval, reversal and reconciliation paths.
// Invariants after every request: the ledger sums to zero and the accounts
// hold what they held plus their ledger entries; a response decodes, passes
// the validator and carries field 39; a repeat of the same bytes gets the
// same response bytes and commits nothing.
#include "crypto/EmvCryptogram.h"
#include "crypto/IccMasterKey.h"
#include "crypto/SessionKey.h"
#include "host/AuthorizationEngine.h"
#include "host/IccRequestData.h"
#include "host/MemoryHostStore.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/LengthFramer.h"
#include "iso8583/MessageCodec.h"
#include "iso8583/MessageValidator.h"
#include "tlv/TlvEncoder.h"
#include "tlv/TlvParser.h"

#include <chrono>
#include <cstdlib>

using namespace cardlink;
using namespace cardlink::host;
namespace f = iso8583::field;

namespace {

constexpr const char* kPan = "9999990600000018";
constexpr Money kCardBalance = 100000;

class FixedClock final : public Clock
{
public:
    std::chrono::system_clock::time_point now() const override
    {
        return std::chrono::sys_days{std::chrono::year{2025} / 11 / 25};
    }
    std::chrono::steady_clock::time_point monotonic() const override { return {}; }
};

void require(bool condition)
{
    if (!condition)
        std::abort();
}

Bytes issuerMasterKey()
{
    return Bytes{0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF,
                 0xFE, 0xDC, 0xBA, 0x98, 0x76, 0x54, 0x32, 0x10};
}

void populate(MemoryHostStore& store)
{
    const Bytes imk = issuerMasterKey();
    store.addIssuerKeys({"imk", crypto::CipherAlgorithm::Des, imk, imk, imk, Bytes(32, 0x5A)});
    store.addAccount({"merchant", AccountKind::Merchant, "826", 0, 0, 0, 0});
    store.addAccount({"card", AccountKind::Cardholder, "826", kCardBalance, 5000, 150000, 0});
    store.addMerchant({"MERCHANT0000001", "shop", "merchant"});
    Terminal terminal;
    terminal.id = "TERM0001";
    terminal.merchantId = "MERCHANT0000001";
    store.addTerminal(terminal);
    Card card;
    card.pan = kPan;
    card.psn = 1;
    card.expiry = "3012";
    card.issuerKeysId = "imk";
    card.accountId = "card";
    card.status = CardStatus::Active;
    store.addCard(card);
}

// Recomputes 9F26 over the request's own data, as the card would have.
Bytes repairCryptogram(const Bytes& request)
{
    const iso8583::MessageCodec codec(iso8583::cardLinkProfile());
    auto message = codec.decode(request);
    if (!message || !message->bytes(f::kIccData))
        return request;
    auto icc = IccRequestData::parse(*message->bytes(f::kIccData));
    auto objects = tlv::parse(*message->bytes(f::kIccData));
    if (!icc || !objects)
        return request;
    auto mk =
        crypto::deriveIccMasterKey(crypto::CipherAlgorithm::Des, issuerMasterKey(), kPan, 0x01);
    auto sk = crypto::deriveSessionKey(crypto::CipherAlgorithm::Des, *mk, icc->atc);
    auto ac =
        crypto::applicationCryptogram(crypto::CipherAlgorithm::Des, *sk, icc->cryptogramInput);
    if (!ac)
        return request;
    for (auto& object : *objects)
        if (object.tag == 0x9F26)
            object.value = *ac;
    auto field55 = tlv::encode(*objects);
    if (!field55)
        return request;
    message->set(f::kIccData, *field55);
    auto encoded = codec.encode(*message);
    return encoded ? *encoded : request;
}

Money accountTotal(MemoryHostStore& store)
{
    return (*store.findAccount("card"))->balance + (*store.findAccount("merchant"))->balance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t flags = data[0];
    MemoryHostStore store;
    populate(store);
    FixedClock clock;
    AuthorizationEngine engine(store, clock);
    const TerminalIdentity identity{"TERM0001", (flags & 1) != 0 ? TerminalChannel::DialIn
                                                                 : TerminalChannel::Tls};
    iso8583::LengthFramer framer(iso8583::kCardLinkMaxMessageSize);
    auto requests = framer.feed(ByteView(data + 1, size - 1));
    if (!requests)
        return 0;
    const iso8583::MessageCodec codec(iso8583::cardLinkProfile());
    for (Bytes request : *requests) {
        if ((flags & 2) != 0)
            request = repairCryptogram(request);
        const HostDecision decision = engine.handle(request, identity);
        require(*store.ledgerSum() == 0);
        require(accountTotal(store) == kCardBalance);
        if (identity.channel == TerminalChannel::DialIn)
            require(decision.disposition == Disposition::Close);
        if (decision.disposition != Disposition::Respond)
            continue;
        auto response = codec.decode(decision.response);
        require(response.ok());
        require(iso8583::MessageValidator::validate(*response, iso8583::cardLinkProfile()).ok());
        require(response->text(f::kResponseCode) != nullptr);
        if (!decision.unit)
            continue; // not stored: a repeat is decided afresh
        const std::size_t units = store.committedUnits();
        const HostDecision again = engine.handle(request, identity);
        require(again.disposition == Disposition::Respond && again.repeat);
        require(again.response == decision.response);
        require(store.committedUnits() == units);
    }
    return 0;
}
