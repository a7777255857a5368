#include "host/IssuerCrypto.h"

#include "crypto/EmvCryptogram.h"
#include "crypto/IccMasterKey.h"
#include "crypto/SecureMessaging.h"
#include "crypto/SessionKey.h"

#include <openssl/crypto.h>

namespace cardlink::host {

namespace {

constexpr std::size_t kCsuLength = 4;
// CSU byte 2 (EMV 4.4 Book 2, 8.2.2 with the Common Core Definitions layout as
// we read it): b8 issuer approves, b7 card block, b6 application block.
constexpr std::uint8_t kCsuApproved = 0x80;
constexpr std::uint8_t kCsuCardBlock = 0x40;
constexpr std::uint8_t kCsuApplicationBlock = 0x20;

std::uint8_t bcdPsn(std::uint8_t psn)
{
    return static_cast<std::uint8_t>(((psn / 10) % 10) << 4 | psn % 10);
}

} // namespace

IssuerCrypto::IssuerCrypto(const IssuerKeys& keys, const Card& card, const IccRequestData& icc)
    : m_keys(keys), m_card(card), m_icc(icc)
{}

Result<Bytes> IssuerCrypto::sessionKey(ByteView issuerMasterKey) const
{
    auto iccKey =
        crypto::deriveIccMasterKey(m_keys.algorithm, issuerMasterKey, m_card.pan,
                                   bcdPsn(m_card.psn), crypto::defaultIccMkOption(m_card.pan));
    if (!iccKey)
        return iccKey.error();
    auto session = crypto::deriveSessionKey(m_keys.algorithm, *iccKey, m_icc.atc);
    secureWipe(*iccKey);
    return session;
}

Result<bool> IssuerCrypto::cryptogramMatches() const
{
    auto key = sessionKey(m_keys.applicationCryptogram);
    if (!key)
        return key.error();
    auto expected = crypto::applicationCryptogram(m_keys.algorithm, *key, m_icc.cryptogramInput);
    secureWipe(*key);
    if (!expected)
        return expected.error();
    return expected->size() == m_icc.cryptogram.size() &&
           CRYPTO_memcmp(expected->data(), m_icc.cryptogram.data(), expected->size()) == 0;
}

Result<Bytes> IssuerCrypto::issuerAuthenticationData(std::string_view responseCode, bool approved,
                                                     PendingScript script) const
{
    auto key = sessionKey(m_keys.applicationCryptogram);
    if (!key)
        return key.error();
    Bytes out;
    if (m_card.arpcMethod == ArpcMethod::Method1) {
        const Bytes arc(responseCode.begin(), responseCode.end());
        auto arpc = crypto::arpcMethod1(m_keys.algorithm, *key, m_icc.cryptogram, arc);
        secureWipe(*key);
        if (!arpc)
            return arpc.error();
        out = *arpc;
        out.insert(out.end(), arc.begin(), arc.end());
        return out;
    }
    Bytes csu(kCsuLength, 0x00);
    if (approved)
        csu[1] |= kCsuApproved;
    if (script == PendingScript::CardBlock)
        csu[1] |= kCsuCardBlock;
    if (script == PendingScript::ApplicationBlock)
        csu[1] |= kCsuApplicationBlock;
    auto arpc = crypto::arpcMethod2(m_keys.algorithm, *key, m_icc.cryptogram, csu);
    secureWipe(*key);
    if (!arpc)
        return arpc.error();
    out = *arpc;
    out.insert(out.end(), csu.begin(), csu.end());
    return out;
}

Result<Bytes> IssuerCrypto::scriptTemplate(PendingScript script, ByteView scriptId) const
{
    Bytes header;
    switch (script) {
    case PendingScript::ApplicationBlock:
        header = {0x84, 0x1E, 0x00, 0x00};
        break;
    case PendingScript::CardBlock:
        header = {0x84, 0x16, 0x00, 0x00};
        break;
    case PendingScript::PinUnblock:
        header = {0x84, 0x24, 0x00, 0x00};
        break;
    case PendingScript::None:
        return makeError(ErrorCode::InvalidArgument, "no script");
    }
    auto key = sessionKey(m_keys.secureMessagingIntegrity);
    if (!key)
        return key.error();
    auto command = crypto::buildScriptCommand(m_keys.algorithm, *key, header, m_icc.atc,
                                              m_icc.cryptogram, {}, m_card.scriptMacLength);
    secureWipe(*key);
    if (!command)
        return command.error();
    // 72 { 9F18 04 id, 86 L command }: short lengths, everything here < 128 bytes.
    Bytes body{0x9F, 0x18, static_cast<std::uint8_t>(scriptId.size())};
    body.insert(body.end(), scriptId.begin(), scriptId.end());
    body.push_back(0x86);
    body.push_back(static_cast<std::uint8_t>(command->size()));
    body.insert(body.end(), command->begin(), command->end());
    Bytes out{0x72, static_cast<std::uint8_t>(body.size())};
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

} // namespace cardlink::host
