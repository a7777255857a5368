#pragma once

#include <cstdint>

namespace cardlink::host {

// Amounts in minor units of the account's currency (ISO 4217 exponent), as
// field 4 carries them. Signed: a ledger entry is negative for a debit.
using Money = std::int64_t;

} // namespace cardlink::host
