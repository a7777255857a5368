#include "host/AuthorizationEngine.h"

#include "host/BatchTotalsText.h"
#include "host/CardAuthorizer.h"
#include "host/RequestDigest.h"
#include "host/ReversalHandler.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"
#include "iso8583/MessageValidator.h"
#include "iso8583/MtiRules.h"

#include <algorithm>

namespace cardlink::host {

namespace f = iso8583::field;

namespace {

HostDecision closeWith(std::string why)
{
    HostDecision decision;
    decision.disposition = Disposition::Close;
    decision.log.push_back(std::move(why));
    return decision;
}

bool allowed(const iso8583::MtiRule& rule, int field)
{
    return std::find(rule.mandatory.begin(), rule.mandatory.end(), field) != rule.mandatory.end() ||
           std::find(rule.conditional.begin(), rule.conditional.end(), field) !=
               rule.conditional.end();
}

// The fields of the response the host sets itself; the others are echoed
// from the request when the response MTI allows them.
bool hostField(int field)
{
    switch (field) {
    case f::kRetrievalReference:
    case f::kAuthorizationCode:
    case f::kResponseCode:
    case f::kAdditionalData:
    case f::kIccData:
    case f::kChallenge:
    case f::kMac:
    case f::kSecondaryMac:
        return true;
    default:
        return false;
    }
}

bool needsMac(const TerminalIdentity& identity, const Terminal& terminal)
{
    return identity.channel == TerminalChannel::DialIn || terminal.macRequired;
}

} // namespace

AuthorizationEngine::AuthorizationEngine(HostStore& store, const Clock& clock, PinVerifier* pins,
                                         MessageSecurity* security)
    : m_store(store), m_clock(clock), m_pins(pins), m_security(security)
{}

HostDecision AuthorizationEngine::decide(ByteView request, const TerminalIdentity& identity)
{
    auto message = iso8583::MessageCodec(iso8583::cardLinkProfile()).decode(request);
    if (!message)
        return closeWith("terminal " + identity.terminalId +
                         ": undecodable request: " + message.error().describe());
    return decide(*message, identity);
}

HostDecision AuthorizationEngine::decide(const iso8583::Message& request,
                                         const TerminalIdentity& identity)
{
    const auto* rule = iso8583::findMtiRule(request.mti());
    if (!rule || rule->responseMti.empty())
        return closeWith("terminal " + identity.terminalId + ": MTI " + request.mti() +
                         " is not a request CardLink accepts");
    auto terminal = m_store.findTerminal(identity.terminalId);
    if (!terminal)
        return systemError(request, identity, "store: " + terminal.error().describe());
    if (!*terminal || (*terminal)->revoked)
        return closeWith("terminal " + identity.terminalId + " unknown or revoked");

    RequestContext context{request, identity, **terminal, {}, {}, {}, {}, m_clock.now(), {}};
    if (needsMac(identity, context.terminal)) {
        if (!m_security)
            return closeWith("terminal " + identity.terminalId +
                             " needs a MAC and the host has no MAC keys");
        auto verdict = m_security->verifyRequest(context.terminal, request);
        if (!verdict || *verdict != MacVerdict::Valid)
            return closeWith("terminal " + identity.terminalId + ": MAC missing or wrong");
    }
    context.key = {identity.terminalId, context.text(f::kStan),
                   context.text(f::kTransmissionDateTime)};
    auto hash = RequestDigest::hash(request);
    if (!hash)
        return closeWith("request does not re-encode: " + hash.error().describe());
    context.requestHash = std::move(*hash);
    context.retrievalReference = RequestDigest::digits(context.requestHash, 12);
    context.approvalCode = RequestDigest::digits(context.requestHash, 6, 12);
    if (auto valid = iso8583::MessageValidator::validate(request, iso8583::cardLinkProfile());
        !valid) {
        context.log.push_back("terminal " + identity.terminalId +
                              ": format error: " + valid.error().describe());
        auto decision = finish(context, Answer::unstored("30"));
        if (decision.disposition == Disposition::Close)
            decision.log.push_back("no response can be formed: closing");
        return decision;
    }

    auto stored = m_store.findResponse(context.key);
    if (!stored)
        return systemError(request, identity, "store: " + stored.error().describe());
    if (*stored) {
        if ((*stored)->isTombstone()) {
            context.log.push_back("terminal " + identity.terminalId + ": STAN " + context.key.stan +
                                  " at " + context.key.transmissionDateTime +
                                  " was reversed before it arrived: refused, nothing posted");
            return finish(context, Answer::unstored(StoredResponse::kTombstoneCode));
        }
        if ((*stored)->requestHash == context.requestHash) {
            HostDecision repeat;
            repeat.disposition = Disposition::Respond;
            repeat.response = (*stored)->response;
            repeat.responseCode = (*stored)->responseCode;
            repeat.repeat = true;
            repeat.log.push_back("terminal " + identity.terminalId + ": repeat of STAN " +
                                 context.key.stan + ", stored response sent again");
            return repeat;
        }
        context.log.push_back("terminal " + identity.terminalId + ": STAN " + context.key.stan +
                              " reused with different content");
        return finish(context, Answer::unstored("94"));
    }
    return route(context);
}

HostDecision AuthorizationEngine::route(RequestContext& context)
{
    const auto& request = context.request;
    const std::string& who = context.identity.terminalId;
    if (context.text(f::kTerminalId) != who) {
        context.log.push_back("terminal " + who + " sent a request as terminal '" +
                              context.text(f::kTerminalId) + "'");
        return finish(context, Answer::unstored("58"));
    }
    if (request.has(f::kMerchantId) &&
        context.text(f::kMerchantId) != context.terminal.merchantId) {
        context.log.push_back("terminal " + who + " of merchant " + context.terminal.merchantId +
                              " acted for merchant '" + context.text(f::kMerchantId) + "'");
        return finish(context, Answer::unstored("03"));
    }
    const std::string& mti = request.mti();
    if (mti == "0800")
        return finish(context, network(context));
    if (mti == "0500")
        return finish(context, reconcile(context));
    if (mti == "0400" || mti == "0401")
        return finish(context, ReversalHandler(m_store).reverse(context));
    if (mti == "0100" || mti == "0200" || mti == "0220")
        return finish(context, CardAuthorizer(m_store, m_pins).authorize(context));
    return closeWith("MTI " + mti + " has no handler");
}

Answer AuthorizationEngine::network(RequestContext& context)
{
    // Field 70: 001 sign-on, 002 sign-off, 301 echo; key change and the
    // order/challenge codes belong to later issues.
    const std::string& code = context.text(f::kNetworkManagementCode);
    if (code == "001" || code == "002" || code == "301")
        return Answer::stored("00");
    context.log.push_back("network management code " + code + " not supported");
    return Answer::stored("12");
}

Answer AuthorizationEngine::reconcile(RequestContext& context)
{
    auto claimed = BatchTotalsText::parse(context.text(f::kAdditionalData));
    if (!claimed) {
        context.log.push_back("reconciliation totals in field 48 not in CardLink's layout");
        return Answer::unstored("30");
    }
    const Terminal& terminal = context.terminal;
    auto ledger = m_store.batchTotals(terminal.id, terminal.batchNumber);
    if (!ledger)
        return Answer::unstored("96");
    // Code 95 (reconcile error) is ISO 8583:1987's; the batch stays open.
    Answer answer = Answer::stored(*claimed == *ledger ? "00" : "95");
    answer.fields[f::kAdditionalData] = BatchTotalsText::format(*ledger);
    if (answer.code == "00")
        answer.unit.batchClose =
            BatchClose{terminal.id, terminal.batchNumber, terminal.batchNumber + 1};
    else
        context.log.push_back("terminal " + terminal.id + " batch " +
                              std::to_string(terminal.batchNumber) +
                              " out of balance: " + context.text(f::kAdditionalData) +
                              " vs ledger " + BatchTotalsText::format(*ledger));
    return answer;
}

HostDecision AuthorizationEngine::finish(RequestContext& context, Answer answer)
{
    const auto& request = context.request;
    const auto* requestRule = iso8583::findMtiRule(request.mti());
    const auto* rule = requestRule ? iso8583::findMtiRule(requestRule->responseMti) : nullptr;
    if (!rule)
        return closeWith("no response type for MTI " + request.mti());
    iso8583::Message response(std::string(rule->mti));
    const auto copy = [&](int field, const iso8583::FieldValue& value) {
        std::visit([&](const auto& v) { response.set(field, v); }, value);
    };
    for (const auto& [field, value] : request.fields())
        if (allowed(*rule, field) && !hostField(field))
            copy(field, value);
    for (const auto& [field, value] : answer.fields)
        if (allowed(*rule, field))
            copy(field, value);
    if (allowed(*rule, f::kRetrievalReference) && !context.retrievalReference.empty())
        response.set(f::kRetrievalReference, context.retrievalReference);
    response.set(f::kResponseCode, answer.code);

    HostDecision decision;
    decision.log = std::move(context.log);
    if (needsMac(context.identity, context.terminal) && m_security) {
        if (auto signed_ = m_security->signResponse(context.terminal, request, response);
            !signed_) {
            decision.log.push_back("response MAC failed: " + signed_.error().describe());
            decision.disposition = Disposition::Close;
            return decision;
        }
    }
    auto valid = iso8583::MessageValidator::validate(response, iso8583::cardLinkProfile());
    auto bytes = iso8583::MessageCodec(iso8583::cardLinkProfile()).encode(response);
    if (!valid || !bytes) {
        decision.log.push_back("response " + std::string(rule->mti) + " does not form: " +
                               (valid ? bytes.error() : valid.error()).describe());
        decision.disposition = Disposition::Close;
        return decision;
    }
    decision.disposition = Disposition::Respond;
    decision.response = *bytes;
    decision.responseCode = answer.code;
    if (answer.store) {
        auto& stored = answer.unit.response;
        stored.key = context.key;
        stored.requestHash = context.requestHash;
        stored.requestMti = request.mti() == "0401" ? "0400" : request.mti();
        stored.response = *bytes;
        stored.responseCode = answer.code;
        stored.reference = context.retrievalReference;
        decision.unit = std::move(answer.unit);
    }
    return decision;
}

HostDecision AuthorizationEngine::systemError(const iso8583::Message& request,
                                              const TerminalIdentity& identity, std::string why)
{
    auto terminal = m_store.findTerminal(identity.terminalId);
    RequestContext context{
        request,       identity, (terminal && *terminal) ? **terminal : Terminal{}, {}, {}, {}, {},
        m_clock.now(), {}};
    context.log.push_back(std::move(why));
    if (auto hash = RequestDigest::hash(request))
        context.retrievalReference = RequestDigest::digits(*hash, 12);
    return finish(context, Answer::unstored("96"));
}

HostDecision AuthorizationEngine::systemMalfunction(ByteView request,
                                                    const TerminalIdentity& identity,
                                                    std::string why)
{
    auto message = iso8583::MessageCodec(iso8583::cardLinkProfile()).decode(request);
    if (!message)
        return closeWith(std::move(why));
    return systemError(*message, identity, std::move(why));
}

HostDecision AuthorizationEngine::handle(ByteView request, const TerminalIdentity& identity)
{
    auto message = iso8583::MessageCodec(iso8583::cardLinkProfile()).decode(request);
    if (!message)
        return closeWith("terminal " + identity.terminalId +
                         ": undecodable request: " + message.error().describe());
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        HostDecision decision = decide(*message, identity);
        if (!decision.unit)
            return decision;
        auto status = m_store.commitOne(*decision.unit);
        if (!status)
            return systemError(*message, identity, "store: " + status.error().describe());
        if (*status == CommitStatus::Committed)
            return decision;
        if (*status == CommitStatus::Rejected)
            return systemError(*message, identity, "store rejected the unit (engine bug)");
    }
    return systemError(*message, identity, "request kept conflicting with concurrent ones");
}

} // namespace cardlink::host
