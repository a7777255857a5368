#pragma once

#include <string>

namespace cardlink::host {

// One line on stderr with a UTC time stamp (systemd's journal takes it from
// there). Callers pass text that is already masked: PANs first 6 / last 4,
// never a PIN or a PIN block.
void hostLog(const std::string& line);

} // namespace cardlink::host
