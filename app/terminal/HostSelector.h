#pragma once

#include "OnlineHost.h"

#include <memory>
#include <mutex>

namespace cardlink::terminal {

// The host the kernel talks to: the real link when a terminal bundle is set,
// else the fallback (the stub). Switched on the UI thread when the settings
// change; a sale already talking to the old host keeps it until it returns.
class HostSelector final : public OnlineHost
{
public:
    explicit HostSelector(OnlineHost& fallback) : m_fallback(fallback) {}

    void select(std::shared_ptr<OnlineHost> host);
    bool linked() const;

    emv::OnlineResponse authorize(const emv::OnlineRequest& request) override;

private:
    OnlineHost& m_fallback;
    mutable std::mutex m_mutex;
    std::shared_ptr<OnlineHost> m_host;
};

} // namespace cardlink::terminal
