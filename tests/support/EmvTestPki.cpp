#include "EmvTestPki.h"

#include "crypto/Hash.h"

namespace cardlink::test {

namespace {

constexpr std::uint8_t kHeader = 0x6A;
constexpr std::uint8_t kTrailer = 0xBC;
constexpr std::uint8_t kPad = 0xBB;
constexpr std::size_t kHashLength = 20;

Bytes sha1Of(std::initializer_list<ByteView> parts)
{
    auto digest = crypto::hash(crypto::HashAlgorithm::Sha1, parts);
    return digest ? std::move(digest).value() : Bytes(kHashLength, 0);
}

void append(Bytes& out, ByteView bytes)
{
    out.insert(out.end(), bytes.begin(), bytes.end());
}

// Appends the hash and the trailer, applies the tamper hook, signs.
Result<Bytes> finishAndSign(const crypto::RsaPrivateKey& signer, Bytes plain,
                            std::initializer_list<ByteView> moreHashData, const Tamper& tamper)
{
    Bytes hashInput(plain.begin() + 1, plain.end());
    for (ByteView part : moreHashData)
        append(hashInput, part);
    append(plain, sha1Of({hashInput}));
    plain.push_back(kTrailer);
    if (plain.size() != signer.modulusLength())
        return makeError(ErrorCode::InvalidArgument, "test PKI: message does not fit the key");
    if (tamper)
        tamper(plain);
    return signer.sign(plain);
}

} // namespace

emv::CaPublicKey makeCaKey(const crypto::RsaPublicKey& key, ByteView rid, std::uint8_t index,
                           ByteView expiryYymmdd)
{
    emv::CaPublicKey ca;
    std::copy(rid.begin(), rid.begin() + static_cast<std::ptrdiff_t>(emv::kRidLength),
              ca.rid.begin());
    ca.index = index;
    ca.modulus = key.modulus();
    ca.exponent = key.exponent();
    std::copy(expiryYymmdd.begin(), expiryYymmdd.begin() + 3, ca.expiry.begin());
    ca.checksum = ca.computeChecksum();
    return ca;
}

std::string caKeyJson(const emv::CaPublicKey& key)
{
    const std::uint8_t index[1] = {key.index};
    const std::uint8_t hashAlg[1] = {key.hashAlgorithm};
    const std::uint8_t pkAlg[1] = {key.pkAlgorithm};
    return "{\"rid\": \"" + toHex(key.rid) + "\", \"index\": \"" + toHex(index) +
           "\", \"hashAlgorithm\": \"" + toHex(hashAlg) + "\", \"pkAlgorithm\": \"" + toHex(pkAlg) +
           "\", \"modulus\": \"" + toHex(key.modulus) + "\", \"exponent\": \"" +
           toHex(key.exponent) + "\", \"expiry\": \"" + toHex(key.expiry) + "\", \"checksum\": \"" +
           toHex(key.checksum) + "\"}";
}

Bytes paddedDigits(const std::string& digits, std::size_t bytes)
{
    Bytes out(bytes, 0xFF);
    for (std::size_t i = 0; i < digits.size() && i / 2 < bytes; ++i) {
        const auto nibble = static_cast<std::uint8_t>(digits[i] - '0');
        if (i % 2 == 0)
            out[i / 2] = static_cast<std::uint8_t>((nibble << 4) | 0x0F);
        else
            out[i / 2] = static_cast<std::uint8_t>((out[i / 2] & 0xF0) | nibble);
    }
    return out;
}

Result<SignedCertificate> makeCertificate(const crypto::RsaPrivateKey& signer,
                                          const crypto::RsaPublicKey& subject,
                                          const CertificateFields& fields, ByteView extraHashData,
                                          const Tamper& tamper)
{
    // Book 2, tables 6 and 14: 6A, format, owner, expiry, serial, hash
    // algorithm, key algorithm, key length, exponent length, key part,
    // hash, BC.
    const std::size_t overhead = 11 + fields.owner.size() + kHashLength + 1;
    const std::size_t n = signer.modulusLength();
    if (n <= overhead)
        return makeError(ErrorCode::InvalidArgument, "test PKI: signer key too short");
    const std::size_t keyPartLength = n - overhead;
    const Bytes& modulus = subject.modulus();
    Bytes plain{kHeader, fields.format};
    append(plain, fields.owner);
    append(plain, fields.expiry);
    append(plain, fields.serial);
    plain.push_back(fields.hashAlgorithm);
    plain.push_back(fields.pkAlgorithm);
    plain.push_back(static_cast<std::uint8_t>(modulus.size()));
    plain.push_back(static_cast<std::uint8_t>(subject.exponent().size()));
    SignedCertificate out;
    if (modulus.size() > keyPartLength) {
        append(plain, ByteView(modulus).first(keyPartLength));
        out.remainder.assign(modulus.begin() + static_cast<std::ptrdiff_t>(keyPartLength),
                             modulus.end());
    } else {
        append(plain, modulus);
        plain.resize(plain.size() + keyPartLength - modulus.size(), kPad);
    }
    auto signature = finishAndSign(signer, std::move(plain),
                                   {out.remainder, subject.exponent(), extraHashData}, tamper);
    if (!signature)
        return signature.error();
    out.certificate = std::move(signature).value();
    return out;
}

Result<Bytes> signStaticData(const crypto::RsaPrivateKey& issuer, ByteView dataAuthenticationCode,
                             ByteView staticData, const Tamper& tamper)
{
    // Book 2, 5.4 table 7.
    Bytes plain{kHeader, 0x03, 0x01};
    append(plain, dataAuthenticationCode);
    const std::size_t n = issuer.modulusLength();
    plain.resize(n - kHashLength - 1, kPad);
    return finishAndSign(issuer, std::move(plain), {staticData}, tamper);
}

Result<Bytes> signDynamicData(const crypto::RsaPrivateKey& icc, ByteView iccDynamicData,
                              ByteView terminalDynamicData, const Tamper& tamper)
{
    // Book 2, 6.5.2 table 17.
    Bytes plain{kHeader, 0x05, 0x01, static_cast<std::uint8_t>(iccDynamicData.size())};
    append(plain, iccDynamicData);
    const std::size_t n = icc.modulusLength();
    if (plain.size() + kHashLength + 1 > n)
        return makeError(ErrorCode::InvalidArgument, "test PKI: dynamic data too long");
    plain.resize(n - kHashLength - 1, kPad);
    return finishAndSign(icc, std::move(plain), {terminalDynamicData}, tamper);
}

Bytes ddaDynamicData(ByteView iccDynamicNumber)
{
    Bytes out{static_cast<std::uint8_t>(iccDynamicNumber.size())};
    append(out, iccDynamicNumber);
    return out;
}

Bytes cdaDynamicData(ByteView iccDynamicNumber, std::uint8_t cid, ByteView cryptogram,
                     ByteView transactionDataHash)
{
    Bytes out = ddaDynamicData(iccDynamicNumber);
    out.push_back(cid);
    append(out, cryptogram);
    append(out, transactionDataHash);
    return out;
}

Bytes cdaTransactionDataHash(ByteView pdolData, ByteView cdolData, ByteView responseObjects)
{
    return sha1Of({pdolData, cdolData, responseObjects});
}

Result<EmvTestPki> EmvTestPki::create(const EmvTestPkiOptions& options)
{
    auto ca = crypto::RsaPrivateKey::generate(options.caBits, 3);
    auto issuer = crypto::RsaPrivateKey::generate(options.issuerBits, 3);
    auto icc = crypto::RsaPrivateKey::generate(options.iccBits, 65537);
    auto iccPin = crypto::RsaPrivateKey::generate(options.iccBits, 3);
    for (auto* key : {&ca, &issuer, &icc, &iccPin}) {
        if (!*key)
            return key->error();
    }
    EmvTestPki pki(options, std::move(ca).value(), std::move(issuer).value(),
                   std::move(icc).value(), std::move(iccPin).value());
    CertificateFields fields;
    fields.format = 0x02;
    fields.owner = paddedDigits(options.pan.substr(0, 6), 4);
    fields.expiry = options.issuerExpiry;
    auto cert = makeCertificate(pki.m_ca, pki.m_issuer.publicKey(), fields);
    if (!cert)
        return cert.error();
    pki.m_issuerCertificate = std::move(cert).value();
    return pki;
}

EmvTestPki::EmvTestPki(EmvTestPkiOptions options, crypto::RsaPrivateKey ca,
                       crypto::RsaPrivateKey issuer, crypto::RsaPrivateKey icc,
                       crypto::RsaPrivateKey iccPin)
    : m_options(std::move(options)), m_ca(std::move(ca)), m_issuer(std::move(issuer)),
      m_icc(std::move(icc)), m_iccPin(std::move(iccPin)),
      m_caKey(makeCaKey(m_ca.publicKey(), m_options.rid, m_options.caIndex, m_options.caExpiry))
{}

emv::CaPublicKeyStore EmvTestPki::store() const
{
    emv::CaPublicKeyStore store;
    auto added = store.add(m_caKey);
    (void)added;
    return store;
}

void EmvTestPki::putIssuerData(emv::TransactionData& data) const
{
    Bytes aid = m_options.rid;
    append(aid, Bytes{0x10, 0x10});
    data.set(0x4F, aid);
    data.set(0x5A, paddedDigits(m_options.pan, (m_options.pan.size() + 1) / 2));
    data.set(0x8F, Bytes{m_options.caIndex});
    data.set(0x90, m_issuerCertificate.certificate);
    if (!m_issuerCertificate.remainder.empty())
        data.set(0x92, m_issuerCertificate.remainder);
    data.set(0x9F32, m_issuer.publicKey().exponent());
    data.set(0x9A, Bytes{0x25, 0x01, 0x01});
}

Result<void> EmvTestPki::putIccData(emv::TransactionData& data, ByteView staticData,
                                    const Tamper& tamper) const
{
    putIssuerData(data);
    CertificateFields fields;
    fields.format = 0x04;
    fields.owner = paddedDigits(m_options.pan, 10);
    fields.expiry = m_options.iccExpiry;
    auto cert = makeCertificate(m_issuer, m_icc.publicKey(), fields, staticData, tamper);
    if (!cert)
        return cert.error();
    data.set(0x9F46, cert->certificate);
    if (!cert->remainder.empty())
        data.set(0x9F48, cert->remainder);
    data.set(0x9F47, m_icc.publicKey().exponent());
    return {};
}

Result<void> EmvTestPki::putIccPinData(emv::TransactionData& data) const
{
    CertificateFields fields;
    fields.format = 0x04;
    fields.owner = paddedDigits(m_options.pan, 10);
    fields.expiry = m_options.iccExpiry;
    auto cert = makeCertificate(m_issuer, m_iccPin.publicKey(), fields);
    if (!cert)
        return cert.error();
    data.set(0x9F2D, cert->certificate);
    if (!cert->remainder.empty())
        data.set(0x9F2F, cert->remainder);
    data.set(0x9F2E, m_iccPin.publicKey().exponent());
    return {};
}

} // namespace cardlink::test
