#include "sim/JsonField.h"

namespace cardlink::sim {

JsonField::JsonField(const nlohmann::json& value, std::string path)
    : m_value(value), m_path(std::move(path))
{}

Error JsonField::error(const std::string& message) const
{
    return makeError(ErrorCode::Malformed, (m_path.empty() ? "profile" : m_path) + ": " + message);
}

Result<void> JsonField::requireObject(std::initializer_list<std::string_view> allowed) const
{
    if (!m_value.is_object())
        return error(std::string("expected an object, found ") + m_value.type_name());
    for (const auto& item : m_value.items()) {
        bool known = false;
        for (auto key : allowed)
            known = known || item.key() == key;
        if (!known)
            return error("unknown key \"" + item.key() + "\"");
    }
    return {};
}

std::optional<JsonField> JsonField::member(std::string_view key) const
{
    if (!m_value.is_object())
        return std::nullopt;
    const auto it = m_value.find(std::string(key));
    if (it == m_value.end())
        return std::nullopt;
    const std::string name(key);
    return JsonField(*it, m_path.empty() ? name : m_path + "." + name);
}

Result<JsonField> JsonField::requiredMember(std::string_view key) const
{
    if (auto field = member(key))
        return *field;
    return error("missing \"" + std::string(key) + "\"");
}

std::size_t JsonField::arraySize() const
{
    return m_value.is_array() ? m_value.size() : 0;
}

JsonField JsonField::element(std::size_t index) const
{
    return JsonField(m_value[index], m_path + "[" + std::to_string(index) + "]");
}

Result<std::string> JsonField::toString() const
{
    if (!m_value.is_string())
        return error(std::string("expected a string, found ") + m_value.type_name());
    return m_value.get_ref<const std::string&>();
}

Result<bool> JsonField::toBool() const
{
    if (!m_value.is_boolean())
        return error(std::string("expected true or false, found ") + m_value.type_name());
    return m_value.get<bool>();
}

Result<std::int64_t> JsonField::toInteger(std::int64_t min, std::int64_t max) const
{
    std::int64_t value = 0;
    if (m_value.is_number_unsigned()) {
        const auto u = m_value.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(max))
            return error("must be " + std::to_string(min) + ".." + std::to_string(max));
        value = static_cast<std::int64_t>(u);
    } else if (m_value.is_number_integer()) {
        value = m_value.get<std::int64_t>();
    } else {
        return error(std::string("expected an integer, found ") + m_value.type_name());
    }
    if (value < min || value > max)
        return error("must be " + std::to_string(min) + ".." + std::to_string(max));
    return value;
}

Result<Bytes> JsonField::toHex(std::size_t minSize, std::size_t maxSize) const
{
    auto text = toString();
    if (!text)
        return text.error();
    auto bytes = fromHex(*text);
    if (!bytes)
        return error("not hex (" + bytes.error().message + ")");
    if (bytes->size() < minSize || bytes->size() > maxSize) {
        std::string range = minSize == maxSize
                                ? std::to_string(minSize)
                                : std::to_string(minSize) + ".." + std::to_string(maxSize);
        range += maxSize == 1 ? " byte" : " bytes";
        return error("must be " + range + ", found " + std::to_string(bytes->size()));
    }
    return std::move(*bytes);
}

} // namespace cardlink::sim
