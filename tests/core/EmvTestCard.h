#pragma once

// Test helpers for the EMV payment application of the simulated card: cards
// made in-process by CardPersonalizer (small keys so that tests stay fast),
// with a counting random source, and short hex-in, response-out calls.

#include "iso7816/Apdu.h"
#include "sim/CardProfile.h"
#include "sim/RandomSource.h"
#include "sim/SimulatedCard.h"
#include "sim/emv/CardPersonalizer.h"

#include <QString>
#include <QTest>

#include <map>
#include <memory>

namespace cardlink::testing {

// Deterministic "random" bytes: 01 02 03 ...
class CountingRandom final : public sim::RandomSource
{
public:
    void fill(std::span<std::uint8_t> out) override
    {
        for (auto& b : out)
            b = ++m_next;
    }

private:
    std::uint8_t m_next = 0;
};

inline Bytes hex(const QString& text)
{
    auto bytes = fromHex(text.toStdString());
    if (!bytes)
        qFatal("bad hex in test: %s", qPrintable(text));
    return *bytes;
}

// One powered card and its profile.
struct EmvTestCard
{
    sim::CardProfile profile;
    CountingRandom random;
    std::unique_ptr<sim::SimulatedCard> card;

    static std::unique_ptr<EmvTestCard> make(const std::string& json)
    {
        auto parsed = sim::CardProfile::parse(json);
        if (!parsed)
            qFatal("profile does not load: %s", parsed.error().message.c_str());
        auto result = std::make_unique<EmvTestCard>();
        result->profile = *parsed;
        result->card = std::make_unique<sim::SimulatedCard>(*parsed, result->random);
        result->card->powerOn();
        return result;
    }

    iso7816::ResponseApdu send(const iso7816::CommandApdu& command)
    {
        auto response = card->transmit(command);
        if (!response)
            qFatal("transmit failed: %s", response.error().message.c_str());
        return *response;
    }
    iso7816::ResponseApdu send(const QString& apdu)
    {
        auto command = iso7816::CommandApdu::parse(hex(apdu));
        if (!command)
            qFatal("bad APDU in test: %s", qPrintable(apdu));
        return send(*command);
    }
    const sim::emv::EmvProfile& emv() const { return *profile.emv; }
};

// One personaliser for the whole test executable (key generation is the
// slow part), with one profile per kind made on first use.
class EmvTestCards
{
public:
    static EmvTestCards& instance()
    {
        static EmvTestCards cards;
        return cards;
    }
    const sim::emv::CardPersonalizer& personalizer() const { return *m_personalizer; }
    const std::string& json(sim::emv::CardKind kind)
    {
        auto it = m_json.find(kind);
        if (it == m_json.end()) {
            auto text = m_personalizer->profileJson(kind, 1);
            if (!text)
                qFatal("personalisation failed: %s", text.error().message.c_str());
            it = m_json.emplace(kind, *text).first;
        }
        return it->second;
    }
    std::unique_ptr<EmvTestCard> card(sim::emv::CardKind kind)
    {
        return EmvTestCard::make(json(kind));
    }

private:
    EmvTestCards()
    {
        auto personalizer = sim::emv::CardPersonalizer::create({1024, 896, 768});
        if (!personalizer)
            qFatal("test PKI: %s", personalizer.error().message.c_str());
        m_personalizer = std::make_unique<sim::emv::CardPersonalizer>(std::move(*personalizer));
    }
    std::unique_ptr<sim::emv::CardPersonalizer> m_personalizer;
    std::map<sim::emv::CardKind, std::string> m_json;
};

} // namespace cardlink::testing
