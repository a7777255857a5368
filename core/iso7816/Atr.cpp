#include "iso7816/Atr.h"
#include "util/Bytes.h"

#include "iso7816/TransmissionFactors.h"

#include <algorithm>
#include <cstdio>

namespace cardlink::iso7816 {

namespace {
// Bits 5..8 of T0 and of each TDi announce TAi+1, TBi+1, TCi+1, TDi+1
// (ISO/IEC 7816-3:2006, 8.2.2 and 8.2.3).
constexpr std::uint8_t kTaPresent = 0x10;
constexpr std::uint8_t kTbPresent = 0x20;
constexpr std::uint8_t kTcPresent = 0x40;
constexpr std::uint8_t kTdPresent = 0x80;

std::string count(std::size_t n, const char* unit)
{
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}
} // namespace

Result<Atr> Atr::parse(ByteView bytes)
{
    if (bytes.empty())
        return makeError(ErrorCode::Truncated, "empty: no TS");
    // 8.1: TS is '3B' (direct) or '3F' (inverse); nothing else is an ATR.
    if (bytes[0] != kTsDirect && bytes[0] != kTsInverse)
        return makeError(ErrorCode::Malformed, "bad TS: " + hexByte(bytes[0]) +
                                                   " is neither 3B (direct) nor 3F (inverse)");
    if (bytes.size() < 2)
        return makeError(ErrorCode::Truncated, "truncated: T0 missing after TS");

    Atr atr;
    atr.m_convention = bytes[0] == kTsDirect ? Convention::Direct : Convention::Inverse;

    // Walk the chain T0 -> TD1 -> TD2 ... (8.2.3). Every step consumes at least
    // one byte and stops at the end of the input or at 33 bytes, so it ends.
    std::size_t pos = 2;
    std::uint8_t indicator = bytes[1];
    std::optional<int> previousT;
    std::optional<int> firstNonZeroT; // makes TCK required (8.2.5)
    for (int i = 1;; ++i) {
        AtrInterfaceGroup group;
        group.index = i;
        group.previousT = previousT;
        const std::pair<std::uint8_t, std::optional<std::uint8_t>*> slots[] = {
            {kTaPresent, &group.ta},
            {kTbPresent, &group.tb},
            {kTcPresent, &group.tc},
            {kTdPresent, &group.td}};
        static constexpr const char* kNames[] = {"TA", "TB", "TC", "TD"};
        for (std::size_t s = 0; s < 4; ++s) {
            if (!(indicator & slots[s].first))
                continue;
            const std::string name = kNames[s] + std::to_string(i);
            if (pos >= kMaxLength)
                return makeError(ErrorCode::Malformed, "too long: " + name + " would be byte " +
                                                           std::to_string(pos + 1) +
                                                           ", an ATR has at most 33");
            if (pos >= bytes.size())
                return makeError(ErrorCode::Truncated, "truncated: " + name +
                                                           " announced, but the ATR ends after " +
                                                           count(bytes.size(), "byte"));
            *slots[s].second = bytes[pos++];
        }
        atr.m_groups.push_back(group);
        if (!group.td)
            break;
        indicator = *group.td;
        previousT = *group.td & 0x0F;
        if (*previousT != 0 && !firstNonZeroT)
            firstNonZeroT = previousT;
    }
    // 8.2.5: TCK is present iff some T other than 0 is indicated.
    const bool tckRequired = firstNonZeroT.has_value();

    const std::size_t k = bytes[1] & 0x0F;
    const std::size_t historicalEnd = pos + k;
    const std::size_t required = historicalEnd + (tckRequired ? 1 : 0);
    if (required > kMaxLength)
        return makeError(ErrorCode::Malformed, "too long: the ATR announces " +
                                                   count(required, "byte") +
                                                   ", at most 33 allowed");
    if (bytes.size() < historicalEnd)
        return makeError(ErrorCode::Truncated, "truncated: " + count(k, "historical byte") +
                                                   " announced, only " +
                                                   std::to_string(bytes.size() - pos) + " present");
    if (bytes.size() < required)
        return makeError(ErrorCode::Truncated,
                         "missing TCK: required because T=" + std::to_string(*firstNonZeroT) +
                             " is indicated (8.2.5)");
    if (bytes.size() > required) {
        std::string message =
            "extra bytes: " + count(bytes.size() - required, "byte") + " after the end of the ATR";
        if (!tckRequired && bytes.size() == required + 1)
            message += " (a TCK, though only T=0 is indicated?)";
        return makeError(ErrorCode::Malformed, message);
    }

    atr.m_raw.assign(bytes.begin(), bytes.end());
    atr.m_historical = HistoricalBytes::parse(bytes.subspan(pos, k));
    atr.m_tckPresent = tckRequired;
    if (tckRequired) {
        std::uint8_t x = 0;
        for (std::size_t j = 1; j < bytes.size(); ++j)
            x ^= bytes[j];
        atr.m_tckValid = x == 0;
    }
    atr.collectWarnings();
    return atr;
}

std::optional<std::uint8_t> Atr::ta(int i) const
{
    return i >= 1 && static_cast<std::size_t>(i) <= m_groups.size() ? m_groups[i - 1].ta
                                                                    : std::nullopt;
}

std::optional<std::uint8_t> Atr::tb(int i) const
{
    return i >= 1 && static_cast<std::size_t>(i) <= m_groups.size() ? m_groups[i - 1].tb
                                                                    : std::nullopt;
}

std::optional<std::uint8_t> Atr::tc(int i) const
{
    return i >= 1 && static_cast<std::size_t>(i) <= m_groups.size() ? m_groups[i - 1].tc
                                                                    : std::nullopt;
}

std::optional<std::uint8_t> Atr::td(int i) const
{
    return i >= 1 && static_cast<std::size_t>(i) <= m_groups.size() ? m_groups[i - 1].td
                                                                    : std::nullopt;
}

std::vector<int> Atr::indicatedTypes() const
{
    std::vector<int> types;
    for (const auto& group : m_groups) {
        if (auto t = group.protocol())
            types.push_back(*t);
    }
    return types;
}

std::vector<int> Atr::protocols() const
{
    std::vector<int> offered;
    for (int t : indicatedTypes()) {
        if (t != kGlobalT && std::find(offered.begin(), offered.end(), t) == offered.end())
            offered.push_back(t);
    }
    // 8.2.3: without TD1 (or with only T=15 named) T=0 is the only offer.
    if (offered.empty())
        offered.push_back(0);
    return offered;
}

bool Atr::offers(int t) const
{
    const auto offered = protocols();
    return std::find(offered.begin(), offered.end(), t) != offered.end();
}

std::optional<std::uint8_t> Atr::tck() const
{
    return m_tckPresent ? std::optional<std::uint8_t>(m_raw.back()) : std::nullopt;
}

std::optional<int> Atr::fi() const
{
    auto conversion = clockRateConversion(fiIndex());
    return conversion ? std::optional<int>(conversion->fi) : std::nullopt;
}

std::optional<int> Atr::di() const
{
    return baudRateAdjustment(diIndex());
}

std::optional<int> Atr::fMaxKHz() const
{
    auto conversion = clockRateConversion(fiIndex());
    return conversion ? std::optional<int>(conversion->fMaxKHz) : std::nullopt;
}

// 8.3: TA2, the specific mode byte. b8: 0 = able to change mode; b5: 1 =
// implicit parameters; b4..b1: the protocol T of the specific mode.
std::optional<int> Atr::specificModeProtocol() const
{
    auto ta2 = ta(2);
    return ta2 ? std::optional<int>(*ta2 & 0x0F) : std::nullopt;
}

bool Atr::canChangeMode() const
{
    auto ta2 = ta(2);
    return ta2 && !(*ta2 & 0x80);
}

bool Atr::implicitParameters() const
{
    auto ta2 = ta(2);
    return ta2 && (*ta2 & 0x10);
}

std::optional<std::uint8_t> Atr::firstTa(int t) const
{
    for (std::size_t i = 2; i < m_groups.size(); ++i) {
        if (m_groups[i].previousT == t && m_groups[i].ta)
            return m_groups[i].ta;
    }
    return std::nullopt;
}

std::optional<std::uint8_t> Atr::firstTb(int t) const
{
    for (std::size_t i = 2; i < m_groups.size(); ++i) {
        if (m_groups[i].previousT == t && m_groups[i].tb)
            return m_groups[i].tb;
    }
    return std::nullopt;
}

std::optional<std::uint8_t> Atr::firstTc(int t) const
{
    for (std::size_t i = 2; i < m_groups.size(); ++i) {
        if (m_groups[i].previousT == t && m_groups[i].tc)
            return m_groups[i].tc;
    }
    return std::nullopt;
}

T1ErrorDetection Atr::errorDetection() const
{
    // 11.4.4: bit 1 of the first TC for T=1; LRC by default.
    return (firstTc(1).value_or(0) & 0x01) ? T1ErrorDetection::Crc : T1ErrorDetection::Lrc;
}

ClockStop Atr::clockStop() const
{
    auto ta = firstTa(kGlobalT);
    return ta ? static_cast<ClockStop>(*ta >> 6) : ClockStop::NotSupported;
}

// 8.3: bits 6..1 of the first TA for T=15; its absence means class A only.
std::uint8_t Atr::classIndicator() const
{
    auto ta = firstTa(kGlobalT);
    return ta ? static_cast<std::uint8_t>(*ta & 0x3F) : 0x01;
}

bool Atr::supportsClassA() const
{
    return classIndicator() & 0x01;
}

bool Atr::supportsClassB() const
{
    return classIndicator() & 0x02;
}

bool Atr::supportsClassC() const
{
    return classIndicator() & 0x04;
}

void Atr::collectWarnings()
{
    if (m_tckPresent && !m_tckValid) {
        std::uint8_t expected = 0;
        for (std::size_t j = 1; j + 1 < m_raw.size(); ++j)
            expected ^= m_raw[j];
        m_warnings.push_back("TCK " + hexByte(m_raw.back()) + " does not verify, expected " +
                             hexByte(expected) + " (8.2.5)");
    }
    if (td(1) && (*td(1) & 0x0F) == kGlobalT)
        m_warnings.push_back("TD1 names T=15, which is invalid in TD1 (8.2.3)");
    if (ta(1) && !fi())
        m_warnings.push_back("TA1 Fi index " + std::to_string(fiIndex()) + " is RFU (table 7)");
    if (ta(1) && !di())
        m_warnings.push_back("TA1 Di index " + std::to_string(diIndex()) + " is RFU (table 8)");
    if (tb(1) || tb(2))
        m_warnings.push_back("TB1/TB2 (VPP) are deprecated since ISO/IEC 7816-3:2006 and ignored");
    if (tc(2) && *tc(2) == 0)
        m_warnings.push_back("TC2 = 00: WI 0 is reserved (10.2)");
    if (auto a = firstTa(1); a && (*a == 0x00 || *a == 0xFF))
        m_warnings.push_back("IFSC " + hexByte(*a) + " is RFU (11.4.2)");
    if (auto a = ta(2); a && (*a & 0x60))
        m_warnings.push_back("TA2 bits 7-6 are RFU and not 0 (8.3)");
    if (!m_historical.problem().empty())
        m_warnings.push_back("historical bytes: " + m_historical.problem());
}

} // namespace cardlink::iso7816
