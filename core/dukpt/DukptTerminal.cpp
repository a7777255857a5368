#include "dukpt/DukptTerminal.h"

#include "dukpt/KeyDerivation.h"

#include <bit>
#include <string>

namespace cardlink::dukpt {

Result<DukptTerminal> DukptTerminal::load(ByteView initialKey, ByteView initialKeyId)
{
    return resume(initialKey, initialKeyId, 1);
}

Result<DukptTerminal> DukptTerminal::resume(ByteView initialKey, ByteView initialKeyId,
                                            std::uint32_t counter)
{
    auto type = keyTypeForLength(initialKey.size());
    if (!type)
        return makeError(ErrorCode::InvalidArgument,
                         "the initial key must be an AES key of 16, 24 or 32 bytes");
    if (!KeySerialNumber::isValidCounter(counter))
        return makeError(ErrorCode::InvalidArgument, "transaction counter " +
                                                         std::to_string(counter) +
                                                         " is zero or has more than 16 one bits");
    auto ksn = KeySerialNumber::make(initialKeyId, counter);
    if (!ksn)
        return ksn.error();

    DukptTerminal terminal;
    terminal.m_type = *type;
    terminal.m_ksn = *ksn;
    // Register j serves the first counter at or after `counter` whose lowest
    // one bit is j: the counter's bits above j plus bit j. Registers below
    // the lowest bit are refilled by nextTransaction; registers whose bit is
    // set above it are spent.
    const int lowest = std::countr_zero(counter);
    for (int j = lowest; j < kRegisterCount; ++j) {
        const std::uint32_t bit = 1u << j;
        if (j != lowest && (counter & bit) != 0)
            continue;
        const std::uint64_t above = std::uint64_t{counter} & ~((std::uint64_t{bit} << 1) - 1);
        const auto target = static_cast<std::uint32_t>(above | bit);
        if (!KeySerialNumber::isValidCounter(target))
            continue; // never used: the counter skips past it
        auto targetKsn = KeySerialNumber::make(initialKeyId, target);
        if (!targetKsn)
            return targetKsn.error();
        auto key = KeyDerivation::transactionKey(initialKey, *targetKsn);
        if (!key)
            return key.error();
        terminal.m_registers[static_cast<std::size_t>(j)] = std::move(*key);
    }
    return terminal;
}

Result<TransactionKey> DukptTerminal::nextTransaction()
{
    if (m_exhausted)
        return makeError(ErrorCode::InvalidArgument, "DUKPT key serial number exhausted");
    const std::uint32_t counter = m_ksn.counter();
    const int lowest = std::countr_zero(counter);
    pin::SecretBytes& current = m_registers[static_cast<std::size_t>(lowest)];
    if (current.empty())
        return makeError(ErrorCode::Internal, "DUKPT register for the current counter is empty");

    TransactionKey result{m_ksn, pin::SecretBytes(current.view())};
    // Registers below are only needed when the next counter is counter + 1.
    if (std::popcount(counter) < KeySerialNumber::kMaxOneBits) {
        if (auto ok = updateRegistersBelow(lowest, current.view()); !ok)
            return ok.error();
    }
    current = pin::SecretBytes();

    const std::uint32_t following = KeySerialNumber::nextCounter(counter);
    if (following == 0) {
        m_exhausted = true;
    } else {
        auto ksn = KeySerialNumber::make(m_ksn.initialKeyId(), following);
        if (!ksn)
            return ksn.error();
        m_ksn = *ksn;
    }
    return result;
}

Result<void> DukptTerminal::updateRegistersBelow(int bit, ByteView key)
{
    const std::uint32_t counter = m_ksn.counter();
    for (int j = 0; j < bit; ++j) {
        const std::uint32_t target = counter | (1u << j);
        auto derived =
            KeyDerivation::deriveKey(key, m_type,
                                     KeyDerivation::derivationData(KeyUsage::KeyDerivation, m_type,
                                                                   m_ksn.initialKeyId(), target));
        if (!derived)
            return derived.error();
        m_registers[static_cast<std::size_t>(j)] = std::move(*derived);
    }
    return {};
}

} // namespace cardlink::dukpt
