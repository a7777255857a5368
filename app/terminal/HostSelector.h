#pragma once

#include "HostAuthorizer.h"

#include <memory>
#include <mutex>

namespace cardlink::terminal {

// The host the kernel talks to: the real link when a terminal bundle is set,
// else the fallback (the stub). Switched on the UI thread when the settings
// change; a sale already talking to the old host keeps it until it returns.
class HostSelector final : public HostAuthorizer
{
public:
    explicit HostSelector(HostAuthorizer& fallback) : m_fallback(fallback) {}

    void select(std::shared_ptr<HostAuthorizer> host);
    bool linked() const;

    emv::OnlineResponse authorize(const emv::OnlineRequest& request) override;

private:
    HostAuthorizer& m_fallback;
    mutable std::mutex m_mutex;
    std::shared_ptr<HostAuthorizer> m_host;
};

} // namespace cardlink::terminal
