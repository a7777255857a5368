#include "emv/ProcessingRestrictions.h"

#include <algorithm>

namespace cardlink::emv {

namespace {
int bcdByte(std::uint8_t byte)
{
    const int high = byte >> 4;
    const int low = byte & 0x0F;
    return high > 9 || low > 9 ? -1 : high * 10 + low;
}

// Book 4, Annex A1 (terminal type 14, 15, 16: unattended financial
// institution terminals) with cash capability (9F40 byte 1 bit 8): an ATM.
bool isAtm(const TerminalConfig& config)
{
    const std::uint8_t type = config.terminalType.empty() ? 0 : config.terminalType[0];
    const bool unattendedBank = type == 0x14 || type == 0x15 || type == 0x16;
    const bool cash =
        !config.additionalCapabilities.empty() && (config.additionalCapabilities[0] & 0x80);
    return unattendedBank && cash;
}

void checkUsageControl(const TransactionData& data, const TerminalConfig& config,
                       const TransactionRequest& request, Tvr& tvr)
{
    const auto auc = data.get(0x9F07);
    if (!auc || auc->size() != 2)
        return;
    const std::uint8_t b1 = (*auc)[0];
    const std::uint8_t b2 = (*auc)[1];
    // Book 3, 10.4.2: valid at ATMs (b2) / at other terminals (b1).
    if (isAtm(config) ? !(b1 & 0x02) : !(b1 & 0x01)) {
        tvr.set(TvrBit::ServiceNotAllowed);
        return;
    }
    const auto issuerCountry = data.get(0x5F28);
    if (!issuerCountry)
        return; // the domestic/international checks need the Issuer Country Code
    const bool domestic = std::equal(issuerCountry->begin(), issuerCountry->end(),
                                     config.countryCode.begin(), config.countryCode.end());
    bool allowed = true;
    switch (request.type) {
    case transaction_type::kCash:
        allowed = b1 & (domestic ? 0x80 : 0x40);
        break;
    case transaction_type::kGoodsAndServices:
    case transaction_type::kCashback:
        if (request.services)
            allowed = b1 & (domestic ? 0x08 : 0x04);
        else
            allowed = b1 & (domestic ? 0x20 : 0x10);
        break;
    default:
        break;
    }
    // Cashback: byte 2 bit 8 domestic, bit 7 international.
    if (request.type == transaction_type::kCashback || request.otherAmount > 0) {
        if (!(b2 & (domestic ? 0x80 : 0x40)))
            allowed = false;
    }
    if (!allowed)
        tvr.set(TvrBit::ServiceNotAllowed);
}
} // namespace

std::optional<std::uint32_t> emvDate(ByteView yymmdd)
{
    if (yymmdd.size() != 3)
        return std::nullopt;
    const int yy = bcdByte(yymmdd[0]);
    const int mm = bcdByte(yymmdd[1]);
    const int dd = bcdByte(yymmdd[2]);
    if (yy < 0 || mm < 1 || mm > 12 || dd < 1 || dd > 31)
        return std::nullopt;
    const int year = yy < 50 ? 2000 + yy : 1900 + yy;
    return static_cast<std::uint32_t>(year * 10000 + mm * 100 + dd);
}

void applyProcessingRestrictions(const TransactionData& data, const TerminalConfig& config,
                                 const TransactionRequest& request, Tvr& tvr)
{
    // Book 3, 10.4.1: different versions is only a TVR bit.
    if (const auto version = data.get(0x9F08); version) {
        if (!std::equal(version->begin(), version->end(), config.applicationVersion.begin(),
                        config.applicationVersion.end()))
            tvr.set(TvrBit::IccAndTerminalDifferentVersions);
    }
    checkUsageControl(data, config, request, tvr);

    // Book 3, 10.4.3.
    const auto today = data.get(0x9A) ? emvDate(*data.get(0x9A)) : std::nullopt;
    if (!today)
        return;
    if (const auto effective = data.get(0x5F25); effective) {
        const auto date = emvDate(*effective);
        if (!date || *today < *date)
            tvr.set(TvrBit::ApplicationNotYetEffective);
    }
    if (const auto expiry = data.get(0x5F24); expiry) {
        const auto date = emvDate(*expiry);
        if (!date || *today > *date)
            tvr.set(TvrBit::ExpiredApplication);
    }
}

} // namespace cardlink::emv
