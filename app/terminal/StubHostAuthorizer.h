#pragma once

#include "OnlineHost.h"

#include <atomic>

namespace cardlink::terminal {

// No host yet: answers "unable to go online" (the kernel then decides with
// the default action codes, EMV 4.4 Book 3, 10.7) or, for demos, approves
// with response code "00" and a made-up authorization code. It never sees
// more than the request; an online PIN in it is left untouched and wiped
// with the request.
class StubHostAuthorizer final : public OnlineHost
{
public:
    enum class Mode { UnableToGoOnline, Approve };

    explicit StubHostAuthorizer(Mode mode = Mode::UnableToGoOnline) : m_mode(mode) {}

    void setMode(Mode mode) { m_mode = mode; }
    Mode mode() const { return m_mode; }
    int calls() const { return m_calls; }

    emv::OnlineResponse authorize(const emv::OnlineRequest& request) override;

private:
    std::atomic<Mode> m_mode;
    std::atomic<int> m_calls{0};
};

} // namespace cardlink::terminal
