#include "iso7816/ApduTrace.h"

#include <algorithm>

namespace cardlink::iso7816 {

ApduTrace::ApduTrace(std::size_t capacity) : m_capacity(std::max<std::size_t>(capacity, 1)) {}

void ApduTrace::record(ApduTraceEntry entry)
{
    entry.maskSecrets();
    std::shared_ptr<const Listener> listener;
    {
        std::lock_guard lock(m_mutex);
        if (m_entries.size() == m_capacity) {
            m_entries.pop_front();
            ++m_dropped;
        }
        m_entries.push_back(entry);
        listener = m_listener;
    }
    if (listener && *listener)
        (*listener)(entry);
}

std::vector<ApduTraceEntry> ApduTrace::entries() const
{
    std::lock_guard lock(m_mutex);
    return {m_entries.begin(), m_entries.end()};
}

void ApduTrace::clear()
{
    std::lock_guard lock(m_mutex);
    m_entries.clear();
    m_dropped = 0;
}

void ApduTrace::setListener(Listener listener)
{
    auto shared = listener ? std::make_shared<const Listener>(std::move(listener)) : nullptr;
    std::lock_guard lock(m_mutex);
    m_listener = std::move(shared);
}

std::size_t ApduTrace::size() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

std::size_t ApduTrace::dropped() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

std::string ApduTrace::exportText() const
{
    const auto snapshot = entries();
    const std::size_t droppedCount = dropped();
    std::string text = "# CardLink APDU trace, " + std::to_string(snapshot.size()) + " exchange" +
                       (snapshot.size() == 1 ? "" : "s");
    if (droppedCount > 0)
        text += " (" + std::to_string(droppedCount) + " older dropped)";
    text += "; times are local, PIN data shown as **\n";
    for (const auto& entry : snapshot) {
        text += entry.format();
        text += '\n';
    }
    return text;
}

} // namespace cardlink::iso7816
