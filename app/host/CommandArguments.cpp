#include "CommandArguments.h"

#include <charconv>
#include <cstdlib>

namespace cardlink::host {

std::optional<std::string> CommandArguments::parse(const std::vector<std::string>& arguments,
                                                   const std::set<std::string>& options,
                                                   const std::set<std::string>& flags,
                                                   CommandArguments& out)
{
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& name = arguments[i];
        if (name == "--help" || name == "-h") {
            out.m_help = true;
        } else if (flags.count(name)) {
            out.m_flags.insert(name);
        } else if (options.count(name)) {
            if (i + 1 >= arguments.size())
                return name + " needs a value";
            out.m_values[name] = arguments[++i];
        } else {
            return "unknown option " + name;
        }
    }
    return std::nullopt;
}

bool CommandArguments::has(const std::string& name) const
{
    return m_values.count(name) != 0 || m_flags.count(name) != 0;
}

std::string CommandArguments::value(const std::string& name, const std::string& fallback) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

std::optional<long long> CommandArguments::number(const std::string& name) const
{
    auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    long long value = 0;
    const std::string& text = it->second;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

std::optional<long long> parseAmount(const std::string& text)
{
    const auto point = text.find('.');
    const std::string whole = text.substr(0, point);
    const std::string minor = point == std::string::npos ? "" : text.substr(point + 1);
    if (whole.empty() || whole.size() > 12 || (point != std::string::npos && minor.size() != 2))
        return std::nullopt;
    for (char c : whole + minor)
        if (c < '0' || c > '9')
            return std::nullopt;
    const long long units = std::stoll(whole);
    return point == std::string::npos ? units : units * 100 + std::stoll(minor);
}

std::string formatAmount(long long minorUnits)
{
    const bool negative = minorUnits < 0;
    const unsigned long long value =
        negative ? 0ULL - static_cast<unsigned long long>(minorUnits) : minorUnits;
    std::string cents = std::to_string(value % 100);
    if (cents.size() < 2)
        cents.insert(0, "0");
    return (negative ? "-" : "") + std::to_string(value / 100) + "." + cents;
}

Result<std::string> merchantIdField(const std::string& text, const std::string& option)
{
    constexpr std::size_t kWidth = 15;
    if (text.empty() || text.size() > kWidth)
        return makeError(ErrorCode::InvalidArgument,
                         option + " '" + text + "' has " + std::to_string(text.size()) +
                             " characters; field 42 (ans 15) takes 1 to 15, shorter ids are "
                             "padded with spaces");
    for (char c : text)
        if (c < 0x21 || c > 0x7E)
            return makeError(ErrorCode::InvalidArgument,
                             option + " must be printable characters without spaces");
    std::string field = text;
    field.resize(kWidth, ' ');
    return field;
}

} // namespace cardlink::host
