#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace cardlink::pcsc {

// Splits a PC/SC multi-string ("first\0second\0\0", as SCardListReaders and
// SCardStatus return reader names) into its strings. Reads at most `size`
// bytes and stops at the empty string that ends the list; a missing final
// terminator ends the last string at `size`. No PC/SC dependency, so the
// fuzz build (core only) can test it.
std::vector<std::string> splitMultiString(const char* data, std::size_t size);

} // namespace cardlink::pcsc
