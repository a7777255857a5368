#include "FailingChannel.h"

#include <utility>

namespace cardlink::test {

FailingChannel::FailingChannel(Error error, std::size_t failAfter)
    : m_failAfter(failAfter), m_error(std::move(error))
{}

FailingChannel::FailingChannel(iso7816::CardChannel& inner, std::size_t failAfter, Error error)
    : m_inner(&inner), m_failAfter(failAfter), m_error(std::move(error))
{}

Result<iso7816::ResponseApdu> FailingChannel::transmit(const iso7816::CommandApdu& command)
{
    if (m_exchanges++ >= m_failAfter)
        return m_error;
    if (m_inner)
        return m_inner->transmit(command);
    return iso7816::ResponseApdu{{}, 0x9000};
}

} // namespace cardlink::test
