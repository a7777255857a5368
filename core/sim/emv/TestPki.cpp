#include "sim/emv/TestPki.h"

#include "crypto/Hash.h"

namespace cardlink::sim::emv {

namespace {
constexpr std::uint8_t kHeader = 0x6A;
constexpr std::uint8_t kTrailer = 0xBC;
constexpr std::uint8_t kPad = 0xBB;
constexpr std::uint8_t kSha1 = 0x01;
constexpr std::uint8_t kRsa = 0x01;
constexpr std::uint8_t kIssuerFormat = 0x02;
constexpr std::uint8_t kSsadFormat = 0x03;
constexpr std::uint8_t kIccFormat = 0x04;
constexpr unsigned kMinBits = 512;
constexpr unsigned kMaxBits = 1984;
constexpr std::uint32_t kExponent = 3;
constexpr std::size_t kHashLength = 20;

void append(Bytes& out, ByteView bytes)
{
    out.insert(out.end(), bytes.begin(), bytes.end());
}

// '6A' || body || SHA-1(body || extra...) || 'BC', signed with `signer`.
Result<Bytes> signRecoverable(const crypto::RsaPrivateKey& signer, ByteView body,
                              std::initializer_list<ByteView> extra)
{
    Bytes hashInput(body.begin(), body.end());
    for (auto part : extra)
        append(hashInput, part);
    auto hash = crypto::sha1(hashInput);
    if (!hash)
        return hash.error();
    Bytes message{kHeader};
    append(message, body);
    append(message, *hash);
    message.push_back(kTrailer);
    if (message.size() != signer.modulusLength())
        return makeError(ErrorCode::Internal, "certificate layout does not fill the modulus");
    return signer.sign(message);
}

// Table 6 / table 14: the leading part of the certified key (padded with BB
// when it all fits) and the remainder.
Result<PublicKeyCertificate> certificate(const crypto::RsaPrivateKey& signer,
                                         const crypto::RsaPublicKey& subject, std::uint8_t format,
                                         ByteView identifier, ByteView expiry, ByteView serial,
                                         std::size_t fixedFields, ByteView staticData)
{
    const std::size_t room = signer.modulusLength() - fixedFields;
    const Bytes& modulus = subject.modulus();
    if (expiry.size() != 2 || serial.size() != 3 || modulus.size() > 248 ||
        signer.modulusLength() <= fixedFields)
        return makeError(ErrorCode::InvalidArgument, "bad certificate fields");
    Bytes body{format};
    append(body, identifier);
    append(body, expiry);
    append(body, serial);
    body.push_back(kSha1);
    body.push_back(kRsa);
    body.push_back(static_cast<std::uint8_t>(modulus.size()));
    body.push_back(static_cast<std::uint8_t>(subject.exponent().size()));
    PublicKeyCertificate out;
    if (modulus.size() <= room) {
        append(body, modulus);
        body.insert(body.end(), room - modulus.size(), kPad);
    } else {
        body.insert(body.end(), modulus.begin(),
                    modulus.begin() + static_cast<std::ptrdiff_t>(room));
        out.remainder.assign(modulus.begin() + static_cast<std::ptrdiff_t>(room), modulus.end());
    }
    out.exponent = subject.exponent();
    auto signature = signRecoverable(signer, body, {out.remainder, out.exponent, staticData});
    if (!signature)
        return signature.error();
    out.certificate = std::move(*signature);
    return out;
}
} // namespace

Result<crypto::RsaPrivateKey> TestPki::generateKey(unsigned bits)
{
    if (bits < kMinBits || bits > kMaxBits || bits % 8 != 0)
        return makeError(ErrorCode::InvalidArgument,
                         "EMV RSA keys have 512..1984 bits, whole bytes");
    // Book 2, A2.1: the recovered data start with '6A', so the modulus must
    // have its top bit set; OpenSSL's keys of whole bytes always do.
    return crypto::RsaPrivateKey::generate(bits, kExponent);
}

Result<Bytes> TestPki::caKeyChecksum(ByteView rid, std::uint8_t index,
                                     const crypto::RsaPublicKey& key)
{
    const std::uint8_t indexByte = index;
    return crypto::hash(crypto::HashAlgorithm::Sha1,
                        {rid, ByteView(&indexByte, 1), key.modulus(), key.exponent()});
}

Result<PublicKeyCertificate> TestPki::issuerCertificate(const crypto::RsaPrivateKey& ca,
                                                        const crypto::RsaPublicKey& issuer,
                                                        ByteView issuerIdentifier, ByteView expiry,
                                                        ByteView serial)
{
    // Table 6: 36 bytes besides the key: 6A, format, 4 id, 2 date, 3 serial,
    // 4 indicators and lengths, 20 hash, BC.
    if (issuerIdentifier.size() != 4)
        return makeError(ErrorCode::InvalidArgument, "issuer identifier is 4 bytes");
    return certificate(ca, issuer, kIssuerFormat, issuerIdentifier, expiry, serial, 36, {});
}

Result<PublicKeyCertificate> TestPki::iccCertificate(const crypto::RsaPrivateKey& issuer,
                                                     const crypto::RsaPublicKey& icc, ByteView pan,
                                                     ByteView expiry, ByteView serial,
                                                     ByteView staticData)
{
    // Table 14: 42 bytes besides the key (the PAN takes 10).
    if (pan.size() != 10)
        return makeError(ErrorCode::InvalidArgument, "the certificate PAN is 10 bytes");
    return certificate(issuer, icc, kIccFormat, pan, expiry, serial, 42, staticData);
}

Result<Bytes> TestPki::signedStaticData(const crypto::RsaPrivateKey& issuer,
                                        ByteView dataAuthenticationCode, ByteView staticData)
{
    // Table 3 (SDA): 6A, 03, hash algorithm, DAC (2), pad BB (NI - 26), hash, BC.
    constexpr std::size_t kFixed = 26;
    if (dataAuthenticationCode.size() != 2 || issuer.modulusLength() <= kFixed + kHashLength)
        return makeError(ErrorCode::InvalidArgument, "bad SDA fields");
    Bytes body{kSsadFormat, kSha1};
    append(body, dataAuthenticationCode);
    body.insert(body.end(), issuer.modulusLength() - kFixed, kPad);
    return signRecoverable(issuer, body, {staticData});
}

} // namespace cardlink::sim::emv
