#pragma once

#include "host/LedgerEntry.h"
#include "iso8583/Message.h"
#include "online/MessageStamp.h"
#include "online/TerminalIdentity.h"
#include "online/TerminalSecurity.h"
#include "util/Result.h"

namespace cardlink::online {

// 0500 batch close with the terminal's totals in field 48, in the layout the
// host compares with its ledger (docs/iso8583-profile.md, "Reconciliation
// totals"; host::BatchTotalsText).
class Reconciliation
{
public:
    static Result<iso8583::Message> request(const host::BatchTotals& totals,
                                            const TerminalIdentity& identity,
                                            const MessageStamp& stamp,
                                            const RequestSecurity& security);
};

} // namespace cardlink::online
