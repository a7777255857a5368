#pragma once

#include "host/Card.h"
#include "host/HostStore.h"
#include "host/IccRequestData.h"
#include "host/PinVerifier.h"
#include "host/RequestContext.h"

#include <optional>

namespace cardlink::host {

// Authorization (0100), purchase (0200) and advice of an offline approval
// (0220): the issuer's checks in this order (docs/host.md, "Card requests"):
// card known (14), chip data present and well formed (12/30), cryptogram
// (05), ATC replay (05), card status (62/41/43/78, with a pending block
// script), expiry (54), online PIN (55/75), currency (12), transaction limit
// (61), funds (51). Approval posts cardholder debit + merchant credit.
// An ARQC gets field 55 back: 91 (ARPC) and any pending issuer script.
class CardAuthorizer
{
public:
    CardAuthorizer(HostStore& store, PinVerifier* pins) : m_store(store), m_pins(pins) {}

    Answer authorize(RequestContext& context);

private:
    struct CardRequest; // what the request says about the card and the money
    Answer decide(RequestContext& context, CardRequest& card);
    std::optional<std::string> checkPin(RequestContext& context, CardRequest& card,
                                        CardUpdate& update);
    std::optional<std::string> checkFunds(RequestContext& context, CardRequest& card,
                                          Answer& answer);

    HostStore& m_store;
    PinVerifier* m_pins;
};

} // namespace cardlink::host
