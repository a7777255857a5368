#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace cardlink::sim {

// A value inside a parsed JSON document together with its path ("files[2].records[0]"),
// so that every validation error can say where the problem is. Only used by the
// card profile loader; never throws (nlohmann's exceptions are avoided by
// checking types first, and caught at the loader's boundary anyway).
class JsonField
{
public:
    JsonField(const nlohmann::json& value, std::string path);

    const std::string& path() const { return m_path; }
    const nlohmann::json& json() const { return m_value; }

    // A Malformed error prefixed with this field's path.
    Error error(const std::string& message) const;

    // The object's keys must all be in `allowed` (catches typos in profiles).
    Result<void> requireObject(std::initializer_list<std::string_view> allowed) const;
    std::optional<JsonField> member(std::string_view key) const;
    Result<JsonField> requiredMember(std::string_view key) const;

    bool isArray() const { return m_value.is_array(); }
    std::size_t arraySize() const;
    JsonField element(std::size_t index) const;

    Result<std::string> toString() const;
    Result<bool> toBool() const;
    Result<std::int64_t> toInteger(std::int64_t min, std::int64_t max) const;
    // Hex text (spaces allowed) decoding to minSize..maxSize bytes.
    Result<Bytes> toHex(std::size_t minSize, std::size_t maxSize) const;

private:
    const nlohmann::json& m_value;
    std::string m_path;
};

} // namespace cardlink::sim
