#include "StubHostAuthorizer.h"

namespace cardlink::terminal {

emv::OnlineResponse StubHostAuthorizer::authorize(const emv::OnlineRequest&)
{
    ++m_calls;
    emv::OnlineResponse response;
    if (m_mode == Mode::UnableToGoOnline) {
        response.decision = emv::OnlineDecision::UnableToGoOnline;
        return response;
    }
    // ISO 8583 response code 39 "00" approved; 8A carries it as 2 bytes an.
    response.decision = emv::OnlineDecision::Approved;
    response.authorisationResponseCode = {'0', '0'};
    response.authorisationCode = {'S', 'T', 'U', 'B', '0', '1'};
    return response;
}

} // namespace cardlink::terminal
