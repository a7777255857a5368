// Fuzzes the DOL parser and the DOL data builder. The first input byte picks
// which tags the fake terminal "has"; the rest is the DOL. Values are slices
// of the input, so every length relation (shorter, equal, longer) occurs.
#include "tlv/Dol.h"

#include <algorithm>
#include <cstdlib>

using namespace cardlink;
using namespace cardlink::tlv;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t selector = data[0];
    const ByteView dol(data + 1, size - 1);
    auto entries = parseDol(dol);
    if (!entries)
        return 0;
    if (dolDataLength(*entries) > kMaxDolDataLength)
        std::abort();

    const DolValueLookup values = [&](Tag tag) -> std::optional<ByteView> {
        if (((tag ^ selector) & 1) != 0)
            return std::nullopt;
        const std::size_t length = (tag * 7u + selector) % (dol.size() + 1);
        return dol.first(length);
    };
    const Bytes built = buildDolData(*entries, values);
    if (built.size() != dolDataLength(*entries))
        std::abort();

    // EMV 4.4 Book 3, 5.4: missing and constructed entries are zeros; n keeps
    // the rightmost bytes and pads on the left; the rest keep the leftmost.
    std::size_t offset = 0;
    for (const auto& entry : *entries) {
        const ByteView segment = ByteView(built).subspan(offset, entry.length);
        offset += entry.length;
        const auto value = isConstructed(entry.tag) ? std::nullopt : values(entry.tag);
        if (!value) {
            if (std::any_of(segment.begin(), segment.end(), [](auto b) { return b != 0; }))
                std::abort();
            continue;
        }
        const std::size_t common = std::min(value->size(), entry.length);
        if (formatOf(entry.tag) == TagFormat::N) {
            if (!std::equal(value->end() - static_cast<std::ptrdiff_t>(common), value->end(),
                            segment.end() - static_cast<std::ptrdiff_t>(common)))
                std::abort();
        } else if (!std::equal(value->begin(), value->begin() + static_cast<std::ptrdiff_t>(common),
                               segment.begin())) {
            std::abort();
        }
    }

    auto viaBytes = buildDolData(dol, values);
    if (!viaBytes || *viaBytes != built)
        std::abort();
    return 0;
}
