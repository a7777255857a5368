#pragma once

#include "emv/Cardholder.h"
#include "pin/SecretBytes.h"
#include "util/Bytes.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

namespace cardlink::test {

// A cardholder who takes the first application, confirms everything and
// enters `pin` whenever the kernel asks (the tests' stand-in for a person at
// a PIN pad). `pinEntries` counts the requests.
class PinCardholder final : public emv::Cardholder
{
public:
    explicit PinCardholder(std::string digits = "1234") : pin(std::move(digits)) {}

    std::optional<std::size_t> chooseApplication(std::span<const emv::ApplicationChoice>) override
    {
        return 0;
    }
    bool confirmApplication(const emv::ApplicationChoice&) override { return true; }
    bool confirmAmount(std::uint64_t, const std::string&) override { return true; }
    emv::PinEntry enterPin(const emv::PinRequest&) override
    {
        ++pinEntries;
        emv::PinEntry entry;
        entry.status = emv::PinEntryStatus::Entered;
        entry.digits = cardlink::pin::SecretBytes(
            ByteView(reinterpret_cast<const std::uint8_t*>(pin.data()), pin.size()));
        return entry;
    }
    void showMessage(emv::CardholderMessage) override {}

    std::string pin;
    int pinEntries = 0;
};

} // namespace cardlink::test
