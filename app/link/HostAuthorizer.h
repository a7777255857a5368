#pragma once

#include "HostLink.h"
#include "TerminalBundle.h"
#include "TerminalState.h"
#include "emv/OnlineAuthorization.h"
#include "iso8583/Message.h"
#include "online/RequestBuilder.h"
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

    struct Options
    {
        HostLink::Options link;
        online::RequestOptions request;
        int reversalAttempts = 3; // one 0400 and up to two 0401
    };

    HostAuthorizer(TerminalBundle bundle, Options options, Log log,
                   const Clock& clock = SystemClock::instance());

    emv::OnlineResponse authorize(const emv::OnlineRequest& request);

    // 0800 echo test (field 70 = 301): the host's field 39 and the round trip.
    struct Echo
    {
        std::string responseCode;
        std::chrono::microseconds roundTrip{0};
    };
    Result<Echo> echo();

    // Sends the 0400 for `original` and repeats it as 0401 until answered.
    // The host's field 39 of the answer; an error when none came.
    Result<std::string> reverse(const iso8583::Message& original, const std::string& reason);

    const TerminalBundle& bundle() const { return m_bundle; }

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
