#include "LinkStatus.h"

namespace cardlink::terminal {

void LinkStatus::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit changed();
}

QString LinkStatus::stateText() const
{
    switch (m_state) {
    case State::NotConfigured:
        return tr("Host link not set up");
    case State::Offline:
        return tr("Host offline");
    case State::Connecting:
        return tr("Connecting to host");
    case State::Online:
        return tr("Host online");
    }
    return {};
}

} // namespace cardlink::terminal
