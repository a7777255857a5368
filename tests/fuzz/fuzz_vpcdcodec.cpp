// Fuzzes the vpcd stream decoder: the input, cut into chunks whose sizes come
// from its first byte, must decode to the same messages as when fed at once;
// every decoded message re-framed and decoded again must give itself back;
// an error must stay reported.
#include "sim/VpcdCodec.h"

#include <cstdlib>
#include <vector>

using namespace cardlink;
using namespace cardlink::sim;

namespace {
struct Decoded
{
    std::vector<VpcdMessage> messages;
    bool failed = false;
};

void drain(VpcdCodec& codec, Decoded& out)
{
    while (!out.failed) {
        auto next = codec.next();
        if (!next) {
            out.failed = true;
            if (codec.next().ok()) // errors are sticky
                std::abort();
            return;
        }
        if (!next->has_value())
            return;
        if ((*next)->request == VpcdRequest::Apdu && (*next)->apdu.size() < 2)
            std::abort();
        out.messages.push_back(std::move(**next));
    }
}

bool same(const VpcdMessage& a, const VpcdMessage& b)
{
    return a.request == b.request && a.apdu == b.apdu;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t chunk = 1 + data[0] % 61;
    const ByteView stream(data + 1, size - 1);

    VpcdCodec whole;
    Decoded atOnce;
    whole.feed(stream);
    drain(whole, atOnce);

    VpcdCodec pieces;
    Decoded chunked;
    for (std::size_t i = 0; i < stream.size(); i += chunk) {
        pieces.feed(stream.subspan(i, std::min(chunk, stream.size() - i)));
        drain(pieces, chunked);
    }
    if (atOnce.failed != chunked.failed || atOnce.messages.size() != chunked.messages.size())
        std::abort();
    for (std::size_t i = 0; i < atOnce.messages.size(); ++i) {
        if (!same(atOnce.messages[i], chunked.messages[i]))
            std::abort();
        const VpcdMessage& message = atOnce.messages[i];
        if (message.request != VpcdRequest::Apdu)
            continue;
        auto framed = VpcdCodec::frame(message.apdu);
        if (!framed)
            std::abort();
        VpcdCodec again;
        again.feed(*framed);
        auto back = again.next();
        if (!back || !back->has_value() || !same(**back, message))
            std::abort();
    }
    return 0;
}
