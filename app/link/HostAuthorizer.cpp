#include "HostAuthorizer.h"

#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"
#include "iso8583/ResponseCodes.h"
#include "online/NetworkMessages.h"
#include "online/ResponseParser.h"
#include "online/ReversalBuilder.h"
#include "util/PanMask.h"

#include <QElapsedTimer>

namespace cardlink::link {

namespace {
const iso8583::MessageCodec& codec()
{
    static const iso8583::MessageCodec instance(iso8583::cardLinkProfile());
    return instance;
}

online::TerminalIdentity identityOf(const TerminalBundle& bundle)
{
    online::TerminalIdentity identity;
    identity.terminalId = bundle.terminalId.toStdString();
    identity.merchantId = bundle.merchantId.toStdString();
    return identity;
}

std::string codeText(const std::string& code)
{
    return code + " (" + std::string(iso8583::describeResponseCode(code)) + ")";
}

std::string maskedPanOf(const iso8583::Message& message)
{
    if (const auto* pan = message.text(2))
        return maskPan(*pan);
    if (const auto* track2 = message.text(35))
        return maskPan(track2->substr(0, track2->find_first_of("=D")));
    return "?";
}
} // namespace

HostAuthorizer::HostAuthorizer(TerminalBundle bundle, Options options, Log log, const Clock& clock)
    : m_bundle(std::move(bundle)), m_options(std::move(options)), m_log(std::move(log)),
      m_clock(clock), m_state(m_bundle.stateFile())
{
    if (!m_log)
        m_log = [](const std::string&) {
        };
}

emv::OnlineResponse HostAuthorizer::unableToGoOnline(const std::string& why)
{
    m_log("Host: unable to go online: " + why);
    emv::OnlineResponse response;
    response.decision = emv::OnlineDecision::UnableToGoOnline;
    return response;
}

Result<HostAuthorizer::Sent> HostAuthorizer::build(const emv::OnlineRequest& request)
{
    auto stan = m_state.nextStan();
    if (!stan)
        return stan.error();
    Sent sent;
    if (request.hasOnlinePin || m_bundle.macRequired) {
        auto key = m_state.nextTransactionKey(m_bundle);
        if (!key)
            return key.error();
        sent.key = std::move(*key);
        sent.hasKey = true;
    }
    online::RequestSecurity security;
    security.transactionKey = sent.hasKey ? &sent.key : nullptr;
    security.mac = m_bundle.macRequired;
    auto message = online::RequestBuilder::onlineRequest(request, identityOf(m_bundle),
                                                         online::MessageStamp::at(m_clock, *stan),
                                                         m_options.request, security);
    if (!message)
        return message.error();
    sent.request = std::move(*message);
    return sent;
}

emv::OnlineResponse HostAuthorizer::authorize(const emv::OnlineRequest& request, Observer* observer)
{
    auto sent = build(request);
    if (!sent)
        return unableToGoOnline("cannot build the request: " + sent.error().describe());
    auto wire = codec().encode(sent->request);
    if (!wire)
        return unableToGoOnline("cannot encode the request: " + wire.error().describe());
    // The journal holds the sale before the first byte leaves (issue 5).
    if (observer) {
        if (auto kept = observer->requestBuilt(sent->request); !kept)
            return unableToGoOnline("not journaled, not sent: " + kept.error().describe());
    }
    m_log("Host: " + sent->request.mti() + " STAN " + *sent->request.text(11) + " card " +
          maskedPanOf(sent->request) + (request.hasOnlinePin ? ", online PIN enciphered" : "") +
          " to " + m_bundle.hostAddress.toStdString() + ":" + std::to_string(m_bundle.tlsPort));

    HostLink link(m_bundle, m_options.link);
    if (auto up = link.connect(); !up) {
        if (observer)
            observer->requestNotSent();
        return unableToGoOnline(up.error().message);
    }
    if (observer)
        observer->requestSending();
    auto answer = link.exchange(*wire);
    if (!answer) {
        m_log("Host: no answer: " + answer.error().message);
        link.close();
        (void)reverse(sent->request, "68", observer);
        return unableToGoOnline("the request was reversed");
    }
    link.close();
    auto response = online::ResponseParser::decodeAuthorization(
        *answer, sent->request, m_bundle.macRequired ? &sent->key : nullptr);
    if (!response) {
        // An answer that does not belong to the request is no decision.
        m_log("Host: unusable answer: " + response.error().describe());
        (void)reverse(sent->request, "68", observer);
        return unableToGoOnline("the request was reversed");
    }
    const auto& arc = response->authorisationResponseCode;
    m_log("Host: answered " + codeText(std::string(arc.begin(), arc.end())) +
          (response->issuerAuthenticationData.empty() ? "" : ", ARPC") +
          (response->issuerScripts.empty() ? "" : ", issuer script"));
    return std::move(*response);
}

Result<online::MessageStamp> HostAuthorizer::nextStamp()
{
    auto stan = m_state.nextStan();
    if (!stan)
        return stan.error();
    return online::MessageStamp::at(m_clock, *stan);
}

online::TerminalIdentity HostAuthorizer::identity() const
{
    return identityOf(m_bundle);
}

Result<std::string> HostAuthorizer::reverse(const iso8583::Message& original,
                                            const std::string& reason, Observer* observer)
{
    // One stamp (and one KSN) for the 0400 and its 0401 repeats: the host
    // matches repeats by (41, 11, 7).
    auto stamp = nextStamp();
    if (!stamp)
        return stamp.error();
    if (observer)
        observer->reversing(*stamp);
    auto code = send(
        [&](const online::RequestSecurity& security, int attempt) {
            return online::ReversalBuilder::reversal(original, *stamp, reason, attempt > 0,
                                                     security);
        },
        "reversal", "of STAN " + *original.text(11) + " (STAN " + stamp->stanText() + ")",
        m_options.reversalAttempts);
    if (code && observer)
        observer->reversed();
    return code;
}

Result<std::string> HostAuthorizer::send(const Builder& build, const std::string& what,
                                         const std::string& detail, int attempts,
                                         iso8583::Message* response)
{
    dukpt::TransactionKey key;
    online::RequestSecurity security;
    if (m_bundle.macRequired) {
        auto next = m_state.nextTransactionKey(m_bundle);
        if (!next)
            return next.error();
        key = std::move(*next);
        security.transactionKey = &key;
        security.mac = true;
    }
    Error last{ErrorCode::Io, "no attempt"};
    for (int attempt = 0; attempt < attempts; ++attempt) {
        auto message = build(security, attempt);
        if (!message)
            return message.error();
        auto wire = codec().encode(*message);
        if (!wire)
            return wire.error();
        m_log("Host: " + message->mti() + " " + what + " " + detail + ", attempt " +
              std::to_string(attempt + 1));
        HostLink link(m_bundle, m_options.link);
        auto answer = link.exchange(*wire);
        if (!answer) {
            last = answer.error();
            m_log("Host: " + what + " not answered: " + last.message);
            continue;
        }
        auto decoded = codec().decode(*answer);
        Result<std::string> code = decoded ? online::ResponseParser::responseCode(
                                                 *decoded, *message, security.mac ? &key : nullptr)
                                           : Result<std::string>(decoded.error());
        if (!code) {
            last = code.error();
            m_log("Host: unusable answer to " + what + ": " + last.describe());
            continue;
        }
        m_log("Host: " + what + " answered " + codeText(*code));
        if (response)
            *response = std::move(*decoded);
        return *code;
    }
    m_log("Host: " + what + " still unanswered after " + std::to_string(attempts) + " attempts");
    return last;
}

Result<HostAuthorizer::Echo> HostAuthorizer::echo()
{
    auto stan = m_state.nextStan();
    if (!stan)
        return stan.error();
    dukpt::TransactionKey key;
    online::RequestSecurity security;
    if (m_bundle.macRequired) {
        auto next = m_state.nextTransactionKey(m_bundle);
        if (!next)
            return next.error();
        key = std::move(*next);
        security.transactionKey = &key;
        security.mac = true;
    }
    auto request = online::NetworkMessages::echo(
        identityOf(m_bundle), online::MessageStamp::at(m_clock, *stan), security);
    if (!request)
        return request.error();
    auto wire = codec().encode(*request);
    if (!wire)
        return wire.error();
    HostLink link(m_bundle, m_options.link);
    if (auto up = link.connect(); !up)
        return up.error();
    QElapsedTimer timer;
    timer.start();
    auto answer = link.exchange(*wire);
    const auto elapsed = std::chrono::microseconds(timer.nsecsElapsed() / 1000);
    if (!answer)
        return answer.error();
    auto response = codec().decode(*answer);
    if (!response)
        return response.error();
    auto code =
        online::ResponseParser::responseCode(*response, *request, security.mac ? &key : nullptr);
    if (!code)
        return code.error();
    return Echo{*code, elapsed};
}

} // namespace cardlink::link
