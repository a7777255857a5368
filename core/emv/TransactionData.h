#pragma once

#include "tlv/Dol.h"
#include "tlv/Tag.h"
#include "tlv/TlvObject.h"
#include "util/Bytes.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>

namespace cardlink::emv {

// Every EMV data object of one transaction, card and terminal side, by tag:
// what the kernel fills in, what the card returned, what the receipt, the
// journal and the host message read. Later values replace earlier ones.
class TransactionData
{
public:
    void set(tlv::Tag tag, Bytes value);
    bool has(tlv::Tag tag) const;
    // nullopt when absent. The view is valid until the tag is set again.
    std::optional<ByteView> get(tlv::Tag tag) const;
    void erase(tlv::Tag tag);

    // Stores every primitive object under `objects` (templates are walked,
    // not stored). Returns false, storing nothing more, when a tag that is
    // already present from the card arrives again with `rejectDuplicates`
    // (EMV 4.4 Book 3, 10.2: a redundant primitive data object is an error).
    bool storeCardObjects(std::span<const tlv::TlvObject> objects, bool rejectDuplicates);

    // Amounts and counters in format n (BCD), the most common numerics.
    static Bytes bcd(std::uint64_t value, std::size_t bytes);
    std::optional<std::uint64_t> getBcd(tlv::Tag tag) const;
    // Format b big-endian unsigned (ATC, counters).
    std::optional<std::uint64_t> getUnsigned(tlv::Tag tag) const;

    // For buildDolData: the value of a tag, or nullopt.
    tlv::DolValueLookup lookup() const;

    const std::map<tlv::Tag, Bytes>& all() const { return m_values; }

private:
    std::map<tlv::Tag, Bytes> m_values;
    std::map<tlv::Tag, bool> m_fromCard;
};

} // namespace cardlink::emv
