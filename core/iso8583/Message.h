#pragma once

#include "iso8583/FieldValue.h"
#include "util/Bytes.h"

#include <map>
#include <string>
#include <string_view>

namespace cardlink::iso8583 {

// One ISO 8583 message: the message type indicator and the present data
// elements by number (2..128; 1 and 65 are bitmaps and never stored). No
// checks here: the codec validates against a profile, the validator against
// the rules of the MTI.
class Message
{
public:
    Message() = default;
    explicit Message(std::string mti) : m_mti(std::move(mti)) {}

    const std::string& mti() const { return m_mti; }
    void setMti(std::string mti) { m_mti = std::move(mti); }

    void set(int field, std::string text) { m_fields[field] = std::move(text); }
    void set(int field, Bytes bytes) { m_fields[field] = std::move(bytes); }
    void set(int field, const char* text) { m_fields[field] = std::string(text); }
    void remove(int field) { m_fields.erase(field); }
    bool has(int field) const { return m_fields.count(field) != 0; }

    // nullptr when absent or when the field holds the other kind of value.
    const FieldValue* get(int field) const;
    const std::string* text(int field) const;
    const Bytes* bytes(int field) const;

    const std::map<int, FieldValue>& fields() const { return m_fields; }

    bool operator==(const Message&) const = default;

private:
    std::string m_mti;
    std::map<int, FieldValue> m_fields;
};

} // namespace cardlink::iso8583
