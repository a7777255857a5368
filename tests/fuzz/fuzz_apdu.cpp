// Fuzzes the C-APDU and R-APDU parsers. When a C-APDU parses, encoding it and
// parsing the encoding must give the same command (the bytes may differ: an
// extended-length APDU with Ne <= 256 is re-encoded in short form).
#include "iso7816/Apdu.h"

#include <cstdlib>

using namespace cardlink;
using namespace cardlink::iso7816;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const ByteView input(data, size);
    if (auto command = CommandApdu::parse(input)) {
        auto encoded = command->encode();
        if (!encoded)
            std::abort();
        auto reparsed = CommandApdu::parse(*encoded);
        if (!reparsed || !(*reparsed == *command))
            std::abort();
    }
    if (auto response = ResponseApdu::parse(input)) {
        if (response->encode() != Bytes(input.begin(), input.end()))
            std::abort();
    }
    return 0;
}
