#include "PcscStatusWatcher.h"

#include "PcscContext.h"
#include "PcscError.h"

#include <algorithm>
#include <optional>

namespace cardlink::pcsc {

namespace {

// pcsc-lite's pseudo reader that changes state when a reader arrives or
// leaves (its event state carries the reader count in the upper 16 bits).
constexpr const char* kPnpNotification = "\\\\?PnP?\\Notification";

// SCardCancel only interrupts a call that is already blocking; a stop() that
// lands just before the call would otherwise wait for the next event. Waking
// up now and then bounds that race; an idle wake-up costs one local IPC.
constexpr DWORD kWaitMs = 1000;

// pcsc-lite counts card insertions and removals in the upper 16 bits of
// dwEventState: a card pulled and put back between two calls shows up only there.
constexpr unsigned eventCount(DWORD state)
{
    return (state >> 16) & 0xFFFFu;
}

} // namespace

PcscStatusWatcher::PcscStatusWatcher(Listener& listener, std::chrono::milliseconds retryInterval)
    : m_listener(listener), m_retryInterval(retryInterval)
{}

PcscStatusWatcher::~PcscStatusWatcher()
{
    stop();
}

void PcscStatusWatcher::start()
{
    if (m_thread.joinable())
        return;
    m_stop = false;
    m_readers.clear();
    m_states.clear();
    m_readersReported = false;
    m_pnpState = SCARD_STATE_UNAWARE;
    m_serviceState = ServiceState::Unknown;
    m_thread = std::thread(&PcscStatusWatcher::run, this);
}

void PcscStatusWatcher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        if (m_hasActiveContext)
            SCardCancel(m_activeContext);
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool PcscStatusWatcher::stopping()
{
    std::lock_guard lock(m_mutex);
    return m_stop;
}

void PcscStatusWatcher::waitForRetry()
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, m_retryInterval, [this] { return m_stop; });
}

void PcscStatusWatcher::run()
{
    while (!stopping()) {
        auto context = PcscContext::establish();
        if (!context) {
            reportFailure(context.error());
            waitForRetry();
            continue;
        }
        {
            std::lock_guard lock(m_mutex);
            m_activeContext = context->handle();
            m_hasActiveContext = true;
        }
        if (m_serviceState != ServiceState::Up) {
            m_serviceState = ServiceState::Up;
            m_listener.serviceAvailableChanged(true);
        }

        auto failure = watch(*context);

        {
            std::lock_guard lock(m_mutex);
            m_hasActiveContext = false;
        }
        if (!failure)
            return; // stop() was called
        forgetReaders();
        reportFailure(*failure);
        waitForRetry();
    }
}

void PcscStatusWatcher::reportFailure(const Error& error)
{
    if (error.code == ErrorCode::NoService) {
        // Said once per outage, not on every retry.
        if (m_serviceState == ServiceState::Down)
            return;
        m_serviceState = ServiceState::Down;
        m_listener.serviceAvailableChanged(false);
    }
    m_listener.errorOccurred(error);
}

std::optional<Error> PcscStatusWatcher::watch(PcscContext& context)
{
    if (auto failure = refreshReaders(context))
        return failure;

    std::vector<SCARD_READERSTATE> states;
    while (!stopping()) {
        states.assign(m_readers.size() + 1, SCARD_READERSTATE{});
        for (std::size_t i = 0; i < m_readers.size(); ++i) {
            states[i].szReader = m_readers[i].c_str();
            states[i].dwCurrentState = m_states[m_readers[i]].pcscState;
        }
        states.back().szReader = kPnpNotification;
        states.back().dwCurrentState = m_pnpState;

        const LONG rv = SCardGetStatusChange(context.handle(), kWaitMs, states.data(),
                                             static_cast<DWORD>(states.size()));
        if (rv == static_cast<LONG>(SCARD_E_TIMEOUT) || rv == SCARD_E_CANCELLED)
            continue;
        bool relist = rv == SCARD_E_UNKNOWN_READER; // a reader left before the call
        if (rv != SCARD_S_SUCCESS && !relist)
            return pcscError(rv, "SCardGetStatusChange");

        for (std::size_t i = 0; rv == SCARD_S_SUCCESS && i < m_readers.size(); ++i) {
            const DWORD event = states[i].dwEventState;
            if (event & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE | SCARD_STATE_UNAVAILABLE))
                relist = true; // the reader left during the call
            else if (event & SCARD_STATE_CHANGED)
                applyEvent(m_readers[i], states[i]);
        }
        const DWORD pnpEvent = states.back().dwEventState;
        if (rv == SCARD_S_SUCCESS && (pnpEvent & SCARD_STATE_CHANGED)) {
            m_pnpState = pnpEvent & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
            relist = true;
        }
        if (relist) {
            if (auto failure = refreshReaders(context))
                return failure;
        }
    }
    return std::nullopt;
}

std::optional<Error> PcscStatusWatcher::refreshReaders(PcscContext& context)
{
    auto listed = context.listReaders();
    if (!listed)
        return listed.error();
    const std::vector<std::string>& readers = *listed;
    if (m_readersReported && readers == m_readers)
        return std::nullopt;

    for (const auto& old : m_readers) {
        if (std::find(readers.begin(), readers.end(), old) != readers.end())
            continue;
        if (m_states[old].present)
            m_listener.cardRemoved(old);
        m_states.erase(old);
    }
    for (const auto& name : readers)
        m_states.try_emplace(name);
    m_readers = readers;
    m_readersReported = true;
    m_listener.readersChanged(m_readers);
    return std::nullopt;
}

void PcscStatusWatcher::applyEvent(const std::string& reader, const SCARD_READERSTATE& state)
{
    ReaderState& known = m_states[reader];
    const DWORD event = state.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    const bool present = (event & SCARD_STATE_PRESENT) != 0;
    const bool firstLook = known.pcscState == SCARD_STATE_UNAWARE;
    const bool swapped =
        !firstLook && known.present && present && eventCount(known.pcscState) != eventCount(event);
    known.pcscState = event;

    if (known.present && (!present || swapped)) {
        known.present = false;
        m_listener.cardRemoved(reader);
    }
    if (!known.present && present) {
        known.present = true;
        // A mute card (SCARD_STATE_MUTE) is present without an ATR: reported
        // with an empty one, so the UI can say the card does not answer.
        const std::size_t length = std::min<std::size_t>(state.cbAtr, sizeof state.rgbAtr);
        m_listener.cardInserted(reader, Bytes(state.rgbAtr, state.rgbAtr + length));
    }
}

void PcscStatusWatcher::forgetReaders()
{
    for (const auto& name : m_readers) {
        if (m_states[name].present)
            m_listener.cardRemoved(name);
    }
    const bool hadReaders = !m_readers.empty();
    m_readers.clear();
    m_states.clear();
    m_pnpState = SCARD_STATE_UNAWARE;
    if (hadReaders)
        m_listener.readersChanged(m_readers);
    m_readersReported = false;
}

} // namespace cardlink::pcsc
