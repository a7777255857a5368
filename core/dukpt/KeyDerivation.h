#pragma once

#include "dukpt/KeySerialNumber.h"
#include "dukpt/KeyType.h"
#include "dukpt/KeyUsage.h"
#include "dukpt/WorkingKeys.h"
#include "pin/SecretBytes.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace cardlink::dukpt {

// AES DUKPT key derivation (ANSI X9.24-3-2017), host ("transaction
// receiving") side and the primitives the terminal side shares. Keys go in
// as ByteView and come out as SecretBytes (wiped on destruction); every
// intermediate key is wiped. The key type of a derivation key follows from
// its length (16, 24 or 32 bytes); anything else is InvalidArgument.
class KeyDerivation
{
public:
    static constexpr std::size_t kDerivationDataSize = 16;
    using DerivationData = std::array<std::uint8_t, kDerivationDataSize>;

    // X9.24-3-2017, 6.3 and Annex B.4.3 "Create Derivation Data": version 01, key block
    // counter 01, key usage indicator, algorithm indicator, key length in
    // bits (2 bytes each), then for the initial key the 8-byte initial key ID,
    // for every other key the derivation ID (bytes 4-7 of the initial key ID)
    // and the 32-bit counter.
    static DerivationData derivationData(KeyUsage usage, KeyType type, ByteView initialKeyId,
                                         std::uint32_t counter);

    // X9.24-3-2017, 6.3 and Annex B.4.1 "Derive Key": AES-ECB of the derivation data under
    // the derivation key, one block per 128 bits of the derived key, the key
    // block counter (byte 1) counting 1, 2; the result truncated to the key
    // length. The derived key may not be longer than the derivation key.
    static Result<pin::SecretBytes> deriveKey(ByteView derivationKey, KeyType type,
                                              const DerivationData& data);

    // Initial key (IK) of a device: derived from the BDK with usage 8001 over
    // the 8-byte initial key ID; same type as the BDK.
    static Result<pin::SecretBytes> initialKey(ByteView bdk, ByteView initialKeyId);

    // The transaction key ("intermediate derivation key") of a KSN from the
    // initial key: one derivation (usage 8000) per one bit of the counter,
    // most significant first, each over the counter bits seen so far
    // (X9.24-3-2017, Annex B "Host Derive Working Key", first part).
    // InvalidArgument for a counter of 0 or with more than 16 one bits.
    static Result<pin::SecretBytes> transactionKey(ByteView initialKey, const KeySerialNumber& ksn);
    // BDK -> initial key -> transaction key.
    static Result<pin::SecretBytes> transactionKeyFromBdk(ByteView bdk, const KeySerialNumber& ksn);

    // A working key for one usage under the transaction key of `ksn`. The
    // working key type defaults to the transaction key's type and may not be
    // stronger (X9.24-3-2017: a key never derives a stronger key).
    static Result<pin::SecretBytes> workingKey(ByteView transactionKey, const KeySerialNumber& ksn,
                                               KeyUsage usage,
                                               std::optional<KeyType> type = std::nullopt);
    // All five working keys of WorkingKeys.
    static Result<WorkingKeys> workingKeys(ByteView transactionKey, const KeySerialNumber& ksn,
                                           std::optional<KeyType> type = std::nullopt);
    // What the host runs for each request: BDK + KSN -> the working keys.
    static Result<WorkingKeys> hostWorkingKeys(ByteView bdk, const KeySerialNumber& ksn,
                                               std::optional<KeyType> type = std::nullopt);
};

} // namespace cardlink::dukpt
