// Fuzzes what keeps PANs out of traces and bundles: cardDataRanges over a
// card's response data (BER-TLV walk or tag scan), the APDU trace entry's
// response masking, and redactCardSecrets over the same bytes as text.
#include "iso7816/ApduTraceEntry.h"
#include "iso7816/CardDataMask.h"
#include "util/SecretRedaction.h"

#include <cstdlib>
#include <string>

using namespace cardlink;
using namespace cardlink::iso7816;

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const ByteView input(data, size);

    // Ranges inside the data, ascending, not overlapping, never empty.
    const auto ranges = cardDataRanges(input);
    std::size_t end = 0;
    for (const auto& range : ranges) {
        check(range.length > 0);
        check(range.offset >= end);
        check(range.offset + range.length <= input.size());
        end = range.offset + range.length;
    }

    // A trace entry with this response (plus SW 90 00): the masked bytes are
    // zero, the shown text has one "**" per range, masking again is a no-op.
    ApduTraceEntry entry;
    entry.command = {0x00, 0xB2, 0x01, 0x0C, 0x00};
    entry.response.assign(input.begin(), input.end());
    entry.response.push_back(0x90);
    entry.response.push_back(0x00);
    entry.maskSecrets();
    check(entry.response.size() == size + 2);
    check(entry.responseMasks == ranges);
    for (const auto& range : entry.responseMasks)
        for (std::size_t i = 0; i < range.length; ++i)
            check(entry.response[range.offset + i] == 0);
    const std::string shown = entry.responseHex();
    const ApduTraceEntry before = entry;
    entry.maskSecrets();
    check(entry.responseHex() == shown);
    check(!before.format().empty());

    // The redaction keeps the length, only writes '*', and is idempotent.
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string redacted = redactCardSecrets(text);
    check(redacted.size() == text.size());
    for (std::size_t i = 0; i < size; ++i)
        check(redacted[i] == text[i] || redacted[i] == '*');
    check(redactCardSecrets(redacted) == redacted);
    const std::string hexText = toSpacedHex(input);
    check(redactCardSecrets(redactCardSecrets(hexText)) == redactCardSecrets(hexText));
    return 0;
}
