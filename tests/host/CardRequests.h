#pragma once

#include "SqliteHostStore.h"
#include "util/Bytes.h"

#include <memory>
#include <string>

namespace cardlink::test {

class HostBench;

// Genuine card requests for the host under test: cards of core's test PKI
// (tests/core/HostTestBench.h) in simulated readers, run through the EMV
// kernel until it goes online; the captured 0200 (real ARQC, ATC rising per
// card) is re-addressed to one of our terminals. registerCard() enters a
// card, its issuer keys and its account (currency 826) into a cardlink-host
// database, as issue-card would.
class CardRequests
{
public:
    CardRequests();
    ~CardRequests();

    // The card's PAN. `limit`: credit limit in minor units; register=false
    // leaves the host without it (unknown card, 14).
    std::string addCard(unsigned serial, host::SqliteHostStore& store, host::Money limit,
                        bool registerAtHost = true);
    // An encoded 0200 of `amount` for the card, from `terminalId` / `merchantId`.
    Bytes purchase(const std::string& pan, std::uint64_t amount, const std::string& terminalId,
                   const std::string& merchantId);

private:
    std::unique_ptr<HostBench> m_bench;
    bool m_keysRegistered = false;
};

} // namespace cardlink::test
