#pragma once

#include <string>
#include <string_view>

namespace cardlink {

// A PAN for display and logs: the first six and last four digits with an
// ellipsis between them ("476173…0010", PCI DSS 4.0, 3.4.1). PANs shorter than
// twelve digits (not valid ISO/IEC 7812 PANs) are masked completely, one '*' per
// digit, since first six plus last four would show most or all of them.
std::string maskPan(std::string_view digits);

} // namespace cardlink
