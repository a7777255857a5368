#pragma once

#include "iso8583/FieldSpec.h"
#include "util/Result.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace cardlink::iso8583 {

// A dialect of ISO 8583:1987: how the MTI and the length prefixes are encoded,
// the largest message accepted, and the field table. Different hosts are
// different Profile values, not different code.
class Profile
{
public:
    static constexpr int kMinField = 2;
    static constexpr int kMaxField = 128;
    // ISO 8583:1987, field 65: "bit map, tertiary" indicator. CardLink has no
    // third bitmap, so a profile may not define it and a message may not set it.
    static constexpr int kTertiaryBitmapField = 65;
    // The 2-byte length header (ARCHITECTURE.md) bounds every message.
    static constexpr std::size_t kMaxFramedSize = 0xFFFF;

    // Checks the table: numbers in 2..128 except 65, each once; a length for
    // every field within its prefix's range (99 for LLVAR, 999 for LLLVAR);
    // encodings that fit the format (n, z, x+n: BCD or ASCII; an, ans: ASCII;
    // b: binary or ASCII hex); the MTI in BCD or ASCII.
    static Result<Profile> create(std::string name, Encoding mtiEncoding, Encoding lengthEncoding,
                                  std::size_t maxMessageSize, std::vector<FieldSpec> fields);

    const std::string& name() const { return m_name; }
    Encoding mtiEncoding() const { return m_mtiEncoding; }
    Encoding lengthEncoding() const { return m_lengthEncoding; }
    std::size_t maxMessageSize() const { return m_maxMessageSize; }

    // nullptr when the profile does not define the field.
    const FieldSpec* field(int number) const;
    // In field-number order.
    const std::vector<FieldSpec>& fields() const { return m_fields; }

private:
    Profile() = default;

    std::string m_name;
    Encoding m_mtiEncoding = Encoding::Bcd;
    Encoding m_lengthEncoding = Encoding::Bcd;
    std::size_t m_maxMessageSize = 0;
    std::vector<FieldSpec> m_fields;
    std::array<int, kMaxField + 1> m_index{}; // field number -> position in m_fields + 1
};

} // namespace cardlink::iso8583
