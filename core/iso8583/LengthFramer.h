#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <vector>

namespace cardlink::iso8583 {

// The terminal-host framing (ARCHITECTURE.md): each ISO 8583 message is
// preceded by its length as a 2-byte big-endian number. Bytes arrive in
// arbitrary chunks from a socket or a modem; feed() returns the messages that
// are complete. A header announcing zero bytes or more than the limit is an
// error (a peer out of step or hostile), after which the stream cannot be
// resynchronised: the framer stays failed until reset().
class LengthFramer
{
public:
    static constexpr std::size_t kHeaderSize = 2;

    explicit LengthFramer(std::size_t maxMessageSize);

    // Header + message; fails for an empty message or one above the limit.
    static Result<Bytes> frame(ByteView message, std::size_t maxMessageSize);

    Result<std::vector<Bytes>> feed(ByteView chunk);

    // Bytes held for a message not yet complete (never more than header + limit).
    std::size_t buffered() const { return m_buffer.size(); }
    bool failed() const { return m_failed; }
    void reset();

private:
    std::size_t m_maxMessageSize;
    Bytes m_buffer;
    bool m_failed = false;
};

} // namespace cardlink::iso8583
