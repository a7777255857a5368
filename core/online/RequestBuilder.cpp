#include "online/RequestBuilder.h"

#include "iso8583/CardLinkProfile.h"
#include "online/CardFields.h"
#include "online/IccDataField.h"

#include <array>
#include <cstdio>

namespace cardlink::online {

namespace field = iso8583::field;

namespace {
constexpr std::array<tlv::Tag, 2> kCryptogram{0x9F26, 0x9F27};

std::string bcdDigits(ByteView value)
{
    std::string out;
    for (std::uint8_t byte : value) {
        out.push_back(static_cast<char>('0' + (byte >> 4)));
        out.push_back(static_cast<char>('0' + (byte & 0x0F)));
    }
    return out;
}

bool isBcd(ByteView value)
{
    for (std::uint8_t byte : value) {
        if ((byte >> 4) > 9 || (byte & 0x0F) > 9)
            return false;
    }
    return true;
}

std::string padRight(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.append(width - text.size(), ' ');
    return text;
}

// A BCD data object of exactly `size` bytes as digits, or nullopt.
std::optional<std::string> bcdOf(const emv::TransactionData& data, tlv::Tag tag, std::size_t size)
{
    auto value = data.get(tag);
    if (!value || value->size() != size || !isBcd(*value))
        return std::nullopt;
    return bcdDigits(*value);
}

// EMV 4.4 Book 3, Annex C3: CVM codes 01-05 are PIN methods (offline or online).
bool pinVerified(const emv::TransactionData& data, bool onlinePin)
{
    if (onlinePin)
        return true;
    auto cvmResults = data.get(0x9F34);
    if (!cvmResults || cvmResults->size() != 3)
        return false;
    const std::uint8_t method = (*cvmResults)[0] & 0x3F;
    return method >= 0x01 && method <= 0x05 && (*cvmResults)[2] == 0x02;
}

// Fields shared by 0100/0200/0220.
Result<iso8583::Message> cardMessage(const char* mti, const emv::TransactionData& data,
                                     const TerminalIdentity& identity, const MessageStamp& stamp,
                                     const std::string& posCondition, bool onlinePin,
                                     const CardFields& card)
{
    iso8583::Message m(mti);
    const auto type = bcdOf(data, 0x9C, 1);
    m.set(field::kProcessingCode, (type ? *type : std::string("00")) + "0000");
    const auto amount = bcdOf(data, 0x9F02, 6);
    if (!amount)
        return makeError(ErrorCode::InvalidArgument, "the transaction has no amount (9F02)");
    m.set(field::kAmount, *amount);
    m.set(field::kTransmissionDateTime, stamp.transmissionDateTime());
    m.set(field::kStan, stamp.stanText());
    const auto time = bcdOf(data, 0x9F21, 3);
    const auto date = bcdOf(data, 0x9A, 3);
    m.set(field::kLocalTime, time ? *time : stamp.timeText());
    m.set(field::kLocalDate, date ? date->substr(2) : stamp.dateText());
    if (card.track2)
        m.set(field::kTrack2, *card.track2);
    else
        m.set(field::kPan, card.pan);
    if (card.expiry)
        m.set(field::kExpiryDate, *card.expiry);
    if (card.sequenceNumber)
        m.set(field::kCardSequenceNumber, *card.sequenceNumber);
    m.set(field::kPosEntryMode, pinVerified(data, onlinePin) ? "051" : "052");
    m.set(field::kPosConditionCode, posCondition);
    m.set(field::kTerminalId, identity.terminalId);
    m.set(field::kMerchantId, padRight(identity.merchantId, 15));
    const auto currency = bcdOf(data, 0x5F2A, 2);
    m.set(field::kCurrencyCode, currency ? currency->substr(1) : identity.currencyCode);
    return m;
}

} // namespace

Result<iso8583::Message> RequestBuilder::onlineRequest(const emv::OnlineRequest& request,
                                                       const TerminalIdentity& identity,
                                                       const MessageStamp& stamp,
                                                       const RequestOptions& options,
                                                       const RequestSecurity& security)
{
    auto card = CardFields::fromTransaction(request.data);
    if (!card)
        return card.error();
    const char* mti = options.type == RequestType::Authorization ? "0100" : "0200";
    auto message = cardMessage(mti, request.data, identity, stamp, options.posConditionCode,
                               request.hasOnlinePin, *card);
    if (!message)
        return message.error();
    auto icc = IccDataField::build(request.data, IccDataField::requestTags(), kCryptogram);
    if (!icc)
        return icc.error();
    message->set(field::kIccData, std::move(*icc));
    if (request.hasOnlinePin) {
        if (security.transactionKey == nullptr)
            return makeError(ErrorCode::InvalidArgument,
                             "an online PIN needs a DUKPT key: it never goes out in clear");
        if (auto ok = TerminalSecurity::addPin(*message, request.onlinePin.view(), card->pan,
                                               *security.transactionKey);
            !ok)
            return ok.error();
    }
    return TerminalSecurity::seal(std::move(*message), security);
}

Result<iso8583::Message> RequestBuilder::offlineAdvice(const emv::TransactionData& data,
                                                       const TerminalIdentity& identity,
                                                       const MessageStamp& stamp,
                                                       const RequestSecurity& security)
{
    auto card = CardFields::fromTransaction(data);
    if (!card)
        return card.error();
    auto message = cardMessage("0220", data, identity, stamp, "00", false, *card);
    if (!message)
        return message.error();
    auto icc = IccDataField::build(data, IccDataField::requestTags(), kCryptogram);
    if (!icc)
        return icc.error();
    message->set(field::kIccData, std::move(*icc));
    std::string code = "Y1";
    if (auto authCode = data.get(0x89); authCode && authCode->size() == 6)
        code.assign(authCode->begin(), authCode->end());
    message->set(field::kAuthorizationCode, padRight(code, 6));
    return TerminalSecurity::seal(std::move(*message), security);
}

} // namespace cardlink::online
