#pragma once

#include "iso7816/CardChannel.h"
#include "util/Result.h"

#include <cstddef>

namespace cardlink::test {

// A channel that works for `failAfter` exchanges and then fails every one
// with the given Error: a card pulled out, a reader unplugged, a dead pcscd
// (in the manner of KeePassXC's tests/FailDevice.h). The working exchanges go
// to `inner` when given (e.g. a ScriptedCard), else they answer 90 00.
class FailingChannel final : public iso7816::CardChannel
{
public:
    explicit FailingChannel(Error error, std::size_t failAfter = 0);
    FailingChannel(iso7816::CardChannel& inner, std::size_t failAfter, Error error);

    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu& command) override;

    // transmit() calls so far, failed ones included.
    std::size_t exchanges() const { return m_exchanges; }

private:
    iso7816::CardChannel* m_inner = nullptr;
    std::size_t m_failAfter;
    Error m_error;
    std::size_t m_exchanges = 0;
};

} // namespace cardlink::test
