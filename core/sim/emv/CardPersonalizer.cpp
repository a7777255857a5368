#include "sim/emv/CardPersonalizer.h"

#include "sim/PinHash.h"
#include "sim/emv/EmvTlv.h"

#include <nlohmann/json.hpp>
#include <openssl/rand.h>

#include <string_view>

namespace cardlink::sim::emv {

namespace {
using Json = nlohmann::ordered_json;

constexpr std::string_view kAid = "A0000009991010";
constexpr std::string_view kIssuerPrefix = "999999"; // leftmost PAN digits, test range
constexpr std::uint8_t kPanSequenceNumber = 0x01;
const Bytes kCertificateExpiry{0x12, 0x30};   // MMYY: December 2030
constexpr std::uint64_t kOfflineLimit = 5000; // 50.00 in minor units

// Book 3, Annex A: CDOL1 with the Book 2, 8.1.1 minimum set plus 9F35 and
// 9F34; CDOL2 with the ARC first.
const Bytes kCdol1{0x9F, 0x02, 0x06, 0x9F, 0x03, 0x06, 0x9F, 0x1A, 0x02,
                   0x95, 0x05, 0x5F, 0x2A, 0x02, 0x9A, 0x03, 0x9C, 0x01,
                   0x9F, 0x37, 0x04, 0x9F, 0x35, 0x01, 0x9F, 0x34, 0x03};
const Bytes kCdol2{0x8A, 0x02, 0x9F, 0x02, 0x06, 0x9F, 0x03, 0x06, 0x9F, 0x1A, 0x02, 0x95,
                   0x05, 0x5F, 0x2A, 0x02, 0x9A, 0x03, 0x9C, 0x01, 0x9F, 0x37, 0x04};
const Bytes kDdol{0x9F, 0x37, 0x04};
const Bytes kPdol{0x9F, 0x1A, 0x02};

enum class Oda { Sda, Dda, Cda };
enum class Cvm { PlaintextPin, EncipheredPin, OnlinePin, Signature, None };

struct KindTraits
{
    Oda oda = Oda::Dda;
    Cvm cvm = Cvm::PlaintextPin;
};

KindTraits traits(CardKind kind)
{
    switch (kind) {
    case CardKind::Sda:
        return {Oda::Sda, Cvm::PlaintextPin};
    case CardKind::Cda:
        return {Oda::Cda, Cvm::PlaintextPin};
    case CardKind::PinEnciphered:
        return {Oda::Dda, Cvm::EncipheredPin};
    case CardKind::PinOnline:
        return {Oda::Dda, Cvm::OnlinePin};
    case CardKind::Signature:
        return {Oda::Dda, Cvm::Signature};
    case CardKind::NoCvm:
        return {Oda::Dda, Cvm::None};
    default:
        return {Oda::Dda, Cvm::PlaintextPin};
    }
}

// Book 3, Annex C3: CVM codes; b7 = apply the next rule if this one fails.
// Condition 03: if the terminal supports the CVM; 00: always.
Bytes cvmList(Cvm cvm)
{
    Bytes list(8, 0x00); // amounts X and Y
    const Bytes fallback{0x1E, 0x03, 0x1F, 0x03};
    switch (cvm) {
    case Cvm::PlaintextPin:
        list.insert(list.end(), {0x41, 0x03});
        break;
    case Cvm::EncipheredPin:
        list.insert(list.end(), {0x44, 0x03});
        break;
    case Cvm::OnlinePin:
        list.insert(list.end(), {0x42, 0x03});
        break;
    case Cvm::Signature:
        break;
    case Cvm::None:
        list.insert(list.end(), {0x1F, 0x00});
        return list;
    }
    list.insert(list.end(), fallback.begin(), fallback.end());
    return list;
}

Bytes aip(Oda oda)
{
    // Book 3, Annex C1: b7 SDA, b6 DDA, b5 cardholder verification, b4
    // terminal risk management, b3 issuer authentication, b1 CDA.
    switch (oda) {
    case Oda::Sda:
        return {0x5C, 0x00};
    case Oda::Dda:
        return {0x3C, 0x00};
    case Oda::Cda:
        return {0x3D, 0x00};
    }
    return {0x1C, 0x00};
}

Bytes bcdDigits(std::string_view digits, std::size_t bytes)
{
    Bytes out(bytes, 0xFF);
    for (std::size_t i = 0; i < digits.size() && i / 2 < bytes; ++i) {
        const auto value = static_cast<std::uint8_t>(digits[i] - '0');
        std::uint8_t& target = out[i / 2];
        target = (i % 2 == 0) ? static_cast<std::uint8_t>((value << 4) | 0x0F)
                              : static_cast<std::uint8_t>((target & 0xF0) | value);
    }
    return out;
}

Bytes track2(const std::string& pan, std::string_view yymm)
{
    // Book 3, Annex A (57): PAN, separator D, YYMM, service code, discretionary.
    std::string nibbles = pan + "D" + std::string(yymm) + "201" + "0000000000";
    if (nibbles.size() % 2 != 0)
        nibbles.push_back('F');
    Bytes out;
    for (std::size_t i = 0; i < nibbles.size(); i += 2) {
        auto nibble = [](char c) {
            return static_cast<std::uint8_t>(c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10);
        };
        out.push_back(
            static_cast<std::uint8_t>((nibble(nibbles[i]) << 4) | nibble(nibbles[i + 1])));
    }
    return out;
}

Bytes text(std::string_view value)
{
    return Bytes(value.begin(), value.end());
}

Result<Bytes> randomKey(std::size_t size)
{
    Bytes key(size);
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1)
        return makeError(ErrorCode::Internal, "no random bytes for a key");
    return key;
}

Json rsaJson(const crypto::RsaPrivateComponents& key)
{
    Json out;
    out["modulus"] = toHex(key.modulus);
    out["publicExponent"] = toHex(key.publicExponent);
    out["privateExponent"] = toHex(key.privateExponent);
    if (key.hasCrt()) {
        out["prime1"] = toHex(key.prime1);
        out["prime2"] = toHex(key.prime2);
        out["exponent1"] = toHex(key.exponent1);
        out["exponent2"] = toHex(key.exponent2);
        out["coefficient"] = toHex(key.coefficient);
    }
    return out;
}

Json recordFile(std::uint8_t sfi, std::uint8_t oda, const std::vector<Bytes>& records)
{
    Json file;
    file["sfi"] = sfi;
    file["odaRecords"] = oda;
    Json list = Json::array();
    for (const auto& record : records)
        list.push_back(toSpacedHex(record));
    file["records"] = list;
    return file;
}
} // namespace

CardPersonalizer::CardPersonalizer(crypto::RsaPrivateKey ca, crypto::RsaPrivateKey issuer,
                                   PkiSizes sizes)
    : m_sizes(sizes), m_ca(std::move(ca)), m_issuer(std::move(issuer))
{}

Result<CardPersonalizer> CardPersonalizer::create(const PkiSizes& sizes)
{
    auto ca = TestPki::generateKey(sizes.caBits);
    if (!ca)
        return ca.error();
    auto issuer = TestPki::generateKey(sizes.issuerBits);
    if (!issuer)
        return issuer.error();
    CardPersonalizer personalizer(std::move(*ca), std::move(*issuer), sizes);
    const Bytes issuerId = bcdDigits(kIssuerPrefix, 4);
    auto certificate =
        TestPki::issuerCertificate(personalizer.m_ca, personalizer.m_issuer.publicKey(), issuerId,
                                   kCertificateExpiry, Bytes{0x00, 0x00, 0x01});
    if (!certificate)
        return certificate.error();
    personalizer.m_issuerCertificate = std::move(*certificate);
    auto des = randomKey(16);
    auto aes = randomKey(16);
    if (!des || !aes)
        return makeError(ErrorCode::Internal, "no random bytes for the issuer master keys");
    personalizer.m_imkDes = std::move(*des);
    personalizer.m_imkAes = std::move(*aes);
    return personalizer;
}

std::string CardPersonalizer::pan(CardKind kind, unsigned serial)
{
    std::string digits(kIssuerPrefix);
    const auto kindNumber = static_cast<unsigned>(kind);
    digits += static_cast<char>('0' + kindNumber / 10);
    digits += static_cast<char>('0' + kindNumber % 10);
    std::string number = std::to_string(serial % 10000000);
    digits += std::string(7 - number.size(), '0') + number;
    // ISO/IEC 7812-1, Annex B: Luhn check digit.
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        int d = digits[digits.size() - 1 - i] - '0';
        if (i % 2 == 0) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    digits += static_cast<char>('0' + (10 - sum % 10) % 10);
    return digits;
}

Result<std::string> CardPersonalizer::profileJson(CardKind kind, unsigned serial) const
{
    const KindTraits t = traits(kind);
    const std::string panText = pan(kind, serial);
    const bool expired = kind == CardKind::Expired;
    const Bytes expiry = expired ? Bytes{0x23, 0x01, 0x31} : Bytes{0x30, 0x12, 0x31};
    const auto algorithm =
        kind == CardKind::Cda ? crypto::CipherAlgorithm::Aes : crypto::CipherAlgorithm::Des;
    const Bytes applicationAip = aip(t.oda);

    // SFI 1, record 1 (signed): the data the terminal checks and decides on.
    Bytes signedData;
    appendTlv(signedData, 0x5A, bcdDigits(panText, 8));
    appendTlv(signedData, 0x5F34, Bytes{kPanSequenceNumber});
    appendTlv(signedData, 0x5F24, expiry);
    appendTlv(signedData, 0x5F25, Bytes{0x20, 0x01, 0x01});
    appendTlv(signedData, 0x5F28, Bytes{0x02, 0x76});
    appendTlv(signedData, 0x9F07, Bytes{0xFF, 0x00});
    appendTlv(signedData, 0x9F08, Bytes{0x00, 0x02});
    appendTlv(signedData, 0x8E, cvmList(t.cvm));
    appendTlv(signedData, 0x9F0D, Bytes{0xFC, 0x50, 0xAC, 0xA0, 0x00});
    appendTlv(signedData, 0x9F0E, Bytes{0x00, 0x00, 0x00, 0x00, 0x00});
    appendTlv(signedData, 0x9F0F, Bytes{0xFC, 0x50, 0xBC, 0xF8, 0x00});
    appendTlv(signedData, 0x8C, kCdol1);
    appendTlv(signedData, 0x8D, kCdol2);
    appendTlv(signedData, 0x9F4A, Bytes{0x82}); // SDA tag list: the AIP
    if (t.oda != Oda::Sda)
        appendTlv(signedData, 0x9F49, kDdol);
    Bytes other;
    appendTlv(other, 0x57, track2(panText, expired ? "2301" : "3012"));
    appendTlv(other, 0x5F20, text("CARDLINK/TEST"));

    // Book 3, 10.3: for SFI 1..10 the record value without tag 70 and its
    // length enters the static data, then the values of the SDA tag list.
    Bytes staticData = signedData;
    staticData.insert(staticData.end(), applicationAip.begin(), applicationAip.end());

    std::vector<Bytes> certificates;
    Bytes issuerInfo;
    appendTlv(issuerInfo, 0x8F, Bytes{kCaIndex});
    appendTlv(issuerInfo, 0x9F32, m_issuerCertificate.exponent);
    if (!m_issuerCertificate.remainder.empty())
        appendTlv(issuerInfo, 0x92, m_issuerCertificate.remainder);
    certificates.push_back(makeTlv(0x70, issuerInfo));
    certificates.push_back(makeTlv(0x70, makeTlv(0x90, m_issuerCertificate.certificate)));

    Json emv;
    emv["aid"] = std::string(kAid);
    emv["label"] = "CARDLINK TEST";
    emv["priority"] = 1;
    emv["languagePreference"] = "en";
    if (kind != CardKind::Sda)
        emv["pdol"] = toHex(kPdol);
    emv["pse"] = true;
    emv["responseFormat"] = kind == CardKind::Sda ? 1 : 2;
    emv["aip"] = toHex(applicationAip);

    if (t.oda == Oda::Sda) {
        auto ssad = TestPki::signedStaticData(m_issuer, Bytes{0xDA, 0xC1}, staticData);
        if (!ssad)
            return ssad.error();
        certificates.push_back(makeTlv(0x70, makeTlv(0x93, *ssad)));
    } else {
        auto icc = TestPki::generateKey(m_sizes.iccBits);
        if (!icc)
            return icc.error();
        auto certificate =
            TestPki::iccCertificate(m_issuer, icc->publicKey(), bcdDigits(panText, 10),
                                    kCertificateExpiry, Bytes{0x00, 0x10, 0x01}, staticData);
        if (!certificate)
            return certificate.error();
        certificates.push_back(makeTlv(0x70, makeTlv(0x9F46, certificate->certificate)));
        Bytes keyInfo = makeTlv(0x9F47, certificate->exponent);
        if (!certificate->remainder.empty())
            appendTlv(keyInfo, 0x9F48, certificate->remainder);
        certificates.push_back(makeTlv(0x70, keyInfo));
        auto components = icc->components();
        if (!components)
            return components.error();
        emv["iccPrivateKey"] = rsaJson(*components);
        components->wipe();
    }
    Json files = Json::array();
    files.push_back(recordFile(1, 1, {makeTlv(0x70, signedData), makeTlv(0x70, other)}));
    files.push_back(recordFile(2, 0, certificates));
    emv["files"] = files;
    emv["algorithm"] = algorithm == crypto::CipherAlgorithm::Des ? "3DES" : "AES";
    emv["issuerMasterKeys"] = Json{{"ac", toHex(issuerMasterKey(algorithm))}};
    emv["cryptogramVersion"] = algorithm == crypto::CipherAlgorithm::Des ? "0A" : "11";
    emv["arpcMethod"] = 1;
    emv["offlineLimit"] = kOfflineLimit;
    emv["requirePinForOffline"] = t.cvm == Cvm::PlaintextPin || t.cvm == Cvm::EncipheredPin;
    emv["logFormat"] = "9A039F21039F02065F2A029C01";
    if (kind == CardKind::AppBlocked)
        emv["applicationBlocked"] = true;

    auto salt = PinHash::randomSalt();
    if (!salt)
        return salt.error();
    auto hash = PinHash::compute(*salt, text(kTestPin));
    if (!hash)
        return hash.error();
    Json profile;
    profile["version"] = 1;
    profile["name"] = "CardLink EMV test card (" + std::string(cardKindName(kind)) + ", " +
                      std::to_string(serial) + ")";
    profile["description"] =
        "Generated by cardlink-personalize: a test card with test keys (docs/emv-test-cards.md). "
        "PIN 1234.";
    profile["atr"] = "3B 8A 01 43 61 72 64 4C 69 6E 6B 54 31 FA";
    profile["protocol"] = "T=1";
    profile["pin"] = Json{{"reference", "80"},
                          {"maxTries", 3},
                          {"triesLeft", kind == CardKind::PinBlocked ? 0 : 3},
                          {"salt", toHex(*salt)},
                          {"hash", toHex(*hash)}};
    profile["emv"] = emv;
    return profile.dump(2) + "\n";
}

Result<std::string> CardPersonalizer::caKeysJson() const
{
    const Bytes rid = TestPki::testRid();
    auto checksum = TestPki::caKeyChecksum(rid, kCaIndex, m_ca.publicKey());
    if (!checksum)
        return checksum.error();
    Json key;
    key["rid"] = toHex(rid);
    key["index"] = toHex(Bytes{kCaIndex});
    key["hashAlgorithm"] = "01";
    key["pkAlgorithm"] = "01";
    key["modulus"] = toHex(m_ca.publicKey().modulus());
    key["exponent"] = toHex(m_ca.publicKey().exponent());
    key["expiry"] = "301231";
    key["checksum"] = toHex(*checksum);
    key["description"] = "CardLink test CA (cardlink-personalize)";
    Json file;
    file["version"] = 1;
    file["keys"] = Json::array({key});
    return file.dump(2) + "\n";
}

std::string CardPersonalizer::issuerKeysJson() const
{
    Json file;
    file["description"] = "CardLink test issuer master keys (AC, SMI and SMC use the same key); "
                          "ICC master keys: EMV 4.4 Book 2, A1.4.1 option A";
    file["3DES"] = toHex(m_imkDes);
    file["AES"] = toHex(m_imkAes);
    return file.dump(2) + "\n";
}

} // namespace cardlink::sim::emv
