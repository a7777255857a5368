#pragma once

#include "dukpt/DukptTerminal.h"
#include "emv/OnlineAuthorization.h"
#include "iso8583/Message.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <string>

namespace cardlink::online {

// Reads the host's answers on the terminal (pure functions). Everything in a
// response is untrusted: a response that does not answer the request, does
// not follow the profile or fails its MAC is an Error (Malformed), and the
// caller treats the transaction as not answered (reversal), never as a
// decision.
class ResponseParser
{
public:
    // The response answers `request`: its MTI is the request's response MTI
    // (0100 -> 0110, 0401 -> 0410, ...), fields 11, 41 and 7 are the
    // request's, it passes MessageValidator, and when `macKey` is given its
    // MAC is valid under the MAC verification key of that DUKPT key.
    static Result<void> checkAnswer(const iso8583::Message& response,
                                    const iso8583::Message& request,
                                    const dukpt::TransactionKey* macKey = nullptr);

    // 0110/0210 -> the kernel's OnlineResponse (EMV 4.4 Book 3, 10.9):
    // field 39 -> decision (approve codes -> Approved, "retry" codes such as
    // 91 and 96 -> UnableToGoOnline, all others and unknown codes ->
    // Declined) and 8A; field 38 -> 89; from field 55 (BER-TLV): 91 (8..16
    // bytes) and every 71/72 template, complete and in order.
    static Result<emv::OnlineResponse> authorization(const iso8583::Message& response,
                                                     const iso8583::Message& request,
                                                     const dukpt::TransactionKey* macKey = nullptr);
    // The same from the bytes on the wire (no length header).
    static Result<emv::OnlineResponse>
    decodeAuthorization(ByteView wire, const iso8583::Message& request,
                        const dukpt::TransactionKey* macKey = nullptr);

    // Field 39 of any other answer (0230, 0410, 0510, 0810) after checkAnswer.
    static Result<std::string> responseCode(const iso8583::Message& response,
                                            const iso8583::Message& request,
                                            const dukpt::TransactionKey* macKey = nullptr);
};

} // namespace cardlink::online
