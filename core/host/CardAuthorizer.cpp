#include "host/CardAuthorizer.h"

#include "host/IssuerCrypto.h"
#include "iso8583/CardLinkProfile.h"
#include "util/PanMask.h"

#include <chrono>
#include <cstdlib>

namespace cardlink::host {

namespace f = iso8583::field;

namespace {

constexpr const char* kPurchase = "000000";

bool digitsOnly(std::string_view text)
{
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// Expiry YYMM: the card is valid to the end of that month (EMV 4.4 Book 3,
// 10.4.3 reads 5F24 the same way).
bool expired(std::string_view yymm, std::chrono::system_clock::time_point now)
{
    if (yymm.size() != 4 || !digitsOnly(yymm))
        return true;
    const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(now)};
    const int year = 2000 + std::stoi(std::string(yymm.substr(0, 2)));
    const int month = std::stoi(std::string(yymm.substr(2, 2)));
    const int current = static_cast<int>(today.year()) * 12 +
                        static_cast<int>(static_cast<unsigned>(today.month()));
    return year * 12 + month < current;
}

std::optional<std::string> panOf(const iso8583::Message& request)
{
    std::optional<std::string> pan;
    if (const auto* field2 = request.text(f::kPan))
        pan = *field2;
    if (const auto* track2 = request.text(f::kTrack2)) {
        const std::string fromTrack = track2->substr(0, track2->find('='));
        if (pan && *pan != fromTrack)
            return std::nullopt;
        pan = fromTrack;
    }
    return pan;
}

} // namespace

struct CardAuthorizer::CardRequest
{
    std::string pan;
    Card card;
    IssuerKeys keys;
    IccRequestData icc;
    bool online = true; // 0100/0200 (ARQC) rather than 0220 (TC)
    Money amount = 0;
    bool cryptogramVerified = false;
    PendingScript script = PendingScript::None;
};

Answer CardAuthorizer::authorize(RequestContext& context)
{
    const auto& request = context.request;
    CardRequest card;
    card.online = request.mti() != "0220";
    if (context.text(f::kProcessingCode) != kPurchase) {
        context.log.push_back("processing code " + context.text(f::kProcessingCode) +
                              " not supported");
        return Answer::stored("12");
    }
    card.amount = std::strtoll(context.text(f::kAmount).c_str(), nullptr, 10);
    auto pan = panOf(request);
    if (!pan || !digitsOnly(*pan)) {
        context.log.push_back("field 2 and track 2 disagree");
        return Answer::stored("12");
    }
    card.pan = *pan;
    const auto* iccField = request.bytes(f::kIccData);
    if (!iccField) {
        context.log.push_back("no chip data (field 55) for card " + maskPan(card.pan));
        return Answer::stored("12");
    }
    auto icc = IccRequestData::parse(*iccField);
    if (!icc) {
        context.log.push_back(icc.error().describe());
        return Answer::unstored("30");
    }
    card.icc = std::move(*icc);
    std::optional<std::uint8_t> psn = card.icc.psn;
    if (const auto* field23 = request.text(f::kCardSequenceNumber))
        psn = static_cast<std::uint8_t>(std::stoi(*field23) % 100);

    auto found = m_store.findCard(card.pan, psn);
    if (!found)
        return Answer::unstored("96");
    if (!*found) {
        context.log.push_back("unknown card " + maskPan(card.pan));
        return Answer::stored("14");
    }
    card.card = std::move(**found);
    auto keys = m_store.findIssuerKeys(card.card.issuerKeysId);
    if (!keys || !*keys) {
        context.log.push_back("no issuer keys '" + card.card.issuerKeysId + "'");
        return Answer::unstored("96");
    }
    card.keys = std::move(**keys);
    Answer answer = decide(context, card);

    // Book 3, 10.9: the card authenticates the issuer's answer to an ARQC,
    // approval or decline alike.
    if (card.online && card.cryptogramVerified && answer.store) {
        IssuerCrypto crypto(card.keys, card.card, card.icc);
        auto iad = crypto.issuerAuthenticationData(answer.code, answer.code == "00", card.script);
        if (!iad)
            return Answer::unstored("96");
        Bytes field55{0x91, static_cast<std::uint8_t>(iad->size())};
        field55.insert(field55.end(), iad->begin(), iad->end());
        if (card.script != PendingScript::None) {
            auto script =
                crypto.scriptTemplate(card.script, ByteView(context.requestHash).first(4));
            if (!script)
                return Answer::unstored("96");
            field55.insert(field55.end(), script->begin(), script->end());
            context.log.push_back(std::string("issuer script ") + pendingScriptName(card.script) +
                                  " for card " + maskPan(card.pan));
        }
        answer.fields[f::kIccData] = field55;
    }
    return answer;
}

Answer CardAuthorizer::decide(RequestContext& context, CardRequest& card)
{
    const std::string masked = maskPan(card.pan);
    const std::uint8_t wanted = card.online ? IccRequestData::kArqc : IccRequestData::kTc;
    if (card.icc.cryptogramType() != wanted) {
        context.log.push_back("card " + masked + ": cryptogram of the wrong type");
        return Answer::stored("12");
    }
    IssuerCrypto crypto(card.keys, card.card, card.icc);
    auto matches = crypto.cryptogramMatches();
    if (!matches)
        return Answer::unstored("96");
    if (!*matches) {
        context.log.push_back("card " + masked + ": application cryptogram does not verify");
        return Answer::stored("05");
    }
    const auto& last = card.card.lastAtc;
    if (last && (card.icc.atc <= *last || card.icc.atc - *last > card.card.atcWindow)) {
        context.log.push_back("card " + masked + ": ATC " + std::to_string(card.icc.atc) +
                              " after " + std::to_string(*last) + " (replay or out of window)");
        return Answer::stored("05");
    }
    card.cryptogramVerified = true;

    Answer answer;
    CardUpdate& update = answer.unit.card.emplace();
    update.pan = card.card.pan;
    update.psn = card.card.psn;
    update.expectedVersion = card.card.version;
    update.lastAtc = card.icc.atc;
    const auto withCode = [&](std::string code) {
        answer.code = std::move(code);
        return answer;
    };

    if (card.online && card.card.pendingScript != PendingScript::None) {
        card.script = card.card.pendingScript;
        update.pendingScript = PendingScript::None;
    }
    const bool blockPending =
        card.script == PendingScript::ApplicationBlock || card.script == PendingScript::CardBlock;
    switch (card.card.status) {
    case CardStatus::Active:
        break;
    case CardStatus::Blocked:
        return withCode("62");
    case CardStatus::Lost:
        return withCode("41");
    case CardStatus::Stolen:
        return withCode("43");
    case CardStatus::Inactive:
        return withCode("78");
    }
    if (blockPending)
        return withCode("62");
    if (expired(card.card.expiry, context.now)) {
        context.log.push_back("card " + masked + " expired " + card.card.expiry);
        return withCode("54");
    }
    if (auto code = checkPin(context, card, update))
        return withCode(*code);
    if (auto code = checkFunds(context, card, answer))
        return withCode(*code);
    return withCode("00");
}

std::optional<std::string> CardAuthorizer::checkPin(RequestContext& context, CardRequest& card,
                                                    CardUpdate& update)
{
    const auto* pinBlock = context.request.bytes(f::kPinBlock);
    if (!pinBlock || !card.online)
        return std::nullopt;
    const std::string masked = maskPan(card.pan);
    if (card.card.pinTryCount >= card.card.pinTryLimit) {
        context.log.push_back("card " + masked + ": online PIN tries exhausted");
        return "75";
    }
    const auto* ksn = context.request.bytes(f::kKeySerialNumber);
    if (!m_pins || !ksn) {
        context.log.push_back("online PIN cannot be verified (no PIN verifier or no KSN)");
        return "96";
    }
    auto check = m_pins->verify(context.terminal, card.card, card.keys, *pinBlock, *ksn);
    if (!check) {
        context.log.push_back("PIN verification failed: " + check.error().describe());
        return "96";
    }
    switch (*check) {
    case PinCheck::Correct:
        if (card.card.pinTryCount != 0)
            update.pinTryCount = 0;
        return std::nullopt;
    case PinCheck::Unreadable:
        context.log.push_back("card " + masked + ": PIN block unreadable");
        return "55";
    case PinCheck::Wrong:
        break;
    }
    const unsigned tries = card.card.pinTryCount + 1;
    update.pinTryCount = tries;
    context.log.push_back("card " + masked + ": wrong PIN (" + std::to_string(tries) + " of " +
                          std::to_string(card.card.pinTryLimit) + ")");
    return tries >= card.card.pinTryLimit ? "75" : "55";
}

std::optional<std::string> CardAuthorizer::checkFunds(RequestContext& context, CardRequest& card,
                                                      Answer& answer)
{
    auto account = m_store.findAccount(card.card.accountId);
    auto merchant = m_store.findMerchant(context.terminal.merchantId);
    if (!account || !merchant || !*account || !*merchant) {
        context.log.push_back("card or merchant account missing");
        return "96";
    }
    const Account& cardholder = **account;
    if (const auto* currency = context.request.text(f::kCurrencyCode);
        currency && *currency != cardholder.currency) {
        context.log.push_back("currency " + *currency + " is not the account's");
        return "12";
    }
    // An advice reports an approval the card already gave offline: it is
    // posted whatever the balance (the goods are gone).
    if (card.online) {
        if (cardholder.perTransactionLimit > 0 && card.amount > cardholder.perTransactionLimit)
            return "61";
        if (cardholder.balance - card.amount < -cardholder.creditLimit)
            return "51";
        answer.unit.accountChecks.push_back({cardholder.id, cardholder.version});
    }
    if (card.amount == 0)
        return std::nullopt;
    const PostingKind kind = card.online ? PostingKind::Purchase : PostingKind::Advice;
    const auto& terminal = context.terminal;
    answer.unit.postings.push_back({cardholder.id, -card.amount, kind, terminal.id,
                                    terminal.batchNumber, context.retrievalReference});
    answer.unit.postings.push_back({(*merchant)->accountId, card.amount, kind, terminal.id,
                                    terminal.batchNumber, context.retrievalReference});
    auto& stored = answer.unit.response;
    stored.reversal = ReversalState::Posted;
    stored.amount = card.amount;
    stored.debitAccountId = cardholder.id;
    stored.creditAccountId = (*merchant)->accountId;
    stored.batchNumber = terminal.batchNumber;
    if (card.online)
        answer.fields[f::kAuthorizationCode] = context.approvalCode;
    return std::nullopt;
}

} // namespace cardlink::host
