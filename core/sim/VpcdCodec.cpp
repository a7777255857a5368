#include "sim/VpcdCodec.h"

#include <algorithm>
#include <cstring>

namespace cardlink::sim {

namespace {
constexpr std::uint8_t kPowerOff = 0x00;
constexpr std::uint8_t kPowerOn = 0x01;
constexpr std::uint8_t kReset = 0x02;
constexpr std::uint8_t kGetAtr = 0x04;
constexpr std::size_t kControlSize = 1;
} // namespace

VpcdCodec::VpcdCodec(std::size_t maxMessageSize)
    : m_maxMessageSize(std::min(maxMessageSize, kMaxMessageSize))
{}

VpcdCodec::~VpcdCodec()
{
    secureWipe(m_buffer);
}

void VpcdCodec::reset()
{
    secureWipe(m_buffer);
    m_buffer.clear();
    m_error.reset();
}

void VpcdCodec::feed(ByteView chunk)
{
    if (chunk.empty())
        return;
    const std::size_t needed = m_buffer.size() + chunk.size();
    if (needed > m_buffer.capacity()) {
        // Grow by hand so the old storage can be wiped before it is freed.
        Bytes bigger;
        bigger.reserve(std::max(needed, 2 * m_buffer.capacity()));
        bigger.assign(m_buffer.begin(), m_buffer.end());
        secureWipe(m_buffer);
        m_buffer.swap(bigger);
    }
    m_buffer.insert(m_buffer.end(), chunk.begin(), chunk.end());
}

void VpcdCodec::consume(std::size_t count)
{
    const std::size_t rest = m_buffer.size() - count;
    std::memmove(m_buffer.data(), m_buffer.data() + count, rest);
    secureWipe(m_buffer.data() + rest, count);
    m_buffer.resize(rest);
}

Error VpcdCodec::fail(std::string message)
{
    m_error = makeError(ErrorCode::Malformed, "vpcd: " + std::move(message));
    return *m_error;
}

Result<std::optional<VpcdMessage>> VpcdCodec::next()
{
    if (m_error)
        return *m_error;
    if (m_buffer.size() < kHeaderSize)
        return std::optional<VpcdMessage>();
    const std::size_t length = readU16(m_buffer, 0);
    if (length == 0)
        return fail("zero-length message");
    if (length > m_maxMessageSize)
        return fail("message of " + std::to_string(length) + " bytes exceeds the limit of " +
                    std::to_string(m_maxMessageSize));
    if (m_buffer.size() < kHeaderSize + length)
        return std::optional<VpcdMessage>();

    VpcdMessage message;
    if (length == kControlSize) {
        switch (m_buffer[kHeaderSize]) {
        case kPowerOff:
            message.request = VpcdRequest::PowerOff;
            break;
        case kPowerOn:
            message.request = VpcdRequest::PowerOn;
            break;
        case kReset:
            message.request = VpcdRequest::Reset;
            break;
        case kGetAtr:
            message.request = VpcdRequest::GetAtr;
            break;
        default:
            return fail("unknown control code " + toHex(ByteView(&m_buffer[kHeaderSize], 1)));
        }
    } else {
        message.request = VpcdRequest::Apdu;
        message.apdu.assign(m_buffer.begin() + kHeaderSize,
                            m_buffer.begin() + static_cast<long>(kHeaderSize + length));
    }
    consume(kHeaderSize + length);
    return std::optional<VpcdMessage>(std::move(message));
}

Result<Bytes> VpcdCodec::frame(ByteView payload)
{
    if (payload.empty())
        return makeError(ErrorCode::InvalidArgument, "vpcd: nothing to send");
    if (payload.size() > kMaxMessageSize)
        return makeError(ErrorCode::InvalidArgument,
                         "vpcd: " + std::to_string(payload.size()) + " bytes do not fit a frame");
    Bytes out;
    out.reserve(kHeaderSize + payload.size());
    appendU16(out, static_cast<std::uint16_t>(payload.size()));
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

} // namespace cardlink::sim
