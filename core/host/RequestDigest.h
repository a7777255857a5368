#pragma once

#include "iso8583/Message.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <string>

namespace cardlink::host {

// Content identity of a request (docs/host.md, "Request key and repeats"):
// SHA-256 over the encoded request without its MAC field (64/128), MTI 0401
// counted as 0400 so that a repeated reversal matches its first transmission.
class RequestDigest
{
public:
    static Result<Bytes> hash(const iso8583::Message& request);
    // `count` decimal digits taken from `hash` (a stable reference or
    // approval code for the same request).
    static std::string digits(ByteView hash, std::size_t count, std::size_t offset = 0);
};

} // namespace cardlink::host
