#include "MultiString.h"

#include <cstring>

namespace cardlink::pcsc {

std::vector<std::string> splitMultiString(const char* data, std::size_t size)
{
    std::vector<std::string> out;
    if (data == nullptr)
        return out;
    std::size_t pos = 0;
    while (pos < size && data[pos] != '\0') {
        const void* nul = std::memchr(data + pos, '\0', size - pos);
        const std::size_t end =
            nul ? static_cast<std::size_t>(static_cast<const char*>(nul) - data) : size;
        out.emplace_back(data + pos, end - pos);
        pos = end + 1;
    }
    return out;
}

} // namespace cardlink::pcsc
