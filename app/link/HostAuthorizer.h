#pragma once

#include "HostLink.h"
#include "TerminalBundle.h"
#include "TerminalState.h"
#include "emv/OnlineAuthorization.h"
#include "iso8583/Message.h"
#include "online/MessageStamp.h"
#include "online/RequestBuilder.h"
#include "online/TerminalIdentity.h"
#include "util/Clock.h"
#include "util/Result.h"

#include <chrono>
#include <functional>
#include <string>

namespace cardlink::link {

// The terminal's real host (emv::OnlineAuthorizer over HostLink): builds the
// 0100/0200 of the kernel's OnlineRequest with core/online (online PIN in
// fields 52/53 under the next DUKPT key; field 53 + MAC when the bundle
// asks for MACs), sends it and reads the answer into emv::OnlineResponse.
//
// A request that was sent but not answered (time-out, link lost, an answer
// that does not belong to it or fails its MAC) may have been acted on by the
// host: it is reversed with a 0400 (reason 68), repeated as 0401 with the
// same stamp until answered or the attempts run out, and the kernel hears
// UnableToGoOnline (EMV 4.4 Book 3, 10.7). A request that never left the
// terminal (host unreachable, handshake refused) needs no reversal.
//
// Logs one line per step through `log`; never a PIN, and PANs only masked.
class HostAuthorizer
{
public:
    using Log = std::function<void(const std::string&)>;

    // Follows one authorize() on its thread: the terminal journals the sale
    // with it (docs/journal.md). The request it sees still holds the PAN and
    // the enciphered PIN block; it keeps only what StoredRequest allows.
    class Observer
    {
    public:
        virtual ~Observer() = default;
        // The request is built and nothing has left yet. An error keeps it
        // from being sent (the kernel hears UnableToGoOnline).
        virtual Result<void> requestBuilt(const iso8583::Message& request) = 0;
        // The link is up; the request leaves next.
        virtual void requestSending() = 0;
        // The request never left (host unreachable, handshake refused).
        virtual void requestNotSent() = 0;
        // A lost answer is reversed under `stamp` (its 0401 repeats share it).
        virtual void reversing(const online::MessageStamp& stamp) = 0;
        // The host answered that reversal.
        virtual void reversed() = 0;
    };

    // Builds one message under `security` for attempt 0, 1, ...
    using Builder = std::function<Result<iso8583::Message>(const online::RequestSecurity& security,
                                                           int attempt)>;

    struct Options
    {
        HostLink::Options link;
        online::RequestOptions request;
        int reversalAttempts = 3; // one 0400 and up to two 0401
    };

    HostAuthorizer(TerminalBundle bundle, Options options, Log log,
                   const Clock& clock = SystemClock::instance());

    emv::OnlineResponse authorize(const emv::OnlineRequest& request, Observer* observer = nullptr);

    // 0800 echo test (field 70 = 301): the host's field 39 and the round trip.
    struct Echo
    {
        std::string responseCode;
        std::chrono::microseconds roundTrip{0};
    };
    Result<Echo> echo();

    // Sends the 0400 for `original` and repeats it as 0401 until answered.
    // The host's field 39 of the answer; an error when none came.
    Result<std::string> reverse(const iso8583::Message& original, const std::string& reason,
                                Observer* observer = nullptr);

    // Sends what `build` makes, under the next DUKPT key when the bundle
    // asks for MACs (one key for all attempts), until the host answers or
    // `attempts` ran out; `what` ("reversal", "advice") and `detail` name it
    // in the log. The host's field 39 (and, given `response`, the whole
    // checked answer). Used for reversals, by JournalRecovery for its
    // 0400/0401/0220 and by BatchCloser for its 0500.
    Result<std::string> send(const Builder& build, const std::string& what,
                             const std::string& detail, int attempts,
                             iso8583::Message* response = nullptr);

    // A fresh stamp (the next STAN of the terminal state, now).
    Result<online::MessageStamp> nextStamp();
    online::TerminalIdentity identity() const;
    const TerminalBundle& bundle() const { return m_bundle; }
    const Options& options() const { return m_options; }
    void log(const std::string& line) { m_log(line); }

private:
    struct Sent
    {
        iso8583::Message request;
        dukpt::TransactionKey key;
        bool hasKey = false;
    };
    Result<Sent> build(const emv::OnlineRequest& request);
    emv::OnlineResponse unableToGoOnline(const std::string& why);

    TerminalBundle m_bundle;
    Options m_options;
    Log m_log;
    const Clock& m_clock;
    TerminalState m_state;
};

} // namespace cardlink::link
