// Fuzzes the PC/SC multi-string splitter (app/pcsc/MultiString): the reader
// names pcscd hands back. It must never read past `size`, and what it returns
// must be the input's strings: joined again with their terminators they are a
// prefix of the input, none is empty and none holds a NUL.
#include "MultiString.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // A heap copy of exactly `size` bytes, so ASan sees any read past the end.
    std::vector<char> input(data, data + size);
    const auto strings = cardlink::pcsc::splitMultiString(input.data(), input.size());

    std::size_t pos = 0;
    for (const auto& s : strings) {
        if (s.empty() || s.find('\0') != std::string::npos)
            std::abort();
        if (pos + s.size() > size || std::memcmp(input.data() + pos, s.data(), s.size()) != 0)
            std::abort();
        pos += s.size();
        if (pos < size && input[pos] != '\0')
            std::abort(); // a string ends at a NUL or at the end of the input
        ++pos;
    }
    // It stopped at the end or at the empty string that ends the list.
    if (pos < size && input[pos] != '\0')
        std::abort();
    return 0;
}
