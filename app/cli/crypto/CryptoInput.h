#pragma once

#include "crypto/BlockCipher.h"
#include "crypto/Padding.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <QCommandLineParser>
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

// A key (or other secret) read from the command line or a key file, wiped
// when it goes.
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

// A key of one of `lengths` bytes, hex on one line (spaces, colons allowed
// between bytes), from the file `path` (--key-file) or the open file
// descriptor `fdText` (--key-fd, e.g. `3<key.hex`). Read with read(2) into a
// wiped buffer: the key is never in argv, where every user of the machine
// sees it (ps, /proc/PID/cmdline) and shell history keeps it, nor in a stdio
// buffer. Errors name the option, never the key.
Result<SecretHex> readKeyFile(const QString& path, std::initializer_list<std::size_t> lengths);
Result<SecretHex> readKeyFd(const QString& fdText, std::initializer_list<std::size_t> lengths);
// The key from whichever of `file` (--key-file), `fd` (--key-fd) or `hex`
// (the key in argv: insecure, kept for test vectors) is set, in that order.
Result<SecretHex> loadKey(const QCommandLineParser& parser, const QCommandLineOption& file,
                          const QCommandLineOption& fd, const QCommandLineOption& hex,
                          std::initializer_list<std::size_t> lengths);

} // namespace cardlink::cli
