#include "crypto/BlockCipher.h"

#include "crypto/OpenSsl.h"

#include <openssl/err.h>

#include <climits>
#include <string>

namespace cardlink::crypto {

namespace {

using detail::CipherCtxPtr;
using detail::opensslError;
using detail::WipeOnExit;

// OpenSSL 3 keeps single DES in the legacy provider only. Single DES under
// key K equals three-key TDES under K K K (EDE with K cancels to E), so every
// DES-family key is expanded to 24 bytes and run through DES-EDE3 from the
// default provider. Two-key TDES K1 K2 becomes K1 K2 K1 (ANSI X9.52 keying
// option 2).
Bytes expandDesKey(ByteView key)
{
    Bytes expanded(24);
    const std::size_t n = key.size();
    for (std::size_t i = 0; i < 24; ++i) {
        if (n == 8)
            expanded[i] = key[i % 8];
        else if (n == 16)
            expanded[i] = key[i < 16 ? i : i - 16];
        else
            expanded[i] = key[i];
    }
    return expanded;
}

// OpenSSL 3 "implicit fetch": EVP_CipherInit_ex2 with EVP_des_ede3_ecb()
// and the like looks the algorithm up in the provider store on every call
// (locks, name hashing), several times the cost of encrypting one block. The
// algorithms are fetched once for the process instead (OpenSSL 3.0
// migration guide, "Fetching algorithms"); an EVP_CIPHER is immutable and
// safe to share between threads. Kept until exit.
enum CipherSlot : std::size_t { kTdes, kAes128, kAes192, kAes256, kSlots };

struct FetchedCiphers
{
    const EVP_CIPHER* ecb[kSlots];
    const EVP_CIPHER* cbc[kSlots];
};

const EVP_CIPHER* fetchOr(const char* name, const EVP_CIPHER* legacy)
{
    const EVP_CIPHER* fetched = EVP_CIPHER_fetch(nullptr, name, nullptr);
    if (fetched)
        return fetched;
    ERR_clear_error(); // the legacy object still works (fetched on every call)
    return legacy;
}

const FetchedCiphers& fetchedCiphers()
{
    static const FetchedCiphers ciphers = [] {
        FetchedCiphers c{};
        c.ecb[kTdes] = fetchOr("DES-EDE3-ECB", EVP_des_ede3_ecb());
        c.cbc[kTdes] = fetchOr("DES-EDE3-CBC", EVP_des_ede3_cbc());
        c.ecb[kAes128] = fetchOr("AES-128-ECB", EVP_aes_128_ecb());
        c.cbc[kAes128] = fetchOr("AES-128-CBC", EVP_aes_128_cbc());
        c.ecb[kAes192] = fetchOr("AES-192-ECB", EVP_aes_192_ecb());
        c.cbc[kAes192] = fetchOr("AES-192-CBC", EVP_aes_192_cbc());
        c.ecb[kAes256] = fetchOr("AES-256-ECB", EVP_aes_256_ecb());
        c.cbc[kAes256] = fetchOr("AES-256-CBC", EVP_aes_256_cbc());
        return c;
    }();
    return ciphers;
}

const EVP_CIPHER* cipherFor(CipherAlgorithm algorithm, std::size_t keyLength, CipherMode mode)
{
    const CipherSlot slot = algorithm == CipherAlgorithm::Des ? kTdes
                            : keyLength == 16                 ? kAes128
                            : keyLength == 24                 ? kAes192
                                                              : kAes256;
    const FetchedCiphers& ciphers = fetchedCiphers();
    return mode == CipherMode::Ecb ? ciphers.ecb[slot] : ciphers.cbc[slot];
}

Result<Bytes> run(CipherAlgorithm algorithm, ByteView key, ByteView data, CipherMode mode,
                  ByteView iv, bool forEncryption)
{
    if (auto ok = checkKeyLength(algorithm, key); !ok)
        return ok.error();
    const std::size_t block = blockSize(algorithm);
    if (data.size() % block != 0)
        return makeError(ErrorCode::InvalidArgument, "data length " + std::to_string(data.size()) +
                                                         " is not a multiple of the block size " +
                                                         std::to_string(block));
    if (data.size() > static_cast<std::size_t>(INT_MAX) - block)
        return makeError(ErrorCode::InvalidArgument, "data too long");
    if (!iv.empty() && iv.size() != block)
        return makeError(ErrorCode::InvalidArgument,
                         "IV must be " + std::to_string(block) + " bytes");
    if (data.empty())
        return Bytes{};

    Bytes keyBytes =
        algorithm == CipherAlgorithm::Des ? expandDesKey(key) : Bytes(key.begin(), key.end());
    WipeOnExit wipeKey(keyBytes);
    const Bytes zeroIv(block, 0x00);
    const std::uint8_t* ivPtr = mode == CipherMode::Ecb ? nullptr
                                : iv.empty()            ? zeroIv.data()
                                                        : iv.data();

    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return opensslError("EVP_CIPHER_CTX_new");
    if (EVP_CipherInit_ex2(ctx.get(), cipherFor(algorithm, key.size(), mode), keyBytes.data(),
                           ivPtr, forEncryption ? 1 : 0, nullptr) != 1)
        return opensslError("cipher init");
    EVP_CIPHER_CTX_set_padding(ctx.get(), 0);

    // On decryption `out` holds plaintext that may be a key or a PIN block:
    // wipe it on the failure paths, the caller owns it on success.
    Bytes out(data.size() + block);
    int written = 0;
    if (EVP_CipherUpdate(ctx.get(), out.data(), &written, data.data(),
                         static_cast<int>(data.size())) != 1) {
        secureWipe(out);
        return opensslError("cipher update");
    }
    int tail = 0;
    if (EVP_CipherFinal_ex(ctx.get(), out.data() + written, &tail) != 1) {
        secureWipe(out);
        return opensslError("cipher final");
    }
    out.resize(static_cast<std::size_t>(written + tail));
    return out;
}

} // namespace

Result<void> checkKeyLength(CipherAlgorithm algorithm, ByteView key)
{
    const std::size_t n = key.size();
    const bool valid = algorithm == CipherAlgorithm::Des ? (n == 8 || n == 16 || n == 24)
                                                         : (n == 16 || n == 24 || n == 32);
    if (!valid)
        return makeError(ErrorCode::InvalidArgument,
                         std::string(algorithm == CipherAlgorithm::Des ? "DES" : "AES") +
                             " key of " + std::to_string(n) + " bytes");
    return {};
}

Result<Bytes> encrypt(CipherAlgorithm algorithm, ByteView key, ByteView data, CipherMode mode,
                      ByteView iv)
{
    return run(algorithm, key, data, mode, iv, true);
}

Result<Bytes> decrypt(CipherAlgorithm algorithm, ByteView key, ByteView data, CipherMode mode,
                      ByteView iv)
{
    return run(algorithm, key, data, mode, iv, false);
}

Result<Bytes> encryptBlock(CipherAlgorithm algorithm, ByteView key, ByteView block)
{
    if (block.size() != blockSize(algorithm))
        return makeError(ErrorCode::InvalidArgument, "not exactly one block");
    return run(algorithm, key, block, CipherMode::Ecb, {}, true);
}

Result<Bytes> decryptBlock(CipherAlgorithm algorithm, ByteView key, ByteView block)
{
    if (block.size() != blockSize(algorithm))
        return makeError(ErrorCode::InvalidArgument, "not exactly one block");
    return run(algorithm, key, block, CipherMode::Ecb, {}, false);
}

} // namespace cardlink::crypto
