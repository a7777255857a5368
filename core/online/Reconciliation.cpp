#include "online/Reconciliation.h"

#include "host/BatchTotalsText.h"
#include "iso8583/CardLinkProfile.h"

namespace cardlink::online {

namespace field = iso8583::field;

Result<iso8583::Message> Reconciliation::request(const host::BatchTotals& totals,
                                                 const TerminalIdentity& identity,
                                                 const MessageStamp& stamp,
                                                 const RequestSecurity& security)
{
    if (totals.debitCount > 9999 || totals.reversalCount > 9999 || totals.debitAmount < 0 ||
        totals.reversalAmount < 0 || totals.debitAmount > 999999999999 ||
        totals.reversalAmount > 999999999999)
        return makeError(ErrorCode::InvalidArgument, "batch totals do not fit field 48");
    iso8583::Message m("0500");
    m.set(field::kProcessingCode, "920000");
    m.set(field::kTransmissionDateTime, stamp.transmissionDateTime());
    m.set(field::kStan, stamp.stanText());
    m.set(field::kTerminalId, identity.terminalId);
    std::string merchant = identity.merchantId;
    if (merchant.size() < 15)
        merchant.append(15 - merchant.size(), ' ');
    m.set(field::kMerchantId, merchant);
    m.set(field::kAdditionalData, host::BatchTotalsText::format(totals));
    m.set(field::kCurrencyCode, identity.currencyCode);
    return TerminalSecurity::seal(std::move(m), security);
}

} // namespace cardlink::online
