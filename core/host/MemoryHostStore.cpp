#include "host/MemoryHostStore.h"

namespace cardlink::host {

namespace {

template <typename Map, typename Key>
std::optional<typename Map::mapped_type> lookup(const Map& map, const Key& key)
{
    auto it = map.find(key);
    if (it == map.end())
        return std::nullopt;
    return it->second;
}

} // namespace

void MemoryHostStore::addTerminal(Terminal terminal)
{
    std::lock_guard lock(m_mutex);
    auto id = terminal.id;
    m_terminals[id] = std::move(terminal);
}

void MemoryHostStore::addMerchant(Merchant merchant)
{
    std::lock_guard lock(m_mutex);
    auto id = merchant.id;
    m_merchants[id] = std::move(merchant);
}

void MemoryHostStore::addCard(Card card)
{
    std::lock_guard lock(m_mutex);
    auto key = std::make_pair(card.pan, card.psn);
    m_cards[key] = std::move(card);
}

void MemoryHostStore::addAccount(Account account)
{
    std::lock_guard lock(m_mutex);
    auto id = account.id;
    m_accounts[id] = std::move(account);
}

void MemoryHostStore::addIssuerKeys(IssuerKeys keys)
{
    std::lock_guard lock(m_mutex);
    auto id = keys.id;
    m_issuerKeys[id] = std::move(keys);
}

void MemoryHostStore::addBaseDerivationKey(std::string id, Bytes key)
{
    std::lock_guard lock(m_mutex);
    m_bdks[std::move(id)] = std::move(key);
}

Result<std::optional<Terminal>> MemoryHostStore::findTerminal(std::string_view terminalId)
{
    std::lock_guard lock(m_mutex);
    return lookup(m_terminals, terminalId);
}

Result<std::optional<Merchant>> MemoryHostStore::findMerchant(std::string_view merchantId)
{
    std::lock_guard lock(m_mutex);
    return lookup(m_merchants, merchantId);
}

Result<std::optional<Card>> MemoryHostStore::findCard(std::string_view pan,
                                                      std::optional<std::uint8_t> psn)
{
    std::lock_guard lock(m_mutex);
    if (psn)
        return lookup(m_cards, std::make_pair(std::string(pan), *psn));
    auto it = m_cards.lower_bound(std::make_pair(std::string(pan), std::uint8_t{0}));
    if (it == m_cards.end() || it->first.first != pan)
        return std::optional<Card>{};
    return std::optional<Card>(it->second);
}

Result<std::optional<Account>> MemoryHostStore::findAccount(std::string_view accountId)
{
    std::lock_guard lock(m_mutex);
    return lookup(m_accounts, accountId);
}

Result<std::optional<IssuerKeys>> MemoryHostStore::findIssuerKeys(std::string_view keysId)
{
    std::lock_guard lock(m_mutex);
    return lookup(m_issuerKeys, keysId);
}

Result<std::optional<Bytes>> MemoryHostStore::findBaseDerivationKey(std::string_view bdkId)
{
    std::lock_guard lock(m_mutex);
    return lookup(m_bdks, bdkId);
}

Result<std::optional<StoredResponse>> MemoryHostStore::findResponse(const RequestKey& key)
{
    std::lock_guard lock(m_mutex);
    return lookup(m_responses, key);
}

Result<BatchTotals> MemoryHostStore::batchTotals(std::string_view terminalId,
                                                 std::uint32_t batchNumber)
{
    std::lock_guard lock(m_mutex);
    BatchTotals totals;
    for (const auto& entry : m_ledger) {
        if (entry.terminalId != terminalId || entry.batchNumber != batchNumber)
            continue;
        auto account = m_accounts.find(entry.accountId);
        if (account == m_accounts.end() || account->second.kind != AccountKind::Merchant)
            continue;
        if (entry.kind == PostingKind::Reversal) {
            ++totals.reversalCount;
            totals.reversalAmount -= entry.amount;
        } else {
            ++totals.debitCount;
            totals.debitAmount += entry.amount;
        }
    }
    return totals;
}

Result<Money> MemoryHostStore::ledgerSum()
{
    std::lock_guard lock(m_mutex);
    Money sum = 0;
    for (const auto& entry : m_ledger)
        sum += entry.amount;
    return sum;
}

Result<std::vector<CommitStatus>> MemoryHostStore::commit(std::span<const CommitUnit> units)
{
    std::lock_guard lock(m_mutex);
    std::vector<CommitStatus> statuses;
    statuses.reserve(units.size());
    for (const auto& unit : units) {
        auto status = check(unit);
        if (status == CommitStatus::Committed)
            apply(unit);
        statuses.push_back(status);
    }
    return statuses;
}

CommitStatus MemoryHostStore::check(const CommitUnit& unit) const
{
    Money sum = 0;
    for (const auto& entry : unit.postings) {
        if (m_accounts.count(entry.accountId) == 0)
            return CommitStatus::Rejected;
        sum += entry.amount;
    }
    if (sum != 0)
        return CommitStatus::Rejected;
    if (m_responses.count(unit.response.key) != 0)
        return CommitStatus::Conflict;
    if (unit.tombstone && m_responses.count(unit.tombstone->key) != 0)
        return CommitStatus::Conflict;
    for (const auto& guard : unit.accountChecks) {
        auto it = m_accounts.find(guard.accountId);
        if (it == m_accounts.end())
            return CommitStatus::Rejected;
        if (it->second.version != guard.expectedVersion)
            return CommitStatus::Conflict;
    }
    if (unit.card) {
        auto it = m_cards.find(std::make_pair(unit.card->pan, unit.card->psn));
        if (it == m_cards.end())
            return CommitStatus::Rejected;
        if (it->second.version != unit.card->expectedVersion)
            return CommitStatus::Conflict;
    }
    if (unit.reversal) {
        auto it = m_responses.find(unit.reversal->original);
        if (it == m_responses.end())
            return CommitStatus::Rejected;
        if (it->second.reversal != unit.reversal->expectedState)
            return CommitStatus::Conflict;
    }
    if (unit.batchClose) {
        auto it = m_terminals.find(unit.batchClose->terminalId);
        if (it == m_terminals.end())
            return CommitStatus::Rejected;
        if (it->second.batchNumber != unit.batchClose->expectedBatchNumber)
            return CommitStatus::Conflict;
    }
    return CommitStatus::Committed;
}

void MemoryHostStore::apply(const CommitUnit& unit)
{
    for (const auto& entry : unit.postings) {
        auto& account = m_accounts.find(entry.accountId)->second;
        account.balance += entry.amount;
        ++account.version;
        m_ledger.push_back(entry);
    }
    if (unit.card) {
        auto& card = m_cards.find(std::make_pair(unit.card->pan, unit.card->psn))->second;
        if (unit.card->lastAtc)
            card.lastAtc = unit.card->lastAtc;
        if (unit.card->pinTryCount)
            card.pinTryCount = *unit.card->pinTryCount;
        if (unit.card->pendingScript)
            card.pendingScript = *unit.card->pendingScript;
        if (unit.card->status)
            card.status = *unit.card->status;
        ++card.version;
    }
    if (unit.reversal)
        m_responses.find(unit.reversal->original)->second.reversal = ReversalState::Reversed;
    if (unit.batchClose)
        m_terminals.find(unit.batchClose->terminalId)->second.batchNumber =
            unit.batchClose->newBatchNumber;
    if (unit.tombstone)
        m_responses.emplace(unit.tombstone->key, *unit.tombstone);
    m_responses.emplace(unit.response.key, unit.response);
    ++m_committed;
}

std::vector<LedgerEntry> MemoryHostStore::ledger() const
{
    std::lock_guard lock(m_mutex);
    return m_ledger;
}

std::size_t MemoryHostStore::committedUnits() const
{
    std::lock_guard lock(m_mutex);
    return m_committed;
}

} // namespace cardlink::host
