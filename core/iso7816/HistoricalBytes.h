#pragma once

#include "iso7816/CompactTlvObject.h"
#include "util/Bytes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cardlink::iso7816 {

// How the first historical byte says the rest is coded (ISO/IEC 7816-4:2013,
// 8.1.1.1, table 83).
enum class HistoricalCategory {
    Empty,            // K = 0
    StatusAtEnd,      // '00': COMPACT-TLV objects, then LCS SW1 SW2 not TLV-coded
    DirDataReference, // '10': the next byte is a DIR data reference
    CompactTlv,       // '80': COMPACT-TLV objects, status in an optional '8Y' object
    Rfu,              // '81'-'8F'
    Proprietary,      // anything else
};

// The historical bytes T1..TK of an ATR, decoded best effort: odd contents are
// reported in problem() and never make the ATR itself invalid, since many
// cards in the field use them freely.
class HistoricalBytes
{
public:
    HistoricalBytes() = default;
    static HistoricalBytes parse(ByteView bytes);

    const Bytes& raw() const { return m_raw; }
    HistoricalCategory category() const { return m_category; }
    const std::vector<CompactTlvObject>& objects() const { return m_objects; }
    const CompactTlvObject* find(std::uint8_t tag) const;

    // From the trailing status indicator ('00') or the '8Y' object ('80').
    std::optional<std::uint8_t> lifeCycleStatus() const { return m_lifeCycleStatus; }
    std::optional<std::uint16_t> statusWord() const { return m_statusWord; }
    std::optional<std::uint8_t> dirDataReference() const { return m_dirDataReference; }

    // Why decoding stopped early or what looked wrong; empty when all was clean.
    const std::string& problem() const { return m_problem; }
    // Bytes left undecoded after a problem.
    const Bytes& undecoded() const { return m_undecoded; }

    // One fact per line, without trailing newlines.
    std::vector<std::string> describe() const;

private:
    void parseObjects(ByteView bytes);
    void takeStatus(ByteView status);
    bool parsePcscStorageCard();

    Bytes m_raw;
    HistoricalCategory m_category = HistoricalCategory::Empty;
    std::vector<CompactTlvObject> m_objects;
    std::optional<std::uint8_t> m_lifeCycleStatus;
    std::optional<std::uint16_t> m_statusWord;
    std::optional<std::uint8_t> m_dirDataReference;
    std::string m_problem;
    Bytes m_undecoded;
    bool m_pcscStorageCard = false;
};

} // namespace cardlink::iso7816
