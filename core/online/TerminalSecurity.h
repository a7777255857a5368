#pragma once

#include "dukpt/DukptTerminal.h"
#include "iso8583/Message.h"
#include "online/MessageMac.h"
#include "pin/PinBlock.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <string_view>

namespace cardlink::online {

// How a terminal message is protected (docs/dukpt.md): the DUKPT key of this
// transaction (one KSN per message; a PIN block and a MAC in the same
// message share it) and whether the message is MACed (always on modem
// links, on TLS when the terminal is configured so).
struct RequestSecurity
{
    const dukpt::TransactionKey* transactionKey = nullptr;
    bool mac = false;
};

// The terminal side of PIN encipherment and message MACs.
class TerminalSecurity
{
public:
    // Fields 52 (format 4 block under the DUKPT PIN key) and 53 (KSN).
    static Result<void> addPin(iso8583::Message& message, ByteView pin, std::string_view pan,
                               const dukpt::TransactionKey& key,
                               const pin::RandomSource& random = pin::systemRandom());
    // When `security.mac`: field 53 and the MAC under the MAC generation key
    // (a request). InvalidArgument when a MAC is asked for without a key.
    static Result<void> protect(iso8583::Message& message, const RequestSecurity& security);
    // The last step of every terminal message builder: protect(), then the
    // CardLink profile's rules for its MTI (iso8583::MessageValidator).
    static Result<iso8583::Message> seal(iso8583::Message message, const RequestSecurity& security);
    // A response's MAC under the MAC verification key of the request's key.
    static Result<MacCheck> verifyResponse(const iso8583::Message& response,
                                           const dukpt::TransactionKey& key);
};

} // namespace cardlink::online
