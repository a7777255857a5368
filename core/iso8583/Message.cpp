#include "iso8583/Message.h"

namespace cardlink::iso8583 {

const FieldValue* Message::get(int field) const
{
    auto it = m_fields.find(field);
    return it == m_fields.end() ? nullptr : &it->second;
}

const std::string* Message::text(int field) const
{
    const FieldValue* value = get(field);
    return value ? std::get_if<std::string>(value) : nullptr;
}

const Bytes* Message::bytes(int field) const
{
    const FieldValue* value = get(field);
    return value ? std::get_if<Bytes>(value) : nullptr;
}

} // namespace cardlink::iso8583
