#pragma once

#include "host/HostStore.h"

#include <map>
#include <mutex>
#include <utility>

namespace cardlink::host {

// HostStore in memory, for unit tests and the fuzz harness. Same contract as
// the database adapters (atomic units, guards, balanced postings), no
// durability. The add*() calls are its administration side.
class MemoryHostStore final : public HostStore
{
public:
    void addTerminal(Terminal terminal);
    void addMerchant(Merchant merchant);
    void addCard(Card card);
    void addAccount(Account account);
    void addIssuerKeys(IssuerKeys keys);
    void addBaseDerivationKey(std::string id, Bytes key);

    Result<std::optional<Terminal>> findTerminal(std::string_view terminalId) override;
    Result<std::optional<Merchant>> findMerchant(std::string_view merchantId) override;
    Result<std::optional<Card>> findCard(std::string_view pan,
                                         std::optional<std::uint8_t> psn) override;
    Result<std::optional<Account>> findAccount(std::string_view accountId) override;
    Result<std::optional<IssuerKeys>> findIssuerKeys(std::string_view keysId) override;
    Result<std::optional<Bytes>> findBaseDerivationKey(std::string_view bdkId) override;
    Result<std::optional<StoredResponse>> findResponse(const RequestKey& key) override;
    Result<BatchTotals> batchTotals(std::string_view terminalId,
                                    std::uint32_t batchNumber) override;
    Result<Money> ledgerSum() override;
    Result<std::vector<CommitStatus>> commit(std::span<const CommitUnit> units) override;

    // For tests: every entry ever posted, in order; how many units committed.
    std::vector<LedgerEntry> ledger() const;
    std::size_t committedUnits() const;

private:
    CommitStatus check(const CommitUnit& unit) const;
    void apply(const CommitUnit& unit);

    mutable std::mutex m_mutex;
    std::map<std::string, Terminal, std::less<>> m_terminals;
    std::map<std::string, Merchant, std::less<>> m_merchants;
    std::map<std::pair<std::string, std::uint8_t>, Card> m_cards;
    std::map<std::string, Account, std::less<>> m_accounts;
    std::map<std::string, IssuerKeys, std::less<>> m_issuerKeys;
    std::map<std::string, Bytes, std::less<>> m_bdks;
    std::map<RequestKey, StoredResponse> m_responses;
    std::vector<LedgerEntry> m_ledger;
    std::size_t m_committed = 0;
};

} // namespace cardlink::host
