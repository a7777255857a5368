#include "PcscContext.h"

#include "PcscError.h"

#include <algorithm>
#include <utility>

namespace cardlink::pcsc {

Result<PcscContext> PcscContext::establish()
{
    SCARDCONTEXT context = 0;
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
    if (rv != SCARD_S_SUCCESS)
        return pcscError(rv, "SCardEstablishContext");
    PcscContext result(context);
    result.m_owned = true;
    return result;
}

PcscContext::PcscContext(PcscContext&& other) noexcept
    : m_context(std::exchange(other.m_context, 0)), m_owned(std::exchange(other.m_owned, false))
{}

PcscContext& PcscContext::operator=(PcscContext&& other) noexcept
{
    if (this != &other) {
        release();
        m_context = std::exchange(other.m_context, 0);
        m_owned = std::exchange(other.m_owned, false);
    }
    return *this;
}

PcscContext::~PcscContext()
{
    release();
}

void PcscContext::release()
{
    if (m_owned)
        SCardReleaseContext(m_context);
    m_context = 0;
    m_owned = false;
}

Result<std::vector<std::string>> PcscContext::listReaders() const
{
    // The list can change between the size query and the fetch (a reader
    // plugged in): pcsc-lite then answers SCARD_E_INSUFFICIENT_BUFFER, so ask again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        DWORD size = 0;
        LONG rv = SCardListReaders(m_context, nullptr, nullptr, &size);
        if (rv == SCARD_E_NO_READERS_AVAILABLE)
            return std::vector<std::string>{};
        if (rv != SCARD_S_SUCCESS)
            return pcscError(rv, "SCardListReaders");
        std::string buffer(size, '\0');
        rv = SCardListReaders(m_context, nullptr, buffer.data(), &size);
        if (rv == SCARD_E_NO_READERS_AVAILABLE)
            return std::vector<std::string>{};
        if (rv == SCARD_E_INSUFFICIENT_BUFFER)
            continue;
        if (rv != SCARD_S_SUCCESS)
            return pcscError(rv, "SCardListReaders");
        return splitMultiString(buffer.data(), std::min<std::size_t>(size, buffer.size()));
    }
    return makeError(ErrorCode::Io, "SCardListReaders: the reader list kept changing");
}

Result<void> PcscContext::cancel() const
{
    const LONG rv = SCardCancel(m_context);
    if (rv != SCARD_S_SUCCESS)
        return pcscError(rv, "SCardCancel");
    return {};
}

bool PcscContext::isValid() const
{
    return m_owned && SCardIsValidContext(m_context) == SCARD_S_SUCCESS;
}

Result<bool> PcscContext::waitForCardAbsent(const std::string& reader,
                                            std::chrono::milliseconds timeout) const
{
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + timeout;
    SCARD_READERSTATE state{};
    state.szReader = reader.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    DWORD wait = 0; // the first call only reads the current state
    for (;;) {
        const LONG rv = SCardGetStatusChange(m_context, wait, &state, 1);
        if (rv == SCARD_E_TIMEOUT)
            return false;
        if (rv == SCARD_E_UNKNOWN_READER)
            return true;
        if (rv != SCARD_S_SUCCESS)
            return pcscError(rv, "SCardGetStatusChange");
        const DWORD event = state.dwEventState;
        if ((event & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE | SCARD_STATE_IGNORE)) ||
            !(event & SCARD_STATE_PRESENT))
            return true;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            return false;
        state.dwCurrentState = event & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
        wait = static_cast<DWORD>(left.count());
    }
}

} // namespace cardlink::pcsc
