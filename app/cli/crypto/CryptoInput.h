#pragma once

#include "crypto/BlockCipher.h"
#include "crypto/Padding.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <QString>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

namespace cardlink::cli {

// Parsers for the crypto subcommands' arguments. Errors (InvalidArgument)
// carry one sentence that names the argument: "--key: expected 16 bytes, got 8".

// Hex with optional spaces/colons between bytes. `lengths` lists the byte
// counts allowed (empty: any, including none).
Result<Bytes> parseHexArgument(const QString& what, const QString& text,
                               std::initializer_list<std::size_t> lengths = {});

// "3des" (also "tdes", "des") or "aes", case-insensitive.
Result<crypto::CipherAlgorithm> parseAlgorithm(const QString& text);
// The key lengths an algorithm takes, for messages and checks.
std::initializer_list<std::size_t> keyLengths(crypto::CipherAlgorithm algorithm);

// ISO/IEC 9797-1 padding method "1" or "2".
Result<crypto::Padding> parsePadding(const QString& text);

// The ATC (9F36): 2 bytes of hex, "0001".
Result<std::uint16_t> parseAtc(const QString& text);

// The PAN as decimal digits (spaces allowed, an 'F' filler dropped); the core
// functions check the length.
Result<std::string> parsePan(const QString& text);

// The PAN Sequence Number (5F34): one byte of hex ("01"); empty means absent.
Result<std::optional<std::uint8_t>> parsePsn(const QString& text);

// A key (or other secret) read from the command line, wiped when it goes.
class SecretHex
{
public:
    SecretHex() = default;
    explicit SecretHex(Bytes bytes) : m_bytes(std::move(bytes)) {}
    ~SecretHex() { secureWipe(m_bytes); }
    SecretHex(const SecretHex&) = delete;
    SecretHex& operator=(const SecretHex&) = delete;
    SecretHex(SecretHex&& other) noexcept : m_bytes(std::move(other.m_bytes)) {}
    SecretHex& operator=(SecretHex&& other) noexcept
    {
        secureWipe(m_bytes);
        m_bytes = std::move(other.m_bytes);
        return *this;
    }

    const Bytes& bytes() const { return m_bytes; }

private:
    Bytes m_bytes;
};

} // namespace cardlink::cli
