#pragma once

#include "emv/Cardholder.h"
#include "emv/TransactionOutcome.h"
#include "emv/TransactionRequest.h"
#include "util/Result.h"

#include <string>

namespace cardlink::terminal {

// Runs one card transaction to its outcome on the calling (worker) thread.
// The checkout controller owns the thread; the runner owns the card
// connection and the kernel. reset() and cancel() come from the UI thread:
// reset() before the worker starts, so that a cancel() arriving before run()
// begins is not lost.
class TransactionRunner
{
public:
    virtual ~TransactionRunner() = default;
    virtual Result<emv::TransactionOutcome> run(const std::string& reader,
                                                const emv::TransactionRequest& request,
                                                emv::Cardholder& cardholder) = 0;
    virtual void reset() = 0;
    virtual void cancel() = 0;
};

} // namespace cardlink::terminal
