#include "HostRows.h"

#include "SqliteStatement.h"

namespace cardlink::host::rows {

const char* const kTerminalColumns =
    "id, merchant_id, cert_fingerprint, bdk_id, mac_required, revoked, batch_number, "
    "initial_key_id";
const char* const kMerchantColumns = "id, name, account_id";
const char* const kCardColumns =
    "pan, psn, expiry, status, pending_script, issuer_keys_id, account_id, "
    "pin_verification_value, pin_try_count, pin_try_limit, last_atc, atc_window, version";
const char* const kAccountColumns =
    "id, kind, currency, balance, credit_limit, per_transaction_limit, version";
const char* const kIssuerKeysColumns = "id, algorithm, ac, smi, smc";
const char* const kResponseColumns =
    "terminal_id, stan, transmission, request_hash, request_mti, response, response_code, "
    "reversal, amount, debit_account_id, credit_account_id, batch_number, reference";

Terminal terminal(const SqliteStatement& row)
{
    Terminal t;
    t.id = row.text(0);
    t.merchantId = row.text(1);
    t.certFingerprint = row.text(2);
    t.bdkId = row.text(3);
    t.macRequired = row.integer(4) != 0;
    t.revoked = row.integer(5) != 0;
    t.batchNumber = static_cast<std::uint32_t>(row.integer(6));
    t.initialKeyId = row.isNull(7) ? std::string() : row.text(7);
    return t;
}

Merchant merchant(const SqliteStatement& row)
{
    return Merchant{row.text(0), row.text(1), row.text(2)};
}

Card card(const SqliteStatement& row)
{
    Card c;
    c.pan = row.text(0);
    c.psn = static_cast<std::uint8_t>(row.integer(1));
    c.expiry = row.text(2);
    // An unknown name in the database is treated as the safest state.
    c.status = cardStatusFromName(row.text(3)).value_or(CardStatus::Blocked);
    c.pendingScript = pendingScriptFromName(row.text(4)).value_or(PendingScript::None);
    c.issuerKeysId = row.text(5);
    c.accountId = row.text(6);
    c.pinVerificationValue = row.blob(7);
    c.pinTryCount = static_cast<unsigned>(row.integer(8));
    c.pinTryLimit = static_cast<unsigned>(row.integer(9));
    if (!row.isNull(10))
        c.lastAtc = static_cast<std::uint16_t>(row.integer(10));
    c.atcWindow = static_cast<std::uint16_t>(row.integer(11));
    c.version = static_cast<std::uint64_t>(row.integer(12));
    return c;
}

Account account(const SqliteStatement& row)
{
    Account a;
    a.id = row.text(0);
    a.kind = row.text(1) == "merchant" ? AccountKind::Merchant : AccountKind::Cardholder;
    a.currency = row.text(2);
    a.balance = row.integer(3);
    a.creditLimit = row.integer(4);
    a.perTransactionLimit = row.integer(5);
    a.version = static_cast<std::uint64_t>(row.integer(6));
    return a;
}

IssuerKeys issuerKeys(const SqliteStatement& row)
{
    IssuerKeys k;
    k.id = row.text(0);
    k.algorithm =
        row.text(1) == "AES" ? crypto::CipherAlgorithm::Aes : crypto::CipherAlgorithm::Des;
    k.applicationCryptogram = row.blob(2);
    k.secureMessagingIntegrity = row.blob(3);
    k.secureMessagingConfidentiality = row.blob(4);
    return k;
}

StoredResponse response(const SqliteStatement& row)
{
    StoredResponse r;
    r.key = RequestKey{row.text(0), row.text(1), row.text(2)};
    r.requestHash = row.blob(3);
    r.requestMti = row.text(4);
    r.response = row.blob(5);
    r.responseCode = row.text(6);
    const std::string reversal = row.text(7);
    r.reversal = reversal == "posted"     ? ReversalState::Posted
                 : reversal == "reversed" ? ReversalState::Reversed
                                          : ReversalState::NotReversible;
    r.amount = row.integer(8);
    r.debitAccountId = row.text(9);
    r.creditAccountId = row.text(10);
    r.batchNumber = static_cast<std::uint32_t>(row.integer(11));
    r.reference = row.text(12);
    return r;
}

const char* accountKindName(AccountKind kind)
{
    return kind == AccountKind::Merchant ? "merchant" : "cardholder";
}

const char* postingKindName(PostingKind kind)
{
    switch (kind) {
    case PostingKind::Purchase:
        return "purchase";
    case PostingKind::Advice:
        return "advice";
    case PostingKind::Reversal:
        return "reversal";
    }
    return "purchase";
}

const char* reversalStateName(ReversalState state)
{
    switch (state) {
    case ReversalState::NotReversible:
        return "not-reversible";
    case ReversalState::Posted:
        return "posted";
    case ReversalState::Reversed:
        return "reversed";
    }
    return "not-reversible";
}

std::optional<CardStatus> cardStatusFromName(const std::string& name)
{
    for (CardStatus status : {CardStatus::Active, CardStatus::Blocked, CardStatus::Lost,
                              CardStatus::Stolen, CardStatus::Inactive})
        if (name == cardStatusName(status))
            return status;
    return std::nullopt;
}

std::optional<PendingScript> pendingScriptFromName(const std::string& name)
{
    for (PendingScript script : {PendingScript::None, PendingScript::ApplicationBlock,
                                 PendingScript::CardBlock, PendingScript::PinUnblock})
        if (name == pendingScriptName(script))
            return script;
    return std::nullopt;
}

} // namespace cardlink::host::rows
