#pragma once

#include "dukpt/KeySerialNumber.h"
#include "dukpt/KeyType.h"
#include "pin/SecretBytes.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <array>
#include <cstdint>

namespace cardlink::dukpt {

// One transaction's key as the terminal hands it out: the KSN to send in
// field 53 and the transaction key to derive the working keys from
// (KeyDerivation::workingKeys).
struct TransactionKey
{
    KeySerialNumber ksn;
    pin::SecretBytes key;
};

// The terminal ("transaction originating") side of AES DUKPT
// (ANSI X9.24-3-2017, Annex B terminal algorithm): 32 intermediate derivation key registers,
// one per counter bit, instead of the initial key. After loading, the
// initial key is not kept; each transaction uses the register of the
// counter's lowest one bit, refills the registers below it from that key
// and wipes it, so a captured terminal cannot recompute past keys.
class DukptTerminal
{
public:
    static constexpr int kRegisterCount = 32;

    // "Load Initial Key" (X9.24-3-2017, Annex B): fills every register from the
    // initial key (16, 24 or 32 bytes) and sets the counter to 1,
    // the first transaction KSN. The caller wipes its copy of the key.
    static Result<DukptTerminal> load(ByteView initialKey, ByteView initialKeyId);
    // For a software terminal that keeps its initial key encrypted at rest:
    // the register state the terminal would have after counter - 1
    // transactions, rebuilt from the initial key. `counter` must be a valid
    // transaction counter (KeySerialNumber::isValidCounter).
    static Result<DukptTerminal> resume(ByteView initialKey, ByteView initialKeyId,
                                        std::uint32_t counter);

    // The KSN the next transaction will use.
    const KeySerialNumber& currentKsn() const { return m_ksn; }
    KeyType keyType() const { return m_type; }
    // True after the last counter (0xFFFF0000) has been used.
    bool exhausted() const { return m_exhausted; }

    // The current KSN and its transaction key, then moves to the next KSN.
    // InvalidArgument "exhausted" when no counter is left.
    Result<TransactionKey> nextTransaction();

private:
    DukptTerminal() = default;
    // Refills the registers for bits below `bit` from `key` (X9.24-3-2017,
    // Annex B "Update Derivation Keys").
    Result<void> updateRegistersBelow(int bit, ByteView key);

    KeyType m_type = KeyType::Aes128;
    KeySerialNumber m_ksn;
    bool m_exhausted = false;
    // Register i holds the key for a counter whose lowest one bit is bit i;
    // empty when not (or no longer) valid.
    std::array<pin::SecretBytes, kRegisterCount> m_registers;
};

} // namespace cardlink::dukpt
