#pragma once

#include "emv/ApplicationSelection.h"
#include "emv/Cardholder.h"
#include "emv/GenerateAc.h"
#include "emv/OnlineAuthorization.h"
#include "emv/Random.h"
#include "emv/TerminalConfig.h"
#include "emv/TransactionOutcome.h"
#include "emv/TransactionRequest.h"
#include "emv/oda/CaPublicKeyStore.h"
#include "emv/oda/Oda.h"
#include "iso7816/CardChannel.h"
#include "util/Clock.h"
#include "util/Result.h"

#include <atomic>
#include <optional>

namespace cardlink::emv {

// The EMV contact kernel, EMV 4.4 Books 1-4: application selection, initiate
// application processing, read application data, offline data
// authentication, processing restrictions, cardholder verification, terminal
// risk management, terminal action analysis, first GENERATE AC, online
// authorisation through the callback, issuer authentication, issuer scripts
// and the second GENERATE AC.
//
// run() blocks its (worker) thread; cancel() may be called from any thread
// and ends the transaction at the next step as Cancelled. Errors are
// transport failures (card removed, reader gone); everything a card can get
// wrong in its answers is a CardError outcome.
class EmvKernel
{
public:
    EmvKernel(iso7816::CardChannel& card, Cardholder& cardholder, TerminalConfig config,
              const CaPublicKeyStore& caKeys, OnlineAuthorizer online, const Clock& clock,
              Random& random);

    Result<TransactionOutcome> run(const TransactionRequest& request);
    void cancel() { m_cancelled = true; }

private:
    struct Context;

    void initTerminalData(const TransactionRequest& request);
    Result<std::optional<TransactionOutcome>> selectAndInitiate(Context& ctx);
    Result<void> performOda(Context& ctx);
    Result<std::optional<TransactionOutcome>> verifyCardholder(Context& ctx);
    Result<TransactionOutcome> firstGenerateAc(Context& ctx);
    Result<TransactionOutcome> goOnline(Context& ctx);
    Result<TransactionOutcome> completeOnline(Context& ctx, const OnlineResponse& response);
    Result<void> authenticateIssuer(Context& ctx, const OnlineResponse& response);
    Result<Bytes> cdolData(Context& ctx, tlv::Tag cdolTag);
    Result<GenerateAcResponse> generate(Context& ctx, Cryptogram requested, ByteView cdolData);
    void syncStatus(Context& ctx);
    TransactionOutcome finish(Context& ctx, OutcomeKind kind, std::string reason);

    iso7816::CardChannel& m_card;
    Cardholder& m_cardholder;
    TerminalConfig m_config;
    const CaPublicKeyStore& m_caKeys;
    OnlineAuthorizer m_online;
    const Clock& m_clock;
    Random& m_random;
    std::atomic<bool> m_cancelled{false};
    TransactionData m_terminalData;
};

} // namespace cardlink::emv
