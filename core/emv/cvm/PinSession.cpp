#include "emv/cvm/PinSession.h"

#include "crypto/RsaPublicKey.h"
#include "pin/PinBlock.h"
#include "tlv/TlvParser.h"

namespace cardlink::emv::detail {

namespace {

constexpr std::uint8_t kInsVerify = 0x20;
constexpr std::uint8_t kInsGetChallenge = 0x84;
constexpr std::uint8_t kInsGetData = 0xCA;
// Book 3, 6.5.12: P2 qualifies the PIN: 80 plaintext, 88 enciphered.
constexpr std::uint8_t kP2Plaintext = 0x80;
constexpr std::uint8_t kP2Enciphered = 0x88;
constexpr std::size_t kChallengeLength = 8;
// A card that answers 63Cx with ever the same x would keep us asking.
constexpr int kMaxPinAttempts = 16;

bool isPinDigits(const pin::SecretBytes& digits)
{
    if (digits.size() < pin::PinBlock::kMinPinDigits ||
        digits.size() > pin::PinBlock::kMaxPinDigits)
        return false;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (digits[i] < '0' || digits[i] > '9')
            return false;
    }
    return true;
}

} // namespace

PinSession::PinSession(iso7816::CardChannel& card, Cardholder& cardholder, Tvr& tvr,
                       const CvmSettings& settings)
    : m_card(card), m_cardholder(cardholder), m_tvr(tvr), m_settings(settings)
{}

PinSession::Entry PinSession::askForPin(PinKind kind, pin::SecretBytes& digits)
{
    // Book 4, 6.3.4.3: once the cardholder bypassed PIN entry, later PIN
    // CVMs of the transaction count as bypassed too.
    if (!m_bypassed) {
        PinRequest request;
        request.kind = kind;
        if (kind != PinKind::Online && m_triesLeft)
            request.triesLeft = *m_triesLeft;
        request.amount = m_settings.amount;
        request.currency = m_settings.currencyAlpha;
        PinEntry entry = m_cardholder.enterPin(request);
        if (entry.status == PinEntryStatus::Cancelled)
            return Entry::Cancelled;
        if (entry.status == PinEntryStatus::Entered && isPinDigits(entry.digits)) {
            digits = std::move(entry.digits);
            return Entry::Entered;
        }
        // A PIN of the wrong length counts as not entered for this CVM only.
        if (entry.status != PinEntryStatus::Entered)
            m_bypassed = true;
    }
    // Book 3, 10.5.1 / Book 4, 6.3.4.3: PIN pad present, PIN not entered.
    m_tvr.set(TvrBit::PinPadPresentButPinNotEntered);
    return Entry::NotEntered;
}

Result<std::optional<int>> PinSession::readPinTryCounter()
{
    if (m_triesLeft)
        return *m_triesLeft;
    // Book 3, 6.5.7: GET DATA for the PIN Try Counter 9F17 (80 CA 9F 17 00).
    iso7816::CommandApdu command{0x80, kInsGetData, 0x9F,
                                 0x17, {},          iso7816::CommandApdu::kMaxShortNe};
    auto response = m_card.transmit(command);
    if (!response)
        return response.error();
    std::optional<int> tries;
    if (response->isSuccess()) {
        if (auto objects = tlv::parse(response->data); objects) {
            const tlv::TlvObject* counter = tlv::findTag(*objects, 0x9F17);
            if (counter && counter->value.size() == 1)
                tries = counter->value[0];
        }
    }
    m_triesLeft = tries;
    return tries;
}

Result<std::optional<iso7816::ResponseApdu>> PinSession::sendVerify(ByteView pinBlock,
                                                                    const IccPublicKey* key)
{
    if (!key) {
        iso7816::CommandApdu verify{
            0x00,        kInsVerify, 0x00, kP2Plaintext, Bytes(pinBlock.begin(), pinBlock.end()),
            std::nullopt};
        auto response = m_card.transmit(verify);
        secureWipe(verify.data);
        if (!response)
            return response.error();
        return std::optional<iso7816::ResponseApdu>(std::move(response).value());
    }
    auto rsa = crypto::RsaPublicKey::fromComponents(key->modulus, key->exponent);
    if (!rsa || rsa->modulusLength() < 1 + pinBlock.size() + kChallengeLength)
        return std::optional<iso7816::ResponseApdu>();
    // Book 3, 6.5.6: GET CHALLENGE, 8 bytes.
    auto challenge = m_card.transmit(iso7816::CommandApdu{
        0x00, kInsGetChallenge, 0x00, 0x00, {}, iso7816::CommandApdu::kMaxShortNe});
    if (!challenge)
        return challenge.error();
    if (!challenge->isSuccess() || challenge->data.size() != kChallengeLength)
        return std::optional<iso7816::ResponseApdu>();
    // Book 2, 7.2: 7F ‖ PIN block ‖ ICC Unpredictable Number ‖ random pad
    // (N_PE - 17 bytes), enciphered with the RSA public key.
    pin::SecretBytes plain(rsa->modulusLength());
    plain[0] = 0x7F;
    std::copy(pinBlock.begin(), pinBlock.end(), plain.data() + 1);
    std::copy(challenge->data.begin(), challenge->data.end(), plain.data() + 1 + pinBlock.size());
    const std::size_t padOffset = 1 + pinBlock.size() + kChallengeLength;
    if (!pin::systemRandom()(plain.span().subspan(padOffset)))
        return makeError(ErrorCode::Internal, "no random bytes for the enciphered PIN");
    auto enciphered = rsa->recover(plain.view());
    if (!enciphered)
        return std::optional<iso7816::ResponseApdu>();
    iso7816::CommandApdu verify{
        0x00, kInsVerify, 0x00, kP2Enciphered, std::move(enciphered).value(), std::nullopt};
    auto response = m_card.transmit(verify);
    if (!response)
        return response.error();
    return std::optional<iso7816::ResponseApdu>(std::move(response).value());
}

Result<PinResult> PinSession::offlinePin(const IccPublicKey* encipherKey)
{
    // Book 4, 6.3.4.1: no working PIN pad, the PIN CVM fails.
    if (!m_settings.pinPadWorking) {
        m_tvr.set(TvrBit::PinPadNotPresentOrNotWorking);
        return PinResult::Failed;
    }
    auto tries = readPinTryCounter();
    if (!tries)
        return tries.error();
    // Book 4, 6.3.4.2: a PIN Try Counter of zero means the limit is exceeded;
    // no PIN is asked for.
    if (*tries && **tries == 0) {
        m_tvr.set(TvrBit::PinTryLimitExceeded);
        return PinResult::Failed;
    }
    const PinKind kind = encipherKey ? PinKind::OfflineEnciphered : PinKind::OfflinePlaintext;
    for (int attempt = 0; attempt < kMaxPinAttempts; ++attempt) {
        pin::SecretBytes digits;
        const Entry entry = askForPin(kind, digits);
        if (entry == Entry::Cancelled)
            return PinResult::Cancelled;
        if (entry == Entry::NotEntered)
            return PinResult::Failed;
        // Book 3, 6.5.12: the plaintext PIN block is ISO 9564 format 2.
        auto block = pin::PinBlock::encode(pin::PinBlockFormat::Iso2, digits.view(), {});
        if (!block)
            return PinResult::Failed;
        auto response = sendVerify(block->view(), encipherKey);
        if (!response)
            return response.error();
        if (!*response)
            return PinResult::Failed;
        const std::uint16_t sw = (*response)->sw;
        if (sw == 0x9000) {
            m_cardholder.showMessage(CardholderMessage::PinOk);
            return PinResult::Verified;
        }
        // Book 3, 6.5.12.4 / Book 4, 6.3.4.4: 63Cx wrong PIN, x tries left.
        if ((sw & 0xFFF0) == 0x63C0) {
            const int left = sw & 0x0F;
            m_triesLeft = left;
            if (left == 0) {
                m_tvr.set(TvrBit::PinTryLimitExceeded);
                m_cardholder.showMessage(CardholderMessage::PinBlocked);
                return PinResult::Failed;
            }
            m_cardholder.showMessage(left == 1 ? CardholderMessage::LastPinTry
                                               : CardholderMessage::IncorrectPin);
            continue;
        }
        // 6983 authentication method blocked, 6984 reference data invalidated.
        if (sw == 0x6983 || sw == 0x6984) {
            m_triesLeft = 0;
            m_tvr.set(TvrBit::PinTryLimitExceeded);
            m_cardholder.showMessage(CardholderMessage::PinBlocked);
            return PinResult::Failed;
        }
        return PinResult::Failed;
    }
    return PinResult::Failed;
}

PinResult PinSession::onlinePin(pin::SecretBytes& digits)
{
    if (!m_settings.pinPadWorking) {
        m_tvr.set(TvrBit::PinPadNotPresentOrNotWorking);
        return PinResult::Failed;
    }
    switch (askForPin(PinKind::Online, digits)) {
    case Entry::Cancelled:
        return PinResult::Cancelled;
    case Entry::NotEntered:
        return PinResult::Failed;
    case Entry::Entered:
        break;
    }
    // Book 3, 10.5.2: online PIN entered.
    m_tvr.set(TvrBit::OnlinePinEntered);
    return PinResult::Verified;
}

} // namespace cardlink::emv::detail
