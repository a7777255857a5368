#include "payment/online/StubIssuer.h"

#include "CliOutput.h"
#include "crypto/EmvCryptogram.h"
#include "crypto/IccMasterKey.h"
#include "crypto/SessionKey.h"
#include "sim/emv/CardPersonalizer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <utility>

namespace cardlink::cli {

namespace {
// docs/emv-test-cards.md: Issuer Application Data 9F10 of the test cards.
constexpr std::size_t kIadLength = 7;
constexpr std::uint8_t kCvnTdes = 0x0A;
constexpr std::uint8_t kCvnAes = 0x11;

Bytes arc(const char* code)
{
    return Bytes{static_cast<std::uint8_t>(code[0]), static_cast<std::uint8_t>(code[1])};
}

// 5A is cn: digits, F-padded.
std::string panDigits(ByteView bcd)
{
    static const char* digits = "0123456789";
    std::string pan;
    for (auto byte : bcd) {
        for (int shift : {4, 0}) {
            const int nibble = (byte >> shift) & 0x0F;
            if (nibble > 9)
                return pan;
            pan += digits[nibble];
        }
    }
    return pan;
}

bool equalTimingSafe(ByteView a, ByteView b)
{
    if (a.size() != b.size())
        return false;
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff |= static_cast<std::uint8_t>(a[i] ^ b[i]);
    return diff == 0;
}

Result<Bytes> hexKey(const QJsonObject& root, const char* name)
{
    const QJsonValue value = root.value(QLatin1String(name));
    if (!value.isString())
        return makeError(ErrorCode::Malformed, std::string("no \"") + name + "\" key");
    auto bytes = fromHex(value.toString().toStdString());
    if (!bytes)
        return makeError(ErrorCode::Malformed, std::string("\"") + name + "\": not hex");
    return bytes;
}
} // namespace

StubIssuer::~StubIssuer()
{
    secureWipe(m_imkDes);
    secureWipe(m_imkAes);
}

Result<StubIssuer> StubIssuer::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, "cannot read issuer keys " + path.toStdString() +
                                                  ": " + file.errorString().toStdString());
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return makeError(ErrorCode::Malformed, path.toStdString() + ": not a JSON object (" +
                                                   parseError.errorString().toStdString() + ")");
    StubIssuer issuer;
    auto des = hexKey(document.object(), "3DES");
    if (!des)
        return makeError(ErrorCode::Malformed, path.toStdString() + ": " + des.error().message);
    auto aes = hexKey(document.object(), "AES");
    if (!aes)
        return makeError(ErrorCode::Malformed, path.toStdString() + ": " + aes.error().message);
    if (des->size() != 16)
        return makeError(ErrorCode::Malformed, path.toStdString() + ": \"3DES\": not 16 bytes");
    if (aes->size() != 16 && aes->size() != 24 && aes->size() != 32)
        return makeError(ErrorCode::Malformed,
                         path.toStdString() + ": \"AES\": not 16, 24 or 32 bytes");
    issuer.m_imkDes = std::move(*des);
    issuer.m_imkAes = std::move(*aes);
    return issuer;
}

emv::OnlineResponse StubIssuer::authorize(const emv::OnlineRequest& request) const
{
    Decision decision = decide(request);
    printLine(QStringLiteral("Issuer (stub): ") + QString::fromStdString(decision.reason));
    return std::move(decision.response);
}

StubIssuer::Decision StubIssuer::decide(const emv::OnlineRequest& request) const
{
    const emv::TransactionData& data = request.data;
    Decision decision;
    decision.response.decision = emv::OnlineDecision::Declined;
    decision.response.authorisationResponseCode = arc("05");
    auto declined = [&](std::string why) {
        decision.reason = std::move(why) + "; declined (05)";
        return decision;
    };

    const auto pan = data.get(0x5A);
    const auto atc = data.get(0x9F36);
    const auto arqc = data.get(0x9F26);
    const auto iad = data.get(0x9F10);
    const auto aip = data.get(0x82);
    if (!pan || !atc || atc->size() != 2 || !arqc || !iad || !aip)
        return declined("ARQC request without 5A, 9F36, 9F26, 9F10 or 82");
    if (iad->size() != kIadLength || (*iad)[0] != kIadLength - 1)
        return declined("9F10 is not in the test cards' format");
    const std::uint8_t cvn = (*iad)[2];
    if (cvn != kCvnTdes && cvn != kCvnAes)
        return declined("unknown cryptogram version " + toHex(iad->subspan(2, 1)));
    const auto algorithm =
        cvn == kCvnAes ? crypto::CipherAlgorithm::Aes : crypto::CipherAlgorithm::Des;
    const auto psnValue = data.get(0x5F34);
    std::optional<std::uint8_t> psn;
    if (psnValue && psnValue->size() == 1)
        psn = (*psnValue)[0];

    // Book 2, A1.4.1 then A1.3: the keys the card holds.
    auto mk = crypto::deriveIccMasterKey(
        algorithm, algorithm == crypto::CipherAlgorithm::Des ? m_imkDes : m_imkAes, panDigits(*pan),
        psn, crypto::IccMkOption::A);
    if (!mk)
        return declined("ICC master key: " + mk.error().describe());
    auto sk = crypto::deriveSessionKey(algorithm, *mk, readU16(*atc, 0));
    secureWipe(*mk);
    if (!sk)
        return declined("session key: " + sk.error().describe());

    const Bytes input = crypto::recommendedCryptogramInput(
        [&data](std::uint32_t tag, std::size_t) {
            const auto value = data.get(tag);
            return value ? Bytes(value->begin(), value->end()) : Bytes{};
        },
        *aip, *atc, ByteView(*iad).subspan(3));
    auto expected = crypto::applicationCryptogram(algorithm, *sk, input);
    const std::string keyText =
        std::string(algorithm == crypto::CipherAlgorithm::Des ? "3DES" : "AES") + ", ATC " +
        toHex(*atc);
    if (!expected || !equalTimingSafe(*expected, *arqc)) {
        secureWipe(*sk);
        return declined("ARQC does not verify (" + keyText + ")");
    }
    std::string why = "ARQC verified (" + keyText + ")";

    // The issuer's own rules after the cryptogram.
    const char* code = "00";
    const auto expiry = data.get(0x5F24);
    const auto date = data.get(0x9A);
    if (expiry && date && expiry->size() == 3 && date->size() == 3 &&
        toHex(*expiry) < toHex(*date)) {
        code = "54";
        why += "; card expired";
    } else if (request.hasOnlinePin &&
               !request.onlinePin.equals(ByteView(
                   reinterpret_cast<const std::uint8_t*>(sim::emv::CardPersonalizer::kTestPin),
                   std::char_traits<char>::length(sim::emv::CardPersonalizer::kTestPin)))) {
        code = "55";
        why += "; online PIN wrong";
    } else if (request.hasOnlinePin) {
        why += "; online PIN correct";
    }
    const bool approved = code[0] == '0' && code[1] == '0';
    decision.response.decision =
        approved ? emv::OnlineDecision::Approved : emv::OnlineDecision::Declined;
    decision.response.authorisationResponseCode = arc(code);
    auto arpc =
        crypto::arpcMethod1(algorithm, *sk, *arqc, decision.response.authorisationResponseCode);
    secureWipe(*sk);
    if (!arpc)
        return declined("ARPC: " + arpc.error().describe());
    decision.response.issuerAuthenticationData = *arpc;
    decision.response.issuerAuthenticationData.insert(
        decision.response.issuerAuthenticationData.end(),
        decision.response.authorisationResponseCode.begin(),
        decision.response.authorisationResponseCode.end());
    if (approved) {
        const std::string authCode = "CL" + toHex(*atc);
        decision.response.authorisationCode.assign(authCode.begin(), authCode.end());
    }
    decision.reason =
        why + (approved ? "; approved (00)" : std::string("; declined (") + code + ")");
    return decision;
}

} // namespace cardlink::cli
