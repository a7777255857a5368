#include "iso8583/LengthFramer.h"

#include <algorithm>

namespace cardlink::iso8583 {

namespace {
constexpr std::size_t kMaxHeaderValue = 0xFFFF;

Error badLength(std::size_t length, std::size_t limit)
{
    if (length == 0)
        return makeError(ErrorCode::Malformed, "frame announces an empty message");
    return makeError(ErrorCode::Malformed, "frame announces " + std::to_string(length) +
                                               " bytes, limit is " + std::to_string(limit));
}
} // namespace

LengthFramer::LengthFramer(std::size_t maxMessageSize)
    : m_maxMessageSize(std::min(maxMessageSize, kMaxHeaderValue))
{}

Result<Bytes> LengthFramer::frame(ByteView message, std::size_t maxMessageSize)
{
    const std::size_t limit = std::min(maxMessageSize, kMaxHeaderValue);
    if (message.empty() || message.size() > limit)
        return badLength(message.size(), limit);
    Bytes out;
    out.reserve(kHeaderSize + message.size());
    appendU16(out, static_cast<std::uint16_t>(message.size()));
    out.insert(out.end(), message.begin(), message.end());
    return out;
}

Result<std::vector<Bytes>> LengthFramer::feed(ByteView chunk)
{
    if (m_failed)
        return makeError(ErrorCode::Malformed, "framer failed earlier; reset it");
    std::vector<Bytes> messages;
    while (!chunk.empty()) {
        // Take only what the current frame still needs, so the buffer never
        // holds more than one header plus one message.
        std::size_t wanted = kHeaderSize;
        if (m_buffer.size() >= kHeaderSize)
            wanted += readU16(m_buffer, 0);
        const std::size_t take = std::min(wanted - m_buffer.size(), chunk.size());
        m_buffer.insert(m_buffer.end(), chunk.begin(),
                        chunk.begin() + static_cast<std::ptrdiff_t>(take));
        chunk = chunk.subspan(take);

        if (m_buffer.size() == kHeaderSize) {
            const std::size_t length = readU16(m_buffer, 0);
            if (length == 0 || length > m_maxMessageSize) {
                m_failed = true;
                m_buffer.clear();
                return badLength(length, m_maxMessageSize);
            }
        } else if (m_buffer.size() > kHeaderSize &&
                   m_buffer.size() == kHeaderSize + readU16(m_buffer, 0)) {
            messages.emplace_back(m_buffer.begin() + kHeaderSize, m_buffer.end());
            m_buffer.clear();
        }
    }
    return messages;
}

void LengthFramer::reset()
{
    m_buffer.clear();
    m_failed = false;
}

} // namespace cardlink::iso8583
