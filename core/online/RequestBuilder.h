#pragma once

#include "emv/OnlineAuthorization.h"
#include "emv/TransactionData.h"
#include "iso8583/Message.h"
#include "online/MessageStamp.h"
#include "online/TerminalIdentity.h"
#include "online/TerminalSecurity.h"
#include "util/Result.h"

#include <string>

namespace cardlink::online {

enum class RequestType {
    Authorization, // 0100: pre-authorization, no money moves yet
    Purchase,      // 0200: financial transaction
};

struct RequestOptions
{
    RequestType type = RequestType::Purchase;
    std::string posConditionCode = "00"; // field 25: 00 normal, 08 home order by phone
};

// Card requests from the EMV kernel's data (docs/iso8583-profile.md): pure
// functions, no I/O. Every message is checked with MessageValidator before
// it is returned.
class RequestBuilder
{
public:
    // 0100/0200 from the kernel's ARQC request. Fields: 3 (from 9C), 4
    // (9F02), 7/11 (stamp), 12/13 (9F21/9A, else the stamp), 14, 23, 2 or 35
    // (card data: track 2 when the card gave 57), 22 (051 with a PIN, 052
    // without), 25, 41, 42, 49 (5F2A, else the identity's currency), 55, and
    // 52/53 when an online PIN was captured (then `security.transactionKey`
    // is required: a PIN never goes out in clear). MACed when asked.
    static Result<iso8583::Message> onlineRequest(const emv::OnlineRequest& request,
                                                  const TerminalIdentity& identity,
                                                  const MessageStamp& stamp,
                                                  const RequestOptions& options,
                                                  const RequestSecurity& security);

    // 0220 advice of an offline approval (the card's TC): the same fields
    // without a PIN, and 38 = the authorisation code (89) or "Y1" (EMV 4.4
    // Book 4, A6: offline approved) when the card gave none.
    static Result<iso8583::Message> offlineAdvice(const emv::TransactionData& data,
                                                  const TerminalIdentity& identity,
                                                  const MessageStamp& stamp,
                                                  const RequestSecurity& security);
};

} // namespace cardlink::online
