#pragma once

#include "iso8583/Message.h"
#include "online/MessageStamp.h"
#include "online/TerminalSecurity.h"
#include "util/Result.h"

#include <string>

namespace cardlink::online {

// 0400/0401 reversal of a stored 0100/0200 request (pure function).
class ReversalBuilder
{
public:
    // From the original request: 2, 3, 4, 14, 22, 23, 25, 35, 41, 42, 49;
    // the stamp's 7 and 11; 39 = the reason (ISO 8583:1987 response codes:
    // "68" no answer in time, "06" error, "17" customer cancellation); 90 =
    // original MTI n4, STAN n6, field 7 n10, acquirer and forwarder ids n11
    // each (zeros). A repeat (0401) must use the same stamp as the first
    // 0400: the host matches them by (41, 11, 7). MACed when asked.
    static Result<iso8583::Message> reversal(const iso8583::Message& original,
                                             const MessageStamp& stamp, const std::string& reason,
                                             bool repeat, const RequestSecurity& security);

    // Field 90 for `original` (InvalidArgument without 11 or 7).
    static Result<std::string> originalDataElements(const iso8583::Message& original);
};

} // namespace cardlink::online
