// Fuzzes the BER-TLV parser. When the input parses, encoding the objects must
// succeed, the encoding must parse back to the same objects and encode to the
// same bytes again (canonical form is a fixed point), and the dump must cope
// with whatever the card sent.
#include "tlv/TlvDump.h"
#include "tlv/TlvEncoder.h"
#include "tlv/TlvParser.h"

#include <cstdlib>

using namespace cardlink;
using namespace cardlink::tlv;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const ByteView input(data, size);
    auto objects = parse(input);
    if (!objects)
        return 0;
    auto encoded = encode(*objects);
    if (!encoded)
        std::abort();
    if (encoded->size() > input.size())
        std::abort(); // canonical form only drops padding and long lengths
    auto reparsed = parse(*encoded);
    if (!reparsed || *reparsed != *objects)
        std::abort();
    auto again = encode(*reparsed);
    if (!again || *again != *encoded)
        std::abort();
    const std::string text = dump(*objects);
    if (!objects->empty() && text.empty())
        std::abort();
    // Lookups walk the whole tree.
    if (!objects->empty()) {
        const Tag first = (*objects)[0].tag;
        if (findTag(*objects, first) != &(*objects)[0])
            std::abort();
        if (findPath(*objects, {first}) != &(*objects)[0])
            std::abort();
    }
    (void)findTag(*objects, 0x5A);
    return 0;
}
