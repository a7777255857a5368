// Fuzzes the ISO 8583 decoder under the CardLink profile and an all-ASCII
// profile, and the 2-byte length framer. A decoded message must re-encode to
// exactly the input (the decoder accepts one encoding per message), decode
// again to the same message, pass through the validator and the masked dump
// without trouble. The framer must give the same messages whatever the chunking.
#include "iso8583/CardLinkProfile.h"
#include "iso8583/LengthFramer.h"
#include "iso8583/MessageCodec.h"
#include "iso8583/MessageDump.h"
#include "iso8583/MessageValidator.h"

#include <cstdlib>

using namespace cardlink;
using namespace cardlink::iso8583;

namespace {
const Profile& asciiProfile()
{
    static const Profile profile = [] {
        std::vector<FieldSpec> fields = cardLinkProfile().fields();
        for (FieldSpec& field : fields)
            field.encoding = Encoding::Ascii;
        auto created = Profile::create("ascii", Encoding::Ascii, Encoding::Ascii,
                                       kCardLinkMaxMessageSize, fields);
        if (!created)
            std::abort();
        return std::move(created).value();
    }();
    return profile;
}

void checkDecode(const Profile& profile, ByteView input)
{
    const MessageCodec codec(profile);
    auto message = codec.decode(input);
    if (!message)
        return;
    auto encoded = codec.encode(*message);
    if (!encoded || *encoded != Bytes(input.begin(), input.end()))
        std::abort();
    auto again = codec.decode(*encoded);
    if (!again || !(*again == *message))
        std::abort();
    (void)MessageValidator::validate(*message, profile);
    if (dump(*message, profile).empty())
        std::abort();
}

void checkFramer(ByteView input)
{
    LengthFramer whole(kCardLinkMaxMessageSize);
    auto expected = whole.feed(input);
    LengthFramer pieces(kCardLinkMaxMessageSize);
    std::vector<Bytes> got;
    bool failed = false;
    // Chunk sizes 1, 2, 3, ... 7, 1, 2, ...: splits land everywhere.
    std::size_t size = 1;
    for (std::size_t i = 0; i < input.size() && !failed; i += size, size = size % 7 + 1) {
        auto messages = pieces.feed(input.subspan(i, std::min(size, input.size() - i)));
        if (!messages)
            failed = true;
        else
            got.insert(got.end(), messages->begin(), messages->end());
    }
    if (expected.ok() == failed)
        std::abort();
    if (expected && (got != *expected || whole.buffered() != pieces.buffered()))
        std::abort();
    if (expected) {
        for (const Bytes& message : *expected)
            checkDecode(cardLinkProfile(), message);
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const ByteView input(data, size);
    checkDecode(cardLinkProfile(), input);
    checkDecode(asciiProfile(), input);
    checkFramer(input);
    return 0;
}
