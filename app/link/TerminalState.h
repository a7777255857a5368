#pragma once

#include "dukpt/DukptTerminal.h"
#include "util/Result.h"

#include <QString>

#include <cstdint>

namespace cardlink::link {

struct TerminalBundle;

// The terminal's counters that must never repeat across runs: the AES DUKPT
// transaction counter (a KSN is used once, X9.24-3-2017) and the STAN
// (field 11, with field 7 the key under which the host matches repeats and
// reversals), and the open batch (journal records carry it; a balanced 0500
// opens the next). Kept in a small text file next to the bundle
// ("<bundle>.state": "ksnCounter N\nstan M\nbatch B\n"; a file without the
// batch line is batch 1). Every reservation is
// written before the value is used (temp file, fsync, rename, fsync of the
// directory), under an flock, so a crash or a concurrent run skips a value
// but never reuses one.
class TerminalState
{
public:
    explicit TerminalState(QString file) : m_file(std::move(file)) {}

    // The next STAN (1..999999, wrapping).
    Result<std::uint32_t> nextStan();
    // The next DUKPT transaction key of `bundle`'s initial key.
    Result<dukpt::TransactionKey> nextTransactionKey(const TerminalBundle& bundle);

    // The open batch (1 until the first batch is closed).
    Result<std::uint32_t> currentBatch() const;
    // Opens the batch after `closed` when `closed` is still the open one
    // (a repeated call changes nothing); the open batch afterwards.
    Result<std::uint32_t> closeBatch(std::uint32_t closed);

    struct Counters
    {
        std::uint32_t ksnCounter = 0; // last used; 0 = none yet
        std::uint32_t stan = 0;       // last used; 0 = none yet
        std::uint32_t batch = 1;      // open
    };
    // What the file holds now (zeros when it does not exist).
    Result<Counters> read() const;

private:
    template <typename F> Result<Counters> update(F change);

    QString m_file;
};

} // namespace cardlink::link
