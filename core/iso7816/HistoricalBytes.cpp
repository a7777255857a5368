#include "iso7816/HistoricalBytes.h"
#include "util/Bytes.h"

#include <algorithm>
#include <cstdio>

namespace cardlink::iso7816 {

namespace {
// ISO/IEC 7816-4:2013, 8.1.1.1, table 83.
constexpr std::uint8_t kCategoryStatusAtEnd = 0x00;
constexpr std::uint8_t kCategoryDirDataReference = 0x10;
constexpr std::uint8_t kCategoryCompactTlv = 0x80;

// PC/SC Part 3, 3.1.3.2.3: contactless storage cards answer with the
// historical bytes 80 4F 0C RID(5) SS NN NN 00 00 00 00, where 4F 0C is a
// BER-TLV AID header rather than a COMPACT-TLV one.
constexpr std::uint8_t kPcscRid[] = {0xA0, 0x00, 0x00, 0x03, 0x06};
constexpr std::size_t kPcscStorageLength = 15;

std::string spaced(ByteView bytes)
{
    return toSpacedHex(bytes);
}

} // namespace

HistoricalBytes HistoricalBytes::parse(ByteView bytes)
{
    HistoricalBytes h;
    h.m_raw.assign(bytes.begin(), bytes.end());
    if (bytes.empty())
        return h;

    const std::uint8_t indicator = bytes[0];
    const ByteView rest = bytes.subspan(1);
    if (indicator == kCategoryStatusAtEnd) {
        h.m_category = HistoricalCategory::StatusAtEnd;
        // 8.1.1.3: the last three bytes are LCS SW1 SW2, outside any TLV.
        if (rest.size() < 3) {
            h.m_problem = "category 00 needs a 3-byte status indicator, only " +
                          std::to_string(rest.size()) + " byte(s) follow";
            h.m_undecoded.assign(rest.begin(), rest.end());
            return h;
        }
        h.parseObjects(rest.first(rest.size() - 3));
        h.takeStatus(rest.last(3));
    } else if (indicator == kCategoryDirDataReference) {
        h.m_category = HistoricalCategory::DirDataReference;
        // 8.1.1.4: one byte, its coding outside the scope of 7816-4.
        if (rest.empty()) {
            h.m_problem = "category 10 without the DIR data reference byte";
        } else {
            h.m_dirDataReference = rest[0];
            if (rest.size() > 1) {
                h.m_problem = "unexpected bytes after the DIR data reference";
                h.m_undecoded.assign(rest.begin() + 1, rest.end());
            }
        }
    } else if (indicator == kCategoryCompactTlv) {
        h.m_category = HistoricalCategory::CompactTlv;
        if (!h.parsePcscStorageCard()) {
            h.parseObjects(rest);
            if (const auto* status = h.find(CompactTlvObject::kStatusIndicator))
                h.takeStatus(status->value);
        }
    } else if (indicator > kCategoryCompactTlv && indicator <= 0x8F) {
        h.m_category = HistoricalCategory::Rfu;
    } else {
        h.m_category = HistoricalCategory::Proprietary;
    }
    return h;
}

void HistoricalBytes::parseObjects(ByteView bytes)
{
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const std::uint8_t header = bytes[pos];
        const std::size_t length = header & 0x0F;
        if (length > bytes.size() - pos - 1) {
            m_problem = "COMPACT-TLV object " + hexByte(header) + " announces " +
                        std::to_string(length) + " byte(s), only " +
                        std::to_string(bytes.size() - pos - 1) + " left";
            m_undecoded.assign(bytes.begin() + static_cast<std::ptrdiff_t>(pos), bytes.end());
            return;
        }
        const auto first = bytes.begin() + static_cast<std::ptrdiff_t>(pos + 1);
        m_objects.push_back(
            CompactTlvObject{static_cast<std::uint8_t>(header >> 4),
                             Bytes(first, first + static_cast<std::ptrdiff_t>(length))});
        pos += 1 + length;
    }
}

void HistoricalBytes::takeStatus(ByteView status)
{
    // ISO/IEC 7816-4:2013, 8.1.1.3: LCS, SW1-SW2, or LCS followed by SW1-SW2.
    if (status.size() == 1 || status.size() == 3)
        m_lifeCycleStatus = status[0];
    if (status.size() == 2 || status.size() == 3)
        m_statusWord = readU16(status, status.size() - 2);
}

bool HistoricalBytes::parsePcscStorageCard()
{
    if (m_raw.size() != kPcscStorageLength || m_raw[1] != 0x4F || m_raw[2] != 0x0C ||
        !std::equal(std::begin(kPcscRid), std::end(kPcscRid), m_raw.begin() + 3))
        return false;
    m_pcscStorageCard = true;
    return true;
}

const CompactTlvObject* HistoricalBytes::find(std::uint8_t tag) const
{
    auto it = std::find_if(m_objects.begin(), m_objects.end(),
                           [tag](const CompactTlvObject& o) { return o.tag == tag; });
    return it == m_objects.end() ? nullptr : &*it;
}

std::vector<std::string> HistoricalBytes::describe() const
{
    std::vector<std::string> lines;
    if (m_raw.empty()) {
        lines.push_back("no historical bytes");
        return lines;
    }
    const std::string indicator = hexByte(m_raw[0]);
    switch (m_category) {
    case HistoricalCategory::Empty:
        break;
    case HistoricalCategory::StatusAtEnd:
        lines.push_back("category indicator " + indicator +
                        ": COMPACT-TLV objects, then a status indicator");
        break;
    case HistoricalCategory::DirDataReference:
        lines.push_back("category indicator " + indicator + ": DIR data reference");
        break;
    case HistoricalCategory::CompactTlv:
        lines.push_back("category indicator " + indicator +
                        ": COMPACT-TLV objects, optional status indicator object");
        break;
    case HistoricalCategory::Rfu:
        lines.push_back("category indicator " + indicator + ": RFU, not decoded");
        break;
    case HistoricalCategory::Proprietary:
        lines.push_back("category indicator " + indicator + ": proprietary, not decoded");
        break;
    }
    if (m_pcscStorageCard) {
        lines.push_back("PC/SC Part 3 contactless storage card: RID " +
                        spaced(ByteView(m_raw).subspan(3, 5)) + ", standard " + hexByte(m_raw[8]) +
                        ", card name " + spaced(ByteView(m_raw).subspan(9, 2)));
    }
    for (const auto& object : m_objects) {
        for (auto& line : object.describe())
            lines.push_back(line);
    }
    if (m_dirDataReference)
        lines.push_back("DIR data reference: " + hexByte(*m_dirDataReference));
    if (m_category == HistoricalCategory::StatusAtEnd && m_lifeCycleStatus && m_statusWord) {
        lines.push_back("status indicator: life cycle status " + hexByte(*m_lifeCycleStatus) +
                        " (" + describeLifeCycleStatus(*m_lifeCycleStatus) + "), status word " +
                        hexByte(static_cast<std::uint8_t>(*m_statusWord >> 8)) + " " +
                        hexByte(static_cast<std::uint8_t>(*m_statusWord & 0xFF)));
    }
    if (!m_problem.empty())
        lines.push_back("not decoded further: " + m_problem);
    if (!m_undecoded.empty())
        lines.push_back("undecoded bytes: " + spaced(m_undecoded));
    return lines;
}

} // namespace cardlink::iso7816
