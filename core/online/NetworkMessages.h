#pragma once

#include "iso8583/Message.h"
#include "online/MessageStamp.h"
#include "online/TerminalIdentity.h"
#include "online/TerminalSecurity.h"
#include "util/Result.h"

namespace cardlink::online {

// 0800 network management requests (field 70, docs/iso8583-profile.md).
class NetworkMessages
{
public:
    static constexpr const char* kSignOn = "001";
    static constexpr const char* kSignOff = "002";
    static constexpr const char* kEchoTest = "301";

    // 7, 11, 41, 42 and 70; MACed when asked.
    static Result<iso8583::Message> request(const char* code, const TerminalIdentity& identity,
                                            const MessageStamp& stamp,
                                            const RequestSecurity& security);
    static Result<iso8583::Message> echo(const TerminalIdentity& identity,
                                         const MessageStamp& stamp, const RequestSecurity& security)
    {
        return request(kEchoTest, identity, stamp, security);
    }
    static Result<iso8583::Message> signOn(const TerminalIdentity& identity,
                                           const MessageStamp& stamp,
                                           const RequestSecurity& security)
    {
        return request(kSignOn, identity, stamp, security);
    }
};

} // namespace cardlink::online
