#include "dukpt/KeyType.h"
#include "dukpt/KeyUsage.h"

namespace cardlink::dukpt {

const char* keyTypeName(KeyType type)
{
    switch (type) {
    case KeyType::Aes128:
        return "AES-128";
    case KeyType::Aes192:
        return "AES-192";
    case KeyType::Aes256:
        return "AES-256";
    }
    return "unknown";
}

const char* keyUsageName(KeyUsage usage)
{
    switch (usage) {
    case KeyUsage::KeyEncryptionKey:
        return "key encryption";
    case KeyUsage::PinEncryption:
        return "PIN encryption";
    case KeyUsage::MacGeneration:
        return "MAC generation";
    case KeyUsage::MacVerification:
        return "MAC verification";
    case KeyUsage::MacBothWays:
        return "MAC both ways";
    case KeyUsage::DataEncryptionEncrypt:
        return "data encryption, encrypt";
    case KeyUsage::DataEncryptionDecrypt:
        return "data encryption, decrypt";
    case KeyUsage::DataEncryptionBothWays:
        return "data encryption, both ways";
    case KeyUsage::KeyDerivation:
        return "key derivation";
    case KeyUsage::KeyDerivationInitialKey:
        return "initial key derivation";
    }
    return "unknown";
}

} // namespace cardlink::dukpt
