#pragma once

// The authorization engine (core/host) with a MemoryHostStore, fed by real
// EMV transactions: cards personalised in-process (CardPersonalizer), the
// terminal kernel (core/emv) against the simulated card (core/sim/emv), and
// an online callback that turns the kernel's OnlineRequest into an ISO 8583
// 0100/0200, passes it through AuthorizationEngine::handle() and gives the
// card the host's field 55 (ARPC, scripts) back. Used by tst_host_*.

#include "EmvFixtures.h"
#include "ManualClock.h"
#include "crypto/Hash.h"
#include "emv/EmvKernel.h"
#include "emv/oda/CaPublicKeyStore.h"
#include "host/AuthorizationEngine.h"
#include "host/MemoryHostStore.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"
#include "sim/CardProfile.h"
#include "sim/SimulatedCard.h"
#include "sim/emv/CardPersonalizer.h"
#include "support/PinCardholder.h"
#include "tlv/TlvEncoder.h"
#include "tlv/TlvParser.h"

#include <QTest>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>

namespace cardlink::test {

namespace hostbench {
using namespace std::chrono;
namespace f = iso8583::field;

inline constexpr const char* kTerminalId = "TERM0001";
inline constexpr const char* kMerchantId = "MERCHANT0000001";
inline constexpr const char* kMerchantAccount = "merchant-1";
inline constexpr const char* kCurrency = "826"; // as the test terminal's 5F2A

// One personaliser and CA key list for the whole test executable.
struct Pki
{
    std::unique_ptr<sim::emv::CardPersonalizer> personalizer;
    emv::CaPublicKeyStore caKeys;

    static Pki& instance()
    {
        static Pki pki = [] {
            Pki made;
            auto personalizer = sim::emv::CardPersonalizer::create({1024, 896, 768});
            if (!personalizer)
                qFatal("test PKI: %s", personalizer.error().message.c_str());
            made.personalizer =
                std::make_unique<sim::emv::CardPersonalizer>(std::move(*personalizer));
            auto keys = emv::CaPublicKeyStore::fromJson(*made.personalizer->caKeysJson());
            if (!keys)
                qFatal("CA keys: %s", keys.error().message.c_str());
            made.caKeys = std::move(*keys);
            return made;
        }();
        return pki;
    }
};

// Stands in for DUKPT in tests of the engine's PIN rules: field 52 is
// SHA-256(PIN)[0..16], the PIN is "right" when it is the test card's PIN.
class HashPinVerifier final : public host::PinVerifier
{
public:
    static Bytes block(const std::string& pin)
    {
        auto digest =
            crypto::sha256(ByteView(reinterpret_cast<const std::uint8_t*>(pin.data()), pin.size()));
        return Bytes(digest->begin(), digest->begin() + 16);
    }
    Result<host::PinCheck> verify(const host::Terminal&, const host::Card&, const host::IssuerKeys&,
                                  ByteView pinBlock, ByteView) override
    {
        ++calls;
        const Bytes right = block(sim::emv::CardPersonalizer::kTestPin);
        return Bytes(pinBlock.begin(), pinBlock.end()) == right ? host::PinCheck::Correct
                                                                : host::PinCheck::Wrong;
    }
    int calls = 0;
};

inline emv::TerminalConfig kernelConfig()
{
    emv::TerminalConfig config = terminalConfig({{"A0000009991010", true}});
    config.capabilities = unhex("E0F8C8");
    config.floorLimit = 100000;
    config.tac.denial = unhex("0000000000");
    config.tac.online = unhex("0000000000");
    config.tac.defaultCodes = unhex("0000000000");
    return config;
}

inline std::string digitsOf(ByteView bcd)
{
    std::string text = toHex(bcd);
    const auto pad = text.find_first_of("Ff");
    return pad == std::string::npos ? text : text.substr(0, pad);
}

inline std::string padded(std::uint64_t value, std::size_t width)
{
    std::string text = std::to_string(value);
    return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
}

// Field 55 as a terminal sends it: the objects the host needs, from the kernel.
inline Bytes iccData(const emv::TransactionData& data)
{
    std::vector<tlv::TlvObject> objects;
    for (tlv::Tag tag : {0x9F26u, 0x9F27u, 0x9F36u, 0x9F10u, 0x82u, 0x9F02u, 0x9F03u, 0x9F1Au,
                         0x95u, 0x5F2Au, 0x9Au, 0x9Cu, 0x9F37u, 0x5F34u, 0x84u, 0x9F34u})
        if (auto value = data.get(tag))
            objects.push_back(tlv::TlvObject::primitive(tag, Bytes(value->begin(), value->end())));
    return *tlv::encode(objects);
}

} // namespace hostbench

// One host, one terminal, one merchant, and the cards a test adds.
class HostBench
{
public:
    struct Payment
    {
        iso8583::Message request;
        host::HostDecision decision;
        iso8583::Message response;
        std::optional<emv::TransactionOutcome> outcome;
        std::string responseCode() const
        {
            const auto* code = response.text(iso8583::field::kResponseCode);
            return code ? *code : std::string("(none)");
        }
    };
    // Called with the request before it goes to the engine (to damage it).
    using Edit = std::function<void(iso8583::Message&)>;

    host::MemoryHostStore store;
    ManualClock clock{std::chrono::sys_days{std::chrono::year{2025} / 11 / 25} +
                      std::chrono::hours{12}};
    hostbench::HashPinVerifier pins;
    host::AuthorizationEngine engine{store, clock, &pins};
    host::TerminalIdentity identity{hostbench::kTerminalId, host::TerminalChannel::Tls};
    test::PinCardholder cardholder{sim::emv::CardPersonalizer::kTestPin};
    unsigned nextStan = 1;

    HostBench()
    {
        using namespace hostbench;
        const auto& perso = *Pki::instance().personalizer;
        for (auto algorithm : {crypto::CipherAlgorithm::Des, crypto::CipherAlgorithm::Aes}) {
            const Bytes& imk = perso.issuerMasterKey(algorithm);
            store.addIssuerKeys({keysId(algorithm), algorithm, imk, imk, imk, Bytes(32, 0x5A)});
        }
        store.addAccount({kMerchantAccount, host::AccountKind::Merchant, kCurrency, 0, 0, 0, 0});
        store.addMerchant({kMerchantId, "Test shop", kMerchantAccount});
        host::Terminal terminal;
        terminal.id = kTerminalId;
        terminal.merchantId = kMerchantId;
        terminal.bdkId = "bdk-1";
        store.addTerminal(terminal);
    }

    static std::string keysId(crypto::CipherAlgorithm algorithm)
    {
        return algorithm == crypto::CipherAlgorithm::Des ? "imk-3des" : "imk-aes";
    }
    static std::string accountOf(const std::string& pan) { return "card-" + pan; }

    // Personalises card `serial` of `kind` (optionally editing its profile
    // JSON), puts it in a simulated reader and registers it at the host with
    // an account holding `balance`. Returns the PAN.
    std::string addCard(sim::emv::CardKind kind, unsigned serial, host::Money balance,
                        const std::function<void(std::string&, host::Card&)>& edit = {},
                        bool registerAtHost = true)
    {
        const auto& perso = *hostbench::Pki::instance().personalizer;
        auto json = perso.profileJson(kind, serial);
        if (!json)
            qFatal("profile: %s", json.error().message.c_str());
        host::Card card;
        card.pan = sim::emv::CardPersonalizer::pan(kind, serial);
        card.psn = 1;
        card.expiry = kind == sim::emv::CardKind::Expired ? "2301" : "3012";
        card.issuerKeysId = keysId(kind == sim::emv::CardKind::Cda ? crypto::CipherAlgorithm::Aes
                                                                   : crypto::CipherAlgorithm::Des);
        card.accountId = accountOf(card.pan);
        if (edit)
            edit(*json, card);
        auto profile = sim::CardProfile::parse(*json);
        if (!profile)
            qFatal("profile does not load: %s", profile.error().message.c_str());
        auto simCard = std::make_unique<sim::SimulatedCard>(std::move(*profile));
        simCard->powerOn();
        m_cards[card.pan] = std::move(simCard);
        if (!registerAtHost)
            return card.pan;
        store.addAccount({card.accountId, host::AccountKind::Cardholder, hostbench::kCurrency,
                          balance, 0, 0, 0});
        store.addCard(card);
        return card.pan;
    }

    // Builds an 0100/0200 from the kernel's online request.
    iso8583::Message request(const emv::OnlineRequest& online, std::uint64_t amount,
                             const char* mti = "0200")
    {
        iso8583::Message message = request(online.data, amount, mti);
        if (online.hasOnlinePin) {
            const ByteView digits = online.onlinePin.view();
            message.set(hostbench::f::kPinBlock, hostbench::HashPinVerifier::block(
                                                     std::string(digits.begin(), digits.end())));
            message.set(hostbench::f::kKeySerialNumber, Bytes(12, 0x01));
        }
        return message;
    }
    // The same from any transaction's data (an advice of an offline approval).
    iso8583::Message request(const emv::TransactionData& data, std::uint64_t amount,
                             const char* mti)
    {
        using namespace hostbench;
        iso8583::Message message(mti);
        message.set(f::kPan, digitsOf(*data.get(0x5A)));
        message.set(f::kProcessingCode, "000000");
        message.set(f::kAmount, padded(amount, 12));
        message.set(f::kTransmissionDateTime, "1125120000");
        message.set(f::kStan, padded(nextStan++, 6));
        message.set(f::kLocalTime, "120000");
        message.set(f::kLocalDate, "1125");
        message.set(f::kPosEntryMode, "051");
        message.set(f::kCardSequenceNumber, "001");
        message.set(f::kPosConditionCode, "00");
        message.set(f::kTerminalId, kTerminalId);
        message.set(f::kMerchantId, kMerchantId);
        message.set(f::kCurrencyCode, kCurrency);
        message.set(f::kIccData, iccData(data));
        return message;
    }

    Bytes encode(const iso8583::Message& message) const
    {
        auto bytes = iso8583::MessageCodec(iso8583::cardLinkProfile()).encode(message);
        if (!bytes)
            qFatal("test request does not encode: %s", bytes.error().message.c_str());
        return *bytes;
    }

    // The engine's answer to `message`, decoded (an empty Message on Close).
    Payment send(const iso8583::Message& message)
    {
        Payment payment;
        payment.request = message;
        payment.decision = engine.handle(encode(message), identity);
        if (payment.decision.disposition == host::Disposition::Respond) {
            auto decoded =
                iso8583::MessageCodec(iso8583::cardLinkProfile()).decode(payment.decision.response);
            if (!decoded)
                qFatal("engine response does not decode: %s", decoded.error().message.c_str());
            payment.response = *decoded;
        }
        return payment;
    }

    // A whole card payment: kernel, card, host. `edit` may change the request.
    Payment pay(const std::string& pan, std::uint64_t amount, const Edit& edit = {},
                bool forceOnline = true)
    {
        Payment payment;
        auto authorizer = [&](const emv::OnlineRequest& online) {
            iso8583::Message message = request(online, amount);
            if (edit)
                edit(message);
            payment = send(message);
            return kernelResponse(payment);
        };
        FixedRandom random;
        emv::EmvKernel kernel(*m_cards.at(pan), cardholder, hostbench::kernelConfig(),
                              hostbench::Pki::instance().caKeys, authorizer, clock, random);
        emv::TransactionRequest transaction;
        transaction.amount = amount;
        transaction.dateTime = clock.now();
        transaction.forceOnline = forceOnline;
        auto outcome = kernel.run(transaction);
        if (!outcome)
            qFatal("kernel: %s", outcome.error().message.c_str());
        payment.outcome = std::move(*outcome);
        return payment;
    }

    // A genuine 0200 for `pan` that the host has not seen: the kernel goes
    // online, the request is kept, the terminal is told the host is away.
    iso8583::Message capture(const std::string& pan, std::uint64_t amount)
    {
        iso8583::Message captured;
        auto authorizer = [&](const emv::OnlineRequest& online) {
            captured = request(online, amount);
            return emv::OnlineResponse{};
        };
        FixedRandom random;
        emv::EmvKernel kernel(*m_cards.at(pan), cardholder, hostbench::kernelConfig(),
                              hostbench::Pki::instance().caKeys, authorizer, clock, random);
        emv::TransactionRequest transaction;
        transaction.amount = amount;
        transaction.dateTime = clock.now();
        transaction.forceOnline = true;
        if (!kernel.run(transaction) || captured.mti().empty())
            qFatal("no online request captured");
        return captured;
    }

    // The host's answer as the kernel takes it (EMV 4.4 Book 3, 10.9/10.10).
    static emv::OnlineResponse kernelResponse(const Payment& payment)
    {
        emv::OnlineResponse response;
        if (payment.decision.disposition != host::Disposition::Respond)
            return response;
        const std::string code = payment.responseCode();
        response.decision =
            code == "00" ? emv::OnlineDecision::Approved : emv::OnlineDecision::Declined;
        response.authorisationResponseCode = Bytes(code.begin(), code.end());
        if (const auto* field55 = payment.response.bytes(iso8583::field::kIccData)) {
            auto objects = tlv::parse(*field55);
            if (!objects)
                qFatal("field 55 of the response is not TLV");
            for (const auto& object : *objects) {
                if (object.tag == 0x91)
                    response.issuerAuthenticationData = object.value;
                else if (object.tag == 0x71 || object.tag == 0x72) {
                    const Bytes script = *tlv::encode(object);
                    response.issuerScripts.insert(response.issuerScripts.end(), script.begin(),
                                                  script.end());
                }
            }
        }
        return response;
    }

    host::Money balance(const std::string& accountId)
    {
        auto account = store.findAccount(accountId);
        return (account && *account) ? (*account)->balance : -1;
    }
    host::Money ledgerSum() { return *store.ledgerSum(); }

private:
    std::map<std::string, std::unique_ptr<sim::SimulatedCard>> m_cards;
};

} // namespace cardlink::test
