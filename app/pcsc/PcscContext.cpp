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

} // namespace cardlink::pcsc
