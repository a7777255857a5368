#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <optional>

namespace cardlink::sim {

// What vpcd (vsmartcard's virtual reader driver) asks of the card.
enum class VpcdRequest {
    PowerOff, // control 0x00
    PowerOn,  // control 0x01
    Reset,    // control 0x02
    GetAtr,   // control 0x04: answer with the ATR, framed
    Apdu,     // any longer message: a C-APDU, answer with the framed R-APDU
};

struct VpcdMessage
{
    VpcdRequest request = VpcdRequest::Apdu;
    Bytes apdu; // Apdu only; may hold a PIN block: wipe it after use
};

// The card side of vpcd's TCP protocol, without I/O: every message in either
// direction is a big-endian uint16 length followed by that many bytes; a
// one-byte message from vpcd is a control code. Feed it whatever recv()
// returned, in any chunks, and take complete messages out with next().
//
// A zero length, an unknown control code or a message longer than the
// configured maximum breaks the stream (the framing cannot be trusted after
// it): next() reports the Error then and on every later call, until reset().
// Consumed bytes are wiped, as APDUs may carry PIN blocks.
class VpcdCodec
{
public:
    static constexpr std::size_t kHeaderSize = 2;
    static constexpr std::size_t kMaxMessageSize = 0xFFFF; // what the length field can say

    explicit VpcdCodec(std::size_t maxMessageSize = kMaxMessageSize);
    ~VpcdCodec();

    VpcdCodec(const VpcdCodec&) = delete;
    VpcdCodec& operator=(const VpcdCodec&) = delete;

    void feed(ByteView chunk);
    // The next complete message, std::nullopt when more bytes are needed.
    Result<std::optional<VpcdMessage>> next();
    // Forget everything (a new connection).
    void reset();
    std::size_t buffered() const { return m_buffer.size(); }

    // Frames an answer (ATR or R-APDU): length + bytes. Errors for an empty
    // payload or one longer than 65535 bytes.
    static Result<Bytes> frame(ByteView payload);

private:
    void consume(std::size_t count);
    Error fail(std::string message);

    std::size_t m_maxMessageSize;
    Bytes m_buffer;
    std::optional<Error> m_error;
};

} // namespace cardlink::sim
