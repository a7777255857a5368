#pragma once

#include "host/Money.h"

#include <cstdint>
#include <string>

namespace cardlink::host {

enum class AccountKind { Cardholder, Merchant };

// A ledger account. `balance` is the sum of its ledger entries; the store
// keeps it up to date when it applies a CommitUnit.
struct Account
{
    std::string id;
    AccountKind kind = AccountKind::Cardholder;
    std::string currency = "978"; // ISO 4217 numeric, as field 49
    Money balance = 0;
    // A debit is approved while balance - amount >= -creditLimit (51 otherwise).
    Money creditLimit = 0;
    // Largest single debit (61 above it); 0 = no limit.
    Money perTransactionLimit = 0;
    // Optimistic concurrency: bumped by the store whenever a posting touches it.
    std::uint64_t version = 0;
};

} // namespace cardlink::host
