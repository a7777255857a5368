#pragma once

#include "pin/SecretBytes.h"
#include "util/Bytes.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace cardlink::emv {

// One entry of the candidate list shown to the cardholder (EMV 4.4 Book 1, 12.4).
struct ApplicationChoice
{
    Bytes aid;
    std::string label;                    // Application Preferred Name or Label (50/9F12)
    std::optional<std::uint8_t> priority; // tag 87, low nibble; nullopt when absent
    bool needsConfirmation = false;       // tag 87 bit 8
};

enum class PinKind { OfflinePlaintext, OfflineEnciphered, Online };

// What the PIN screen needs to show; never the PIN itself.
struct PinRequest
{
    PinKind kind = PinKind::OfflinePlaintext;
    std::optional<int> triesLeft; // from GET DATA 9F17 when the card gives it
    std::uint64_t amount = 0;     // minor units
    std::string currency;         // ISO 4217 alpha code for display
};

enum class PinEntryStatus { Entered, Bypassed, Cancelled, TimedOut };

// A PIN as typed: ASCII digits in a buffer that is wiped when this dies.
struct PinEntry
{
    PinEntryStatus status = PinEntryStatus::Cancelled;
    pin::SecretBytes digits;
};

// Messages the terminal shows while the kernel works (EMV 4.4 Book 4, 11.2).
enum class CardholderMessage {
    PleaseWait,
    IncorrectPin,
    LastPinTry,
    PinOk,
    PinBlocked,
    ProcessingOnline,
    RemoveCard,
};

// The kernel's port to the person at the terminal (ARCHITECTURE.md, ports).
// Every call comes from the kernel's worker thread and may block that thread
// until the person answers (the Qt adapter waits for the QML screen); it must
// never run on the UI thread. An answer of nullopt / Cancelled ends the
// transaction as cancelled; the adapter returns it at once when the operator
// cancels, so a blocked kernel is always released.
class Cardholder
{
public:
    virtual ~Cardholder() = default;

    // Index into `candidates`, or nullopt when the person cancels.
    virtual std::optional<std::size_t>
    chooseApplication(std::span<const ApplicationChoice> candidates) = 0;
    virtual bool confirmApplication(const ApplicationChoice& candidate) = 0;
    virtual bool confirmAmount(std::uint64_t amount, const std::string& currency) = 0;
    virtual PinEntry enterPin(const PinRequest& request) = 0;
    virtual void showMessage(CardholderMessage message) = 0;
};

} // namespace cardlink::emv
