#include "emv/EmvKernel.h"

#include "emv/CardCommands.h"
#include "emv/IssuerScripts.h"
#include "emv/KernelSupport.h"
#include "emv/ProcessingOptions.h"
#include "emv/ProcessingRestrictions.h"
#include "emv/RecordReader.h"
#include "emv/TerminalRiskManagement.h"
#include "emv/cvm/CardholderVerification.h"
#include "tlv/Dol.h"

namespace cardlink::emv {

namespace {
// AIP byte 1 (EMV 4.4 Book 3, Annex C1).
constexpr std::uint8_t kAipCvmSupported = 0x10;
constexpr std::uint8_t kAipTerminalRiskManagement = 0x08;
constexpr std::uint8_t kAipIssuerAuthentication = 0x04;

bool aipHas(const Bytes& aip, std::uint8_t bit)
{
    return !aip.empty() && (aip[0] & bit) != 0;
}
} // namespace

struct EmvKernel::Context
{
    TransactionRequest request;
    TransactionData data;
    Tvr tvr;
    Tsi tsi;
    SelectedApplication app;
    ProcessingOptions options;
    Bytes odaData;
    OdaMethod odaMethod = OdaMethod::None;
    std::optional<IccPublicKey> iccKey;
    Bytes cdol1Data;
    bool signatureRequired = false;
    bool onlinePin = false;
    pin::SecretBytes onlinePinDigits;
};

EmvKernel::EmvKernel(iso7816::CardChannel& card, Cardholder& cardholder, TerminalConfig config,
                     const CaPublicKeyStore& caKeys, OnlineAuthorizer online, const Clock& clock,
                     Random& random)
    : m_card(card), m_cardholder(cardholder), m_config(std::move(config)), m_caKeys(caKeys),
      m_online(std::move(online)), m_clock(clock), m_random(random)
{}

void EmvKernel::initTerminalData(const TransactionRequest& request)
{
    m_terminalData = terminalDataObjects(m_config, request, m_clock, m_random);
}

void EmvKernel::syncStatus(Context& ctx)
{
    ctx.data.set(0x95, ctx.tvr.toBytes());
    ctx.data.set(0x9B, ctx.tsi.toBytes());
}

TransactionOutcome EmvKernel::finish(Context& ctx, OutcomeKind kind, std::string reason)
{
    syncStatus(ctx);
    TransactionOutcome outcome;
    outcome.kind = kind;
    outcome.reason = std::move(reason);
    outcome.signatureRequired = ctx.signatureRequired;
    outcome.tvr = ctx.tvr;
    outcome.tsi = ctx.tsi;
    outcome.aid = ctx.app.dfName;
    outcome.label = ctx.app.choice.label;
    outcome.maskedPan = maskedPanOf(ctx.data);
    if (kind == OutcomeKind::CardError)
        outcome.action = "remove the card; try it once more, then use another card";
    outcome.data = ctx.data;
    return outcome;
}

Result<TransactionOutcome> EmvKernel::run(const TransactionRequest& request)
{
    m_cancelled = false;
    initTerminalData(request);
    Context ctx;
    ctx.request = request;
    ctx.data = m_terminalData;
    if (request.forceOnline)
        ctx.tvr.set(TvrBit::MerchantForcedOnline);

    auto cardError = [&](const Error& error) -> Result<TransactionOutcome> {
        if (!isCardDataError(error))
            return error;
        return finish(ctx, OutcomeKind::CardError, error.describe());
    };
    auto cancelled = [&] {
        return finish(ctx, OutcomeKind::Cancelled, "cancelled");
    };

    auto selected = selectAndInitiate(ctx);
    if (!selected)
        return cardError(selected.error());
    if (*selected)
        return std::move(**selected);
    if (m_cancelled)
        return cancelled();

    // EMV 4.4 Book 3, 10.2.
    auto records = readApplicationData(m_card, ctx.data, ctx.options.afl);
    if (!records)
        return cardError(records.error());
    ctx.odaData = std::move(records->odaData);
    if (m_cancelled)
        return cancelled();

    if (auto oda = performOda(ctx); !oda)
        return cardError(oda.error());
    if (m_cancelled)
        return cancelled();

    // Book 3, 10.4.
    applyProcessingRestrictions(ctx.data, m_config, ctx.request, ctx.tvr);

    auto cvm = verifyCardholder(ctx);
    if (!cvm)
        return cardError(cvm.error());
    if (*cvm)
        return std::move(**cvm);
    if (m_cancelled)
        return cancelled();

    // Book 3, 10.6: when the AIP asks for it.
    if (aipHas(ctx.options.aip, kAipTerminalRiskManagement)) {
        if (auto r = performTerminalRiskManagement(m_card, ctx.data, m_config, m_random, ctx.tvr,
                                                   ctx.tsi);
            !r)
            return cardError(r.error());
    }
    if (m_cancelled)
        return cancelled();

    auto outcome = firstGenerateAc(ctx);
    if (!outcome)
        return cardError(outcome.error());
    return outcome;
}

Result<std::optional<TransactionOutcome>> EmvKernel::selectAndInitiate(Context& ctx)
{
    using Optional = std::optional<TransactionOutcome>;
    ApplicationSelection selection(m_card, m_cardholder, m_config);
    auto status = selection.buildCandidateList();
    if (!status)
        return status.error();
    if (*status == SelectionStatus::CardBlocked)
        return Optional(finish(ctx, OutcomeKind::CardBlocked, "card blocked (SELECT 6A81)"));
    if (*status == SelectionStatus::NoCommonApplication)
        return Optional(finish(ctx, OutcomeKind::NotAccepted, "no application in common"));

    for (;;) {
        if (m_cancelled)
            return Optional(finish(ctx, OutcomeKind::Cancelled, "cancelled"));
        SelectedApplication app;
        auto selected = selection.selectNext(app);
        if (!selected)
            return selected.error();
        if (*selected == SelectionStatus::Cancelled)
            return Optional(finish(ctx, OutcomeKind::Cancelled, "no application chosen"));
        if (*selected != SelectionStatus::Selected)
            return Optional(
                finish(ctx, OutcomeKind::NotAccepted, "no application could be selected"));

        // A fresh data store for each try: nothing of a dropped application stays.
        ctx.data = m_terminalData;
        ctx.tvr = Tvr{};
        if (ctx.request.forceOnline)
            ctx.tvr.set(TvrBit::MerchantForcedOnline);
        ctx.app = std::move(app);
        storeFciObjects(ctx.app, ctx.data);

        const auto pdol = ctx.data.get(0x9F38);
        const Bytes pdolBytes = pdol ? Bytes(pdol->begin(), pdol->end()) : Bytes{};
        auto options = initiateApplicationProcessing(m_card, ctx.data, pdolBytes);
        if (!options)
            return options.error();
        if (options->status == GpoStatus::ConditionsNotSatisfied) {
            // Book 3, 10.1: drop the application, back to selection.
            selection.removeCurrent();
            continue;
        }
        ctx.options = std::move(*options);
        return Optional{};
    }
}

Result<void> EmvKernel::performOda(Context& ctx)
{
    // Book 3, 10.3.
    ctx.odaMethod = selectOdaMethod(ctx.options.aip, m_config.capabilities);
    if (ctx.odaMethod == OdaMethod::None) {
        ctx.tvr.set(TvrBit::OdaNotPerformed);
        return {};
    }
    Bytes staticData = ctx.odaData;
    // The SDA Tag List (9F4A) may name only the AIP (Book 3, 10.3).
    if (const auto tagList = ctx.data.get(0x9F4A);
        tagList && tagList->size() == 1 && (*tagList)[0] == 0x82)
        staticData.insert(staticData.end(), ctx.options.aip.begin(), ctx.options.aip.end());

    OdaResult result;
    TvrBit failedBit = TvrBit::SdaFailed;
    switch (ctx.odaMethod) {
    case OdaMethod::Sda:
        result = verifySda(ctx.data, staticData, m_caKeys);
        break;
    case OdaMethod::Dda:
        failedBit = TvrBit::DdaFailed;
        result = verifyDda(m_card, ctx.data, staticData, m_caKeys, m_config.defaultDdol);
        break;
    case OdaMethod::Cda:
        failedBit = TvrBit::CdaFailed;
        result = recoverIccKey(ctx.data, staticData, m_caKeys);
        break;
    case OdaMethod::None:
        break;
    }
    // A card that went away during INTERNAL AUTHENTICATE is an Error, not
    // an ODA outcome.
    if (result.cardError)
        return *result.cardError;
    ctx.tsi.set(TsiBit::OdaPerformed);
    if (!result.ok) {
        ctx.tvr.set(failedBit);
        if (result.iccDataMissing)
            ctx.tvr.set(TvrBit::IccDataMissing);
        return {};
    }
    ctx.iccKey = std::move(result.iccKey);
    return {};
}

Result<std::optional<TransactionOutcome>> EmvKernel::verifyCardholder(Context& ctx)
{
    using Optional = std::optional<TransactionOutcome>;
    if (!aipHas(ctx.options.aip, kAipCvmSupported)) {
        // Book 4, Annex A4: 3F = no CVM performed.
        ctx.data.set(0x9F34, Bytes{0x3F, 0x00, 0x00});
        return Optional{};
    }
    CvmSettings settings;
    settings.terminalCapabilities = m_config.capabilities;
    settings.amount = ctx.request.amount;
    settings.currencyAlpha = m_config.currencyAlpha;
    auto cvm = performCardholderVerification(m_card, m_cardholder, ctx.data, ctx.tvr, ctx.tsi,
                                             settings, ctx.iccKey, m_caKeys);
    if (!cvm)
        return cvm.error();
    if (cvm->cancelled)
        return Optional(finish(ctx, OutcomeKind::Cancelled, "cancelled at PIN entry"));
    ctx.data.set(0x9F34, cvm->cvmResults);
    ctx.signatureRequired = cvm->signatureRequired;
    ctx.onlinePin = cvm->onlinePin;
    ctx.onlinePinDigits = std::move(cvm->onlinePinDigits);
    return Optional{};
}

Result<Bytes> EmvKernel::cdolData(Context& ctx, tlv::Tag cdolTag)
{
    syncStatus(ctx);
    const auto cdol = ctx.data.get(cdolTag);
    if (!cdol)
        return makeError(ErrorCode::Malformed, "missing " + tlv::tagToHex(cdolTag));
    const Bytes dol(cdol->begin(), cdol->end());
    if (auto r = prepareTcHash(ctx.data, dol, m_config.defaultTdol, ctx.tvr); !r)
        return r.error();
    syncStatus(ctx);
    auto built = tlv::buildDolData(dol, ctx.data.lookup());
    if (!built)
        return makeError(ErrorCode::Malformed,
                         "bad " + tlv::tagToHex(cdolTag) + ": " + built.error().message);
    return built;
}

Result<GenerateAcResponse> EmvKernel::generate(Context& ctx, Cryptogram requested,
                                               ByteView cdolBytes)
{
    // Book 3, 10.8: CDA is asked for with a TC or an ARQC, when the ICC key
    // was recovered.
    const bool cda = ctx.odaMethod == OdaMethod::Cda && ctx.iccKey && requested != Cryptogram::Aac;
    return generateAc(m_card, ctx.data, requested, cda, cdolBytes);
}

Result<TransactionOutcome> EmvKernel::firstGenerateAc(Context& ctx)
{
    // Book 3, 10.7.
    const bool canGoOnline = m_config.canGoOnline && static_cast<bool>(m_online);
    const Cryptogram requested = terminalActionAnalysis(ctx.data, ctx.tvr, m_config, canGoOnline);
    auto cdol = cdolData(ctx, 0x8C);
    if (!cdol)
        return cdol.error();
    ctx.cdol1Data = std::move(*cdol);
    if (m_cancelled)
        return finish(ctx, OutcomeKind::Cancelled, "cancelled");

    auto response = generate(ctx, requested, ctx.cdol1Data);
    if (!response)
        return response.error();
    ctx.tsi.set(TsiBit::CardRiskManagementPerformed);

    if (response->signed_ && response->cryptogram != Cryptogram::Aac && ctx.iccKey) {
        // Book 2, 6.6.2: a failed CDA check declines the transaction.
        const auto check = verifyCdaSignature(*ctx.iccKey, ctx.data, response->template77,
                                              ctx.options.pdolData, ctx.cdol1Data);
        if (!check.ok) {
            ctx.tvr.set(TvrBit::CdaFailed);
            return finish(ctx, OutcomeKind::Declined, "CDA failed: " + check.reason);
        }
    }

    switch (response->cryptogram) {
    case Cryptogram::Tc:
        return finish(ctx, OutcomeKind::ApprovedOffline, "approved offline (TC)");
    case Cryptogram::Aac:
        return finish(ctx, OutcomeKind::Declined,
                      declineReason(requested, response->cid, "declined offline"));
    case Cryptogram::Arqc:
        break;
    }
    if (m_cancelled)
        return finish(ctx, OutcomeKind::Cancelled, "cancelled");
    return goOnline(ctx);
}

Result<TransactionOutcome> EmvKernel::goOnline(Context& ctx)
{
    OnlineResponse response;
    if (m_online && m_config.canGoOnline) {
        m_cardholder.showMessage(CardholderMessage::ProcessingOnline);
        syncStatus(ctx);
        OnlineRequest request;
        request.data = ctx.data;
        request.hasOnlinePin = ctx.onlinePin;
        request.onlinePin = std::move(ctx.onlinePinDigits); // wiped with `request`
        response = m_online(request);
    }
    return completeOnline(ctx, response);
}

Result<TransactionOutcome> EmvKernel::completeOnline(Context& ctx, const OnlineResponse& response)
{
    const bool unable = response.decision == OnlineDecision::UnableToGoOnline;
    Cryptogram requested = Cryptogram::Aac;
    if (unable) {
        // Book 3, 10.7: defaults decide; 8A says so (Y3 / Z3, Book 4, A6).
        requested = defaultActionAnalysis(ctx.data, ctx.tvr, m_config);
        ctx.data.set(0x8A, requested == Cryptogram::Tc ? Bytes{'Y', '3'} : Bytes{'Z', '3'});
    } else {
        if (response.authorisationResponseCode.size() == 2)
            ctx.data.set(0x8A, response.authorisationResponseCode);
        if (!response.authorisationCode.empty())
            ctx.data.set(0x89, response.authorisationCode);
        if (auto r = authenticateIssuer(ctx, response); !r)
            return r.error();
        if (auto r = processIssuerScripts(m_card, response.issuerScripts, 0x71, ctx.data, ctx.tvr,
                                          ctx.tsi);
            !r)
            return r.error();
        requested =
            response.decision == OnlineDecision::Approved ? Cryptogram::Tc : Cryptogram::Aac;
    }
    if (m_cancelled)
        return finish(ctx, OutcomeKind::Cancelled, "cancelled");

    auto cdol2 = cdolData(ctx, 0x8D);
    if (!cdol2)
        return cdol2.error();
    auto second = generate(ctx, requested, *cdol2);
    if (!second)
        return second.error();
    if (second->cryptogram == Cryptogram::Arqc)
        return makeError(ErrorCode::Malformed, "GENERATE AC: ARQC in the second GENERATE AC");
    if (second->signed_ && second->cryptogram == Cryptogram::Tc && ctx.iccKey) {
        Bytes joined = ctx.cdol1Data;
        joined.insert(joined.end(), cdol2->begin(), cdol2->end());
        const auto check = verifyCdaSignature(*ctx.iccKey, ctx.data, second->template77,
                                              ctx.options.pdolData, joined);
        if (!check.ok) {
            ctx.tvr.set(TvrBit::CdaFailed);
            return finish(ctx, OutcomeKind::Declined, "CDA failed: " + check.reason);
        }
    }
    if (!unable) {
        if (auto r = processIssuerScripts(m_card, response.issuerScripts, 0x72, ctx.data, ctx.tvr,
                                          ctx.tsi);
            !r)
            return r.error();
    }

    const bool approved = second->cryptogram == Cryptogram::Tc;
    if (unable) {
        auto outcome = finish(ctx, OutcomeKind::GoOnlineFailed,
                              approved ? "unable to go online: approved by default action codes"
                                       : "unable to go online: declined by default action codes");
        outcome.approved = approved;
        return outcome;
    }
    if (approved)
        return finish(ctx, OutcomeKind::ApprovedOnline, "approved online");
    auto outcome =
        finish(ctx, OutcomeKind::Declined,
               response.decision == OnlineDecision::Declined
                   ? "declined by the issuer"
                   : declineReason(requested, second->cid, "card declined after online approval"));
    outcome.online = true;
    return outcome;
}

Result<void> EmvKernel::authenticateIssuer(Context& ctx, const OnlineResponse& response)
{
    // Book 3, 10.9: EXTERNAL AUTHENTICATE when the AIP says the card supports
    // it; otherwise 91 only travels in the CDOL2 data.
    const Bytes& arpc = response.issuerAuthenticationData;
    if (arpc.empty())
        return {};
    ctx.data.set(0x91, arpc);
    if (!aipHas(ctx.options.aip, kAipIssuerAuthentication))
        return {};
    auto answer = m_card.transmit(commands::externalAuthenticate(arpc));
    if (!answer)
        return answer.error();
    ctx.tsi.set(TsiBit::IssuerAuthenticationPerformed);
    if (!answer->isSuccess())
        ctx.tvr.set(TvrBit::IssuerAuthenticationFailed);
    return {};
}

} // namespace cardlink::emv
