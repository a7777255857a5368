#pragma once

#include "iso7816/AtrInterfaceGroup.h"
#include "iso7816/HistoricalBytes.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cardlink::iso7816 {

// Set by TS (ISO/IEC 7816-3:2006, 8.1): '3B' direct, '3F' inverse. The bytes
// given to Atr::parse are the decoded characters, as PC/SC reports them.
enum class Convention { Direct, Inverse };

// Error detection code of T=1, bit 1 of the first TC for T=1 (11.4.4).
enum class T1ErrorDetection { Lrc, Crc };

// Clock stop indicator X, bits 8-7 of the first TA for T=15 (8.3, 6.3.2).
enum class ClockStop { NotSupported, StateL, StateH, NoPreference };

// An answer-to-reset: TS, T0, the interface byte groups, the historical bytes
// and, when required, TCK (ISO/IEC 7816-3:2006, clause 8).
//
// parse() accepts only a complete, exact ATR: a TS of 3B or 3F, every byte the
// chain of T0/TDi and K announces, a TCK exactly when some protocol other than
// T=0 is indicated, nothing after it, and at most 33 bytes in total. A TCK that
// does not verify, RFU values and odd historical bytes do not fail the parse;
// they show in tckValid(), warnings() and describe().
//
// Error messages start with a fixed reason before the first ':' — "empty",
// "bad TS", "truncated", "missing TCK", "extra bytes", "too long" — so that
// callers can group failures.
class Atr
{
public:
    static constexpr std::size_t kMaxLength = 33; // TS + at most 32 bytes (8.2.1)
    static constexpr std::uint8_t kTsDirect = 0x3B;
    static constexpr std::uint8_t kTsInverse = 0x3F;
    static constexpr int kGlobalT = 15; // T=15 qualifies global interface bytes (8.2.3)

    static Result<Atr> parse(ByteView bytes);

    const Bytes& raw() const { return m_raw; }
    Convention convention() const { return m_convention; }
    std::uint8_t t0() const { return m_raw[1]; }
    int historicalByteCount() const { return m_raw[1] & 0x0F; } // K

    // Groups i = 1, 2, ... in order; group i is at index i - 1.
    const std::vector<AtrInterfaceGroup>& interfaceGroups() const { return m_groups; }
    std::optional<std::uint8_t> ta(int i) const;
    std::optional<std::uint8_t> tb(int i) const;
    std::optional<std::uint8_t> tc(int i) const;
    std::optional<std::uint8_t> td(int i) const;

    // Offered protocols in the order of the TDi bytes, without repeats and
    // without T=15; {0} when TD1 is absent (8.2.3).
    std::vector<int> protocols() const;
    bool offers(int t) const;
    // Every T named in a TDi, in order (T=15 included).
    std::vector<int> indicatedTypes() const;

    const Bytes& historicalBytes() const { return m_historical.raw(); }
    const HistoricalBytes& historical() const { return m_historical; }

    // TCK (8.2.5): present iff some T other than 0 is indicated; valid when
    // the exclusive-or of T0 .. TCK is zero. tckValid() is false when absent.
    bool tckPresent() const { return m_tckPresent; }
    bool tckValid() const { return m_tckValid; }
    std::optional<std::uint8_t> tck() const;

    // --- Global bytes (8.3) ---
    // TA1, or its default '11' (Fi = 372, Di = 1, f(max) = 5 MHz) when absent.
    std::uint8_t ta1Value() const { return ta(1).value_or(0x11); }
    std::uint8_t fiIndex() const { return ta1Value() >> 4; }
    std::uint8_t diIndex() const { return ta1Value() & 0x0F; }
    // nullopt when TA1 holds an RFU value (tables 7 and 8).
    std::optional<int> fi() const;
    std::optional<int> di() const;
    std::optional<int> fMaxKHz() const;
    // TC1: N, the extra guard time in ETU; 0 when absent. 255 means the minimum
    // guard time (12 ETU for T=0, 11 ETU for T=1).
    int extraGuardTime() const { return tc(1).value_or(0); }
    // TA2 present: specific mode; absent: negotiable mode (6.3.1, 8.3).
    bool specificMode() const { return ta(2).has_value(); }
    std::optional<int> specificModeProtocol() const;
    // TA2 bit 8 = 0: the card can change to negotiable mode.
    bool canChangeMode() const;
    // TA2 bit 5 = 1: Fi/Di are defined implicitly, not by TA1.
    bool implicitParameters() const;
    // TB1 / TB2: VPP programming voltage and current, deprecated since 2006.
    bool hasDeprecatedVpp() const { return tb(1).has_value() || tb(2).has_value(); }

    // --- Protocol-specific bytes: the first TAi / TBi / TCi (i >= 3) after a TD(i-1) naming T ---
    std::optional<std::uint8_t> firstTa(int t) const;
    std::optional<std::uint8_t> firstTb(int t) const;
    std::optional<std::uint8_t> firstTc(int t) const;

    // T=0 (10.2): WI from TC2, 10 when absent.
    int waitingTimeInteger() const { return tc(2).value_or(10); }
    // T=1 (11.4): IFSC from the first TA for T=1 (default 32), BWI/CWI from
    // the first TB for T=1 (defaults 4 and 13), error detection from the first TC.
    int ifsc() const { return firstTa(1).value_or(32); }
    int bwi() const { return firstTb(1).value_or(0x4D) >> 4; }
    int cwi() const { return firstTb(1).value_or(0x4D) & 0x0F; }
    T1ErrorDetection errorDetection() const;
    // T=15 (8.3): clock stop and classes from the first TA for T=15; without
    // it, no clock stop and class A only.
    ClockStop clockStop() const;
    bool supportsClassA() const;
    bool supportsClassB() const;
    bool supportsClassC() const;

    // Things worth an operator's attention that do not make the ATR invalid:
    // TCK mismatch, RFU values, T=15 in TD1, ...
    const std::vector<std::string>& warnings() const { return m_warnings; }

    // Multi-line readable decoding, one fact per line.
    std::string describe() const;

private:
    Atr() = default;
    void collectWarnings();
    std::uint8_t classIndicator() const;

    Bytes m_raw;
    Convention m_convention = Convention::Direct;
    std::vector<AtrInterfaceGroup> m_groups;
    HistoricalBytes m_historical;
    bool m_tckPresent = false;
    bool m_tckValid = false;
    std::vector<std::string> m_warnings;
};

} // namespace cardlink::iso7816
