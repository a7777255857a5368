#include "host/RequestDigest.h"

#include "crypto/Hash.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"

namespace cardlink::host {

Result<Bytes> RequestDigest::hash(const iso8583::Message& request)
{
    iso8583::Message canonical = request;
    canonical.remove(iso8583::field::kMac);
    canonical.remove(iso8583::field::kSecondaryMac);
    if (canonical.mti() == "0401")
        canonical.setMti("0400");
    auto encoded = iso8583::MessageCodec(iso8583::cardLinkProfile()).encode(canonical);
    if (!encoded)
        return encoded.error();
    return crypto::sha256(*encoded);
}

std::string RequestDigest::digits(ByteView hash, std::size_t count, std::size_t offset)
{
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t byte = hash.empty() ? 0 : hash[(offset + i) % hash.size()];
        out += static_cast<char>('0' + byte % 10);
    }
    return out;
}

} // namespace cardlink::host
