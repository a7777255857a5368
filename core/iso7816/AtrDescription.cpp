// Atr::describe(): the readable decoding shown by the diagnostics screen and
// `cardlink-cli atr`. One fact per line, citing ISO/IEC 7816-3:2006.
#include "iso7816/Atr.h"
#include "util/Bytes.h"

#include "iso7816/TransmissionFactors.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace cardlink::iso7816 {

namespace {
std::string kiloHertz(int kHz)
{
    char text[32];
    if (kHz % 1000 == 0)
        std::snprintf(text, sizeof text, "%d MHz", kHz / 1000);
    else
        std::snprintf(text, sizeof text, "%d.%d MHz", kHz / 1000, (kHz % 1000) / 100);
    return text;
}

std::string announced(std::uint8_t indicator, int i)
{
    std::string text;
    static constexpr const char* kNames[] = {"TA", "TB", "TC", "TD"};
    for (int s = 0; s < 4; ++s) {
        if (indicator & (0x10 << s))
            text += std::string(text.empty() ? "" : " ") + kNames[s] + std::to_string(i);
    }
    return text.empty() ? "no interface bytes" : text + " present";
}

std::string printable(const Bytes& bytes)
{
    std::string text;
    for (auto b : bytes)
        text.push_back(b >= 0x20 && b < 0x7F ? static_cast<char>(b) : '.');
    return text;
}

// 8.3 (ISO/IEC 7816-3:1997, 6.5.3): TB1 = PI1 (b5..b1, volts) and II (b7..b6).
std::string describeTb1(std::uint8_t tb1)
{
    if (tb1 == 0x00)
        return "VPP not connected (deprecated byte)";
    static constexpr int kCurrent[] = {25, 50, 100, 0};
    const int ii = (tb1 >> 5) & 0x03;
    std::string text = "deprecated VPP byte, ignored: PI1 = " + std::to_string(tb1 & 0x1F) + " V";
    text += kCurrent[ii] ? ", I = " + std::to_string(kCurrent[ii]) + " mA" : ", I RFU";
    return text;
}

// A byte whose meaning this decoder does not spell out: a later TAi/TBi/TCi
// for the same T, or one the standard leaves to the protocol's own part.
std::string laterByte(int t)
{
    return t == Atr::kGlobalT ? "global interface byte (T=15)"
                              : "specific to T=" + std::to_string(t);
}

std::string describeGlobalSpecific(int t, char kind, std::uint8_t value)
{
    if (t == 1 && kind == 'A')
        return "T=1 IFSC = " + std::to_string(value);
    if (t == 1 && kind == 'B')
        return "T=1 BWI = " + std::to_string(value >> 4) +
               ", CWI = " + std::to_string(value & 0x0F);
    if (t == 1 && kind == 'C')
        return std::string("T=1 error detection: ") + ((value & 0x01) ? "CRC" : "LRC");
    if (t == Atr::kGlobalT && kind == 'A') {
        static constexpr const char* kStop[] = {"not supported", "state L", "state H",
                                                "no preference"};
        std::string classes;
        if (value & 0x01)
            classes += " A";
        if (value & 0x02)
            classes += " B";
        if (value & 0x04)
            classes += " C";
        return std::string("T=15 clock stop ") + kStop[value >> 6] + ", classes" +
               (classes.empty() ? " none" : classes);
    }
    if (t == Atr::kGlobalT && kind == 'B')
        return "T=15 SPU (use of C6) = " + hexByte(value);
    return laterByte(t);
}
} // namespace

std::string Atr::describe() const
{
    std::ostringstream out;
    out << "ATR: " << toSpacedHex(m_raw) << '\n';
    out << "length: " << m_raw.size() << " bytes\n";
    out << "TS = " << hexByte(m_raw[0]) << ": "
        << (m_convention == Convention::Direct ? "direct" : "inverse") << " convention\n";
    out << "T0 = " << hexByte(t0()) << ": " << announced(t0(), 1)
        << ", K = " << historicalByteCount() << " historical bytes\n";

    std::vector<std::string> firstSeen; // "first TA/TB/TC for T" applies once per T and kind
    for (const auto& g : m_groups) {
        const std::string i = std::to_string(g.index);
        if (g.index == 1) {
            if (g.ta) {
                out << "TA1 = " << hexByte(*g.ta)
                    << ": Fi = " << (fi() ? std::to_string(*fi()) : "RFU")
                    << ", Di = " << (di() ? std::to_string(*di()) : "RFU")
                    << ", f(max) = " << (fMaxKHz() ? kiloHertz(*fMaxKHz()) : "RFU") << '\n';
            }
            if (g.tb)
                out << "TB1 = " << hexByte(*g.tb) << ": " << describeTb1(*g.tb) << '\n';
            if (g.tc) {
                out << "TC1 = " << hexByte(*g.tc) << ": extra guard time N = " << int(*g.tc);
                out << (*g.tc == 0xFF ? " (minimum guard time: 12 ETU for T=0, 11 for T=1)"
                                      : " ETU")
                    << '\n';
            }
        } else if (g.index == 2) {
            if (g.ta) {
                out << "TA2 = " << hexByte(*g.ta) << ": specific mode T=" << (*g.ta & 0x0F) << ", "
                    << (canChangeMode() ? "can" : "cannot") << " change to negotiable mode, "
                    << (implicitParameters() ? "implicit parameters" : "parameters from TA1")
                    << '\n';
            }
            if (g.tb)
                out << "TB2 = " << hexByte(*g.tb)
                    << ": deprecated VPP byte, ignored: PI2 = " << int(*g.tb)
                    << " (VPP in 0.1 V)\n";
            if (g.tc)
                out << "TC2 = " << hexByte(*g.tc)
                    << ": T=0 waiting time integer WI = " << int(*g.tc) << '\n';
        } else {
            const int t = g.previousT.value_or(0);
            const std::pair<char, std::optional<std::uint8_t>> specific[] = {
                {'A', g.ta}, {'B', g.tb}, {'C', g.tc}};
            for (const auto& [kind, value] : specific) {
                if (!value)
                    continue;
                const std::string key = std::string(1, kind) + std::to_string(t);
                const bool first =
                    std::find(firstSeen.begin(), firstSeen.end(), key) == firstSeen.end();
                firstSeen.push_back(key);
                out << 'T' << kind << i << " = " << hexByte(*value) << ": "
                    << (first ? describeGlobalSpecific(t, kind, *value) : laterByte(t)) << '\n';
            }
        }
        if (g.td) {
            out << "TD" << i << " = " << hexByte(*g.td) << ": " << announced(*g.td, g.index + 1)
                << ", "
                << ((*g.td & 0x0F) == kGlobalT ? "T=15 (global interface bytes follow)"
                                               : "protocol T=" + std::to_string(*g.td & 0x0F))
                << '\n';
        }
    }

    out << "protocols:";
    for (int t : protocols())
        out << " T=" << t;
    out << (td(1) ? "" : " (TD1 absent: T=0 implied)") << '\n';
    out << "mode: "
        << (specificMode() ? "specific (TA2 present)" : "negotiable (TA2 absent, PPS possible)")
        << '\n';
    if (!ta(1))
        out << "Fi = " << kDefaultFi << ", Di = " << kDefaultDi
            << ", f(max) = " << kiloHertz(kDefaultFMaxKHz) << " (defaults, TA1 absent)\n";
    if (offers(1)) {
        out << "T=1 parameters: IFSC = " << ifsc() << ", BWI = " << bwi() << ", CWI = " << cwi()
            << ", error detection " << (errorDetection() == T1ErrorDetection::Crc ? "CRC" : "LRC")
            << '\n';
    }

    const auto& historical = m_historical.raw();
    out << "historical bytes (" << historical.size() << ")";
    if (!historical.empty())
        out << ": " << toSpacedHex(historical) << " \"" << printable(historical) << '"';
    out << '\n';
    if (!historical.empty()) {
        for (const auto& line : m_historical.describe())
            out << "  " << line << '\n';
    }

    if (m_tckPresent) {
        out << "TCK = " << hexByte(m_raw.back()) << ": "
            << (m_tckValid ? "correct" : "WRONG (exclusive-or of T0..TCK is not 0)") << '\n';
    } else {
        out << "TCK absent: only T=0 indicated\n";
    }
    for (const auto& warning : m_warnings)
        out << "warning: " << warning << '\n';
    return out.str();
}

} // namespace cardlink::iso7816
