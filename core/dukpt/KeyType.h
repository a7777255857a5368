#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace cardlink::dukpt {

// The AES key types of AES DUKPT (ANSI X9.24-3-2017: the key types and the
// algorithm indicator of the derivation data). The standard also lets an AES
// DUKPT key derive TDES working keys (indicators 0000 and 0001); CardLink
// uses AES working keys only.
enum class KeyType : std::uint8_t {
    Aes128,
    Aes192,
    Aes256,
};

constexpr std::size_t keyLength(KeyType type)
{
    switch (type) {
    case KeyType::Aes128:
        return 16;
    case KeyType::Aes192:
        return 24;
    case KeyType::Aes256:
        return 32;
    }
    return 0;
}

// Bytes 4-5 of the derivation data.
constexpr std::uint16_t algorithmIndicator(KeyType type)
{
    switch (type) {
    case KeyType::Aes128:
        return 0x0002;
    case KeyType::Aes192:
        return 0x0003;
    case KeyType::Aes256:
        return 0x0004;
    }
    return 0xFFFF;
}

// The key type a key of `length` bytes has; nullopt for other lengths.
constexpr std::optional<KeyType> keyTypeForLength(std::size_t length)
{
    switch (length) {
    case 16:
        return KeyType::Aes128;
    case 24:
        return KeyType::Aes192;
    case 32:
        return KeyType::Aes256;
    default:
        return std::nullopt;
    }
}

// "AES-128", for CLI output and error messages.
const char* keyTypeName(KeyType type);

} // namespace cardlink::dukpt
