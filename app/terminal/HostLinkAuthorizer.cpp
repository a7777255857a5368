#include "HostLinkAuthorizer.h"

#include "TerminalBundle.h"
#include "TerminalState.h"
#include "online/RequestBuilder.h"

namespace cardlink::terminal {

HostLinkAuthorizer::HostLinkAuthorizer(link::TerminalBundle bundle, QObject* parent)
    : QObject(parent)
{
    // The log callback runs on whichever thread exchanges; the signal is
    // delivered queued to the UI thread's receivers.
    m_link = std::make_unique<link::HostAuthorizer>(
        std::move(bundle), link::HostAuthorizer::Options{},
        [this](const std::string& line) { emit logged(QString::fromStdString(line)); });
}

HostLinkAuthorizer::~HostLinkAuthorizer() = default;

emv::OnlineResponse HostLinkAuthorizer::authorize(const emv::OnlineRequest& request)
{
    std::lock_guard lock(m_mutex);
    emv::OnlineResponse response = m_link->authorize(request, m_observer);
    // "Unable to go online" means the host did not answer (or the request
    // could not be built); any decision means it did.
    if (response.decision == emv::OnlineDecision::UnableToGoOnline)
        emit linkChecked(false, tr("no answer from host"));
    else
        emit linkChecked(true, {});
    return response;
}

HostLinkAuthorizer::EchoResult HostLinkAuthorizer::echo()
{
    std::lock_guard lock(m_mutex);
    EchoResult result;
    auto echo = m_link->echo();
    if (!echo) {
        result.error = QString::fromStdString(echo.error().describe());
        emit logged(QStringLiteral("Echo: ") + result.error);
        emit linkChecked(false, result.error);
        return result;
    }
    result.ok = echo->responseCode == "00";
    result.responseCode = QString::fromStdString(echo->responseCode);
    result.roundTripMs = static_cast<double>(echo->roundTrip.count()) / 1000.0;
    emit logged(QStringLiteral("Echo: 0810 answered %1, round trip %2 ms")
                    .arg(result.responseCode)
                    .arg(result.roundTripMs, 0, 'f', 2));
    emit linkChecked(true, {});
    return result;
}

QString HostLinkAuthorizer::terminalId() const
{
    return m_link->bundle().terminalId;
}

QString HostLinkAuthorizer::hostName() const
{
    return QStringLiteral("%1:%2").arg(m_link->bundle().hostAddress).arg(m_link->bundle().tlsPort);
}

} // namespace cardlink::terminal

namespace cardlink::terminal {

const link::TerminalBundle& HostLinkAuthorizer::bundle() const
{
    return m_link->bundle();
}

void HostLinkAuthorizer::setObserver(link::HostAuthorizer::Observer* observer)
{
    std::lock_guard lock(m_mutex);
    m_observer = observer;
}

Result<iso8583::Message> HostLinkAuthorizer::offlineAdvice(const emv::TransactionData& data)
{
    // Its own TerminalState on the same file: the file's lock keeps STANs
    // unique without waiting for an exchange in progress.
    link::TerminalState state(m_link->bundle().stateFile());
    auto stan = state.nextStan();
    if (!stan)
        return stan.error();
    return online::RequestBuilder::offlineAdvice(
        data, m_link->identity(), online::MessageStamp::at(SystemClock::instance(), *stan), {});
}

Result<link::JournalRecovery::Summary>
HostLinkAuthorizer::recover(journal::Journal& journal, const link::JournalRecovery::Skip& skip)
{
    std::lock_guard lock(m_mutex);
    return link::JournalRecovery(*m_link, journal).run(skip);
}

Result<link::BatchCloser::Outcome> HostLinkAuthorizer::closeBatch(const journal::Journal& journal,
                                                                  const std::string& currencyCode)
{
    std::lock_guard lock(m_mutex);
    return link::BatchCloser(*m_link, journal, currencyCode).close();
}

} // namespace cardlink::terminal
