#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <initializer_list>

namespace cardlink::crypto {

// FIPS 180-4 hashes. EMV certificates and signed data use SHA-1 (Book 2,
// Annex B3); SHA-256 is there for the host and newer profiles.
enum class HashAlgorithm { Sha1, Sha256 };

constexpr std::size_t kSha1Length = 20;
constexpr std::size_t kSha256Length = 32;

constexpr std::size_t digestLength(HashAlgorithm algorithm)
{
    return algorithm == HashAlgorithm::Sha1 ? kSha1Length : kSha256Length;
}

// The hash of the concatenation of `parts`, without building it: EMV hashes
// are over "field 1 || field 2 || ...".
Result<Bytes> hash(HashAlgorithm algorithm, std::initializer_list<ByteView> parts);

inline Result<Bytes> sha1(ByteView data)
{
    return hash(HashAlgorithm::Sha1, {data});
}
inline Result<Bytes> sha256(ByteView data)
{
    return hash(HashAlgorithm::Sha256, {data});
}

} // namespace cardlink::crypto
