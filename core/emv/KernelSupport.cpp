#include "emv/KernelSupport.h"

#include "crypto/Hash.h"
#include "tlv/Dol.h"
#include "util/PanMask.h"

#include <algorithm>
#include <array>
#include <ctime>

namespace cardlink::emv {

namespace {
Bytes binary(std::uint64_t value, std::size_t bytes)
{
    Bytes out(bytes, 0);
    for (std::size_t i = bytes; i-- > 0;) {
        out[i] = static_cast<std::uint8_t>(value & 0xFF);
        value >>= 8;
    }
    return out;
}

Bytes text(const std::string& value)
{
    return Bytes(value.begin(), value.end());
}

std::uint8_t bcdByte(int value)
{
    return static_cast<std::uint8_t>(((value / 10) << 4) | (value % 10));
}
} // namespace

TransactionData terminalDataObjects(const TerminalConfig& config, const TransactionRequest& request,
                                    const Clock& clock, Random& random)
{
    TransactionData data;
    data.set(0x9F35, config.terminalType);
    data.set(0x9F33, config.capabilities);
    data.set(0x9F40, config.additionalCapabilities);
    data.set(0x9F1A, config.countryCode);
    data.set(0x5F2A, config.currencyCode);
    data.set(0x5F36, Bytes{config.currencyExponent});
    data.set(0x9F15, config.merchantCategoryCode);
    data.set(0x9F1C, text(config.terminalId));
    data.set(0x9F16, text(config.merchantId));
    data.set(0x9F1E, text(config.ifdSerial));
    data.set(0x9F09, config.applicationVersion);
    data.set(0x9F1B, binary(config.floorLimit, 4));
    data.set(0x9F02, TransactionData::bcd(request.amount, 6));
    data.set(0x81, binary(request.amount, 4));
    data.set(0x9F03, TransactionData::bcd(request.otherAmount, 6));
    data.set(0x9F04, binary(request.otherAmount, 4));
    data.set(0x9C, Bytes{request.type});
    data.set(0x9F39, Bytes{0x05}); // POS entry mode: integrated circuit card

    const auto when = request.dateTime.value_or(clock.now());
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    data.set(0x9A,
             Bytes{bcdByte(utc.tm_year % 100), bcdByte(utc.tm_mon + 1), bcdByte(utc.tm_mday)});
    data.set(0x9F21, Bytes{bcdByte(utc.tm_hour), bcdByte(utc.tm_min), bcdByte(utc.tm_sec)});

    std::array<std::uint8_t, 4> unpredictable{};
    random.fill(unpredictable);
    data.set(0x9F37, Bytes(unpredictable.begin(), unpredictable.end()));
    data.set(0x95, Bytes(5, 0));
    data.set(0x9B, Bytes(2, 0));
    return data;
}

void storeFciObjects(const SelectedApplication& app, TransactionData& data)
{
    data.set(0x84, app.dfName);
    data.set(0x4F, app.dfName);
    if (app.fci.empty())
        return;
    const auto* proprietary = app.fci.front().find(0xA5);
    if (!proprietary)
        return;
    for (const tlv::Tag tag : {0x50u, 0x87u, 0x9F38u, 0x5F2Du, 0x9F11u, 0x9F12u}) {
        if (const auto* object = proprietary->find(tag))
            data.set(tag, object->value);
    }
    if (const auto* discretionary = proprietary->find(0xBF0C)) {
        for (const auto& child : discretionary->children) {
            if (!child.isConstructed())
                data.set(child.tag, child.value);
        }
    }
}

bool isCardDataError(const Error& error)
{
    return error.code == ErrorCode::Malformed || error.code == ErrorCode::Truncated ||
           error.code == ErrorCode::Unsupported;
}

std::string maskedPanOf(const TransactionData& data)
{
    const auto pan = data.get(0x5A);
    if (!pan)
        return {};
    std::string digits;
    for (const auto byte : *pan) {
        for (const int nibble : {byte >> 4, byte & 0x0F}) {
            if (nibble > 9)
                return maskPan(digits);
            digits.push_back(static_cast<char>('0' + nibble));
        }
    }
    return maskPan(digits);
}

Result<void> prepareTcHash(TransactionData& data, ByteView cdol, ByteView defaultTdol, Tvr& tvr)
{
    auto entries = tlv::parseDol(cdol);
    if (!entries)
        return makeError(ErrorCode::Malformed, "bad CDOL: " + entries.error().message);
    const bool wantsHash = std::any_of(entries->begin(), entries->end(),
                                       [](const tlv::DolEntry& e) { return e.tag == 0x98; });
    if (!wantsHash)
        return {};
    Bytes tdol;
    if (const auto cardTdol = data.get(0x97)) {
        tdol.assign(cardTdol->begin(), cardTdol->end());
    } else {
        tdol.assign(defaultTdol.begin(), defaultTdol.end());
        if (!tdol.empty())
            tvr.set(TvrBit::DefaultTdolUsed);
    }
    auto tdolData = tlv::buildDolData(tdol, data.lookup());
    if (!tdolData)
        return makeError(ErrorCode::Malformed, "bad TDOL: " + tdolData.error().message);
    auto hash = crypto::sha1(*tdolData);
    if (!hash)
        return hash.error();
    data.set(0x98, std::move(*hash));
    return {};
}

std::string declineReason(Cryptogram requested, std::uint8_t cid, const std::string& prefix)
{
    std::string reason = prefix + " (AAC";
    if (requested == Cryptogram::Aac)
        reason += "; terminal action analysis: denial codes matched";
    else
        reason += std::string("; card declined when asked for ") + cryptogramName(requested);
    // Book 3, 6.5.5.4, table 14: CID b3-b1 reason/advice code.
    switch (cid & 0x07) {
    case 0x01:
        reason += "; service not allowed";
        break;
    case 0x02:
        reason += "; PIN try limit exceeded";
        break;
    case 0x03:
        reason += "; issuer authentication failed";
        break;
    default:
        break;
    }
    return reason + ")";
}

} // namespace cardlink::emv
