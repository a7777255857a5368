#pragma once

#include "util/Result.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cardlink::host {

// "--name value" options and "--flag" switches of one admin subcommand.
// parse() refuses names outside the allowed sets and options without a value.
class CommandArguments
{
public:
    static std::optional<std::string> parse(const std::vector<std::string>& arguments,
                                            const std::set<std::string>& options,
                                            const std::set<std::string>& flags,
                                            CommandArguments& out);

    bool has(const std::string& name) const;
    std::string value(const std::string& name, const std::string& fallback = {}) const;
    // A non-negative integer, or nullopt when absent or not a number.
    std::optional<long long> number(const std::string& name) const;
    bool wantsHelp() const { return m_help; }

private:
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    bool m_help = false;
};

// Amount in minor units from "12.34" (exponent 2) or "1234" minor units when
// the text has no point; nullopt for anything else.
std::optional<long long> parseAmount(const std::string& text);
std::string formatAmount(long long minorUnits);

// Field 42 (card acceptor identification code, ans 15, fixed) from an admin
// argument: 1 to 15 printable characters without spaces, padded right with
// spaces to 15 as ISO 8583:1987 fixed-length ans fields are (left-justified,
// trailing spaces; the terminal pads the same way, core/online). This is the
// form the host stores and compares with field 42. `option` names the
// argument in the error.
Result<std::string> merchantIdField(const std::string& text, const std::string& option);

} // namespace cardlink::host
