#include "HostSelector.h"

namespace cardlink::terminal {

void HostSelector::select(std::shared_ptr<OnlineHost> host)
{
    std::lock_guard lock(m_mutex);
    m_host = std::move(host);
}

bool HostSelector::linked() const
{
    std::lock_guard lock(m_mutex);
    return m_host != nullptr;
}

emv::OnlineResponse HostSelector::authorize(const emv::OnlineRequest& request)
{
    std::shared_ptr<OnlineHost> host;
    {
        std::lock_guard lock(m_mutex);
        host = m_host;
    }
    return host ? host->authorize(request) : m_fallback.authorize(request);
}

} // namespace cardlink::terminal
