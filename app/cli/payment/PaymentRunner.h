#pragma once

#include "emv/Cardholder.h"
#include "emv/OnlineAuthorization.h"
#include "emv/TerminalConfig.h"
#include "emv/TransactionOutcome.h"
#include "emv/TransactionRequest.h"
#include "emv/oda/CaPublicKeyStore.h"
#include "util/Result.h"

#include <string>

namespace cardlink::cli {

// Everything one EMV transaction on a real reader needs.
struct PaymentSession
{
    std::string reader;
    emv::TerminalConfig config;
    const emv::CaPublicKeyStore* caKeys = nullptr;
    emv::OnlineAuthorizer online; // where it comes from is not the runner's business
    emv::Cardholder* cardholder = nullptr;
    bool trace = false; // print every APDU (VERIFY data masked)
};

// Runs the EMV kernel (core/emv/EmvKernel) against the card in
// `session.reader` through PcscCardChannel and the T=0/T=1 transport rules,
// on a worker thread: the card channel, the kernel, the Cardholder calls and
// the online authorizer all run there. The calling thread waits in a
// QEventLoop, so an authorizer that needs the caller's event loop (Qt
// networking living on the main thread) can post to it and block.
// Errors are transport failures (card removed: CardRemoved); every outcome,
// declines and card errors included, is a TransactionOutcome.
Result<emv::TransactionOutcome> runPayment(const PaymentSession& session,
                                           const emv::TransactionRequest& request);

} // namespace cardlink::cli
