#include "dukpt/KeyDerivation.h"

#include "crypto/BlockCipher.h"

#include <algorithm>
#include <bit>
#include <string>

namespace cardlink::dukpt {

namespace {
constexpr std::uint8_t kVersion = 0x01;
constexpr std::size_t kBlock = 16;

void putU16(KeyDerivation::DerivationData& data, std::size_t offset, std::uint16_t value)
{
    data[offset] = static_cast<std::uint8_t>(value >> 8);
    data[offset + 1] = static_cast<std::uint8_t>(value & 0xFF);
}

Result<KeyType> derivationKeyType(ByteView key, const char* what)
{
    auto type = keyTypeForLength(key.size());
    if (!type)
        return makeError(ErrorCode::InvalidArgument, std::string(what) +
                                                         " must be an AES key of 16, 24 or 32 "
                                                         "bytes, not " +
                                                         std::to_string(key.size()));
    return *type;
}
} // namespace

KeyDerivation::DerivationData KeyDerivation::derivationData(KeyUsage usage, KeyType type,
                                                            ByteView initialKeyId,
                                                            std::uint32_t counter)
{
    DerivationData data{};
    data[0] = kVersion;
    data[1] = 0x01; // key block counter; deriveKey counts it up for longer keys
    putU16(data, 2, static_cast<std::uint16_t>(usage));
    putU16(data, 4, algorithmIndicator(type));
    putU16(data, 6, static_cast<std::uint16_t>(keyLength(type) * 8));
    if (usage == KeyUsage::KeyDerivationInitialKey) {
        std::copy_n(initialKeyId.begin(), std::min<std::size_t>(initialKeyId.size(), 8),
                    data.begin() + 8);
    } else {
        // The derivation ID: the rightmost 4 bytes of the 8-byte initial key ID.
        if (initialKeyId.size() >= 8)
            std::copy_n(initialKeyId.begin() + 4, 4, data.begin() + 8);
        for (int i = 0; i < 4; ++i)
            data[12 + i] = static_cast<std::uint8_t>(counter >> (24 - 8 * i));
    }
    return data;
}

Result<pin::SecretBytes> KeyDerivation::deriveKey(ByteView derivationKey, KeyType type,
                                                  const DerivationData& data)
{
    auto keyType = derivationKeyType(derivationKey, "the derivation key");
    if (!keyType)
        return keyType.error();
    if (keyLength(type) > derivationKey.size())
        return makeError(ErrorCode::InvalidArgument, std::string("an ") + keyTypeName(*keyType) +
                                                         " key cannot derive an " +
                                                         keyTypeName(type) + " key");
    const std::size_t length = keyLength(type);
    const std::size_t blocks = (length + kBlock - 1) / kBlock;
    pin::SecretBytes out(length);
    DerivationData block = data;
    for (std::size_t i = 0; i < blocks; ++i) {
        block[1] = static_cast<std::uint8_t>(i + 1);
        auto encrypted = crypto::encryptBlock(crypto::CipherAlgorithm::Aes, derivationKey, block);
        if (!encrypted)
            return encrypted.error();
        const std::size_t take = std::min(kBlock, length - i * kBlock);
        std::copy_n(encrypted->begin(), take, out.data() + i * kBlock);
        secureWipe(*encrypted);
    }
    return out;
}

Result<pin::SecretBytes> KeyDerivation::initialKey(ByteView bdk, ByteView initialKeyId)
{
    auto type = derivationKeyType(bdk, "the BDK");
    if (!type)
        return type.error();
    if (initialKeyId.size() != KeySerialNumber::kInitialKeyIdSize)
        return makeError(ErrorCode::InvalidArgument,
                         "an AES DUKPT initial key ID has 8 bytes, not " +
                             std::to_string(initialKeyId.size()));
    return deriveKey(bdk, *type,
                     derivationData(KeyUsage::KeyDerivationInitialKey, *type, initialKeyId, 0));
}

Result<pin::SecretBytes> KeyDerivation::transactionKey(ByteView initialKey,
                                                       const KeySerialNumber& ksn)
{
    auto type = derivationKeyType(initialKey, "the initial key");
    if (!type)
        return type.error();
    const std::uint32_t counter = ksn.counter();
    if (!KeySerialNumber::isValidCounter(counter))
        return makeError(ErrorCode::InvalidArgument, "transaction counter " +
                                                         std::to_string(counter) +
                                                         " is zero or has more than 16 one bits");
    pin::SecretBytes key(initialKey);
    std::uint32_t working = 0;
    for (std::uint32_t mask = 0x80000000u; mask != 0; mask >>= 1) {
        if ((counter & mask) == 0)
            continue;
        working |= mask;
        auto next =
            deriveKey(key.view(), *type,
                      derivationData(KeyUsage::KeyDerivation, *type, ksn.initialKeyId(), working));
        if (!next)
            return next.error();
        key = std::move(*next);
    }
    return key;
}

Result<pin::SecretBytes> KeyDerivation::transactionKeyFromBdk(ByteView bdk,
                                                              const KeySerialNumber& ksn)
{
    auto ik = initialKey(bdk, ksn.initialKeyId());
    if (!ik)
        return ik.error();
    return transactionKey(ik->view(), ksn);
}

Result<pin::SecretBytes> KeyDerivation::workingKey(ByteView transactionKey,
                                                   const KeySerialNumber& ksn, KeyUsage usage,
                                                   std::optional<KeyType> type)
{
    auto keyType = derivationKeyType(transactionKey, "the transaction key");
    if (!keyType)
        return keyType.error();
    const KeyType workingType = type.value_or(*keyType);
    return deriveKey(transactionKey, workingType,
                     derivationData(usage, workingType, ksn.initialKeyId(), ksn.counter()));
}

Result<WorkingKeys> KeyDerivation::workingKeys(ByteView transactionKey, const KeySerialNumber& ksn,
                                               std::optional<KeyType> type)
{
    auto keyType = derivationKeyType(transactionKey, "the transaction key");
    if (!keyType)
        return keyType.error();
    WorkingKeys keys;
    keys.type = type.value_or(*keyType);
    struct Slot
    {
        KeyUsage usage;
        pin::SecretBytes* target;
    };
    const Slot slots[] = {
        {KeyUsage::PinEncryption, &keys.pinEncryption},
        {KeyUsage::MacGeneration, &keys.macGeneration},
        {KeyUsage::MacVerification, &keys.macVerification},
        {KeyUsage::DataEncryptionEncrypt, &keys.dataEncryption},
        {KeyUsage::DataEncryptionDecrypt, &keys.dataDecryption},
    };
    for (const Slot& slot : slots) {
        auto key = workingKey(transactionKey, ksn, slot.usage, keys.type);
        if (!key)
            return key.error();
        *slot.target = std::move(*key);
    }
    return keys;
}

Result<WorkingKeys> KeyDerivation::hostWorkingKeys(ByteView bdk, const KeySerialNumber& ksn,
                                                   std::optional<KeyType> type)
{
    auto key = transactionKeyFromBdk(bdk, ksn);
    if (!key)
        return key.error();
    return workingKeys(key->view(), ksn, type);
}

} // namespace cardlink::dukpt
