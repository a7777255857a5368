#include "PcscCardHandle.h"

#include "PcscError.h"

#include <algorithm>
#include <utility>

namespace cardlink::pcsc {

namespace {

constexpr DWORD kProtocols = SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1;

DWORD shareFlag(ShareMode share)
{
    return share == ShareMode::Exclusive ? SCARD_SHARE_EXCLUSIVE : SCARD_SHARE_SHARED;
}

CardProtocol protocolOf(DWORD active)
{
    switch (active) {
    case SCARD_PROTOCOL_T0:
        return CardProtocol::T0;
    case SCARD_PROTOCOL_T1:
        return CardProtocol::T1;
    case SCARD_PROTOCOL_RAW:
        return CardProtocol::Raw;
    default:
        return CardProtocol::Undefined;
    }
}

DWORD dispositionFlag(Disposition disposition)
{
    switch (disposition) {
    case Disposition::Reset:
        return SCARD_RESET_CARD;
    case Disposition::Unpower:
        return SCARD_UNPOWER_CARD;
    case Disposition::Leave:
        break;
    }
    return SCARD_LEAVE_CARD;
}

} // namespace

const char* protocolName(CardProtocol protocol)
{
    switch (protocol) {
    case CardProtocol::T0:
        return "T=0";
    case CardProtocol::T1:
        return "T=1";
    case CardProtocol::Raw:
        return "raw";
    case CardProtocol::Undefined:
        break;
    }
    return "undefined";
}

PcscCardHandle::PcscCardHandle(SCARDHANDLE handle, ShareMode share, DWORD protocol)
    : m_handle(handle), m_connected(true), m_share(share), m_protocol(protocolOf(protocol)),
      m_activeProtocol(protocol)
{}

Result<PcscCardHandle> PcscCardHandle::connect(const PcscContext& context,
                                               const std::string& reader, ShareMode share)
{
    SCARDHANDLE handle = 0;
    DWORD active = 0;
    const LONG rv = SCardConnect(context.handle(), reader.c_str(), shareFlag(share), kProtocols,
                                 &handle, &active);
    if (rv != SCARD_S_SUCCESS)
        return pcscError(rv, "SCardConnect");
    return PcscCardHandle(handle, share, active);
}

PcscCardHandle::PcscCardHandle(PcscCardHandle&& other) noexcept
    : m_handle(std::exchange(other.m_handle, 0)),
      m_connected(std::exchange(other.m_connected, false)), m_share(other.m_share),
      m_protocol(other.m_protocol), m_activeProtocol(other.m_activeProtocol),
      m_resetSeen(other.m_resetSeen)
{}

PcscCardHandle& PcscCardHandle::operator=(PcscCardHandle&& other) noexcept
{
    if (this != &other) {
        disconnect(Disposition::Leave);
        m_handle = std::exchange(other.m_handle, 0);
        m_connected = std::exchange(other.m_connected, false);
        m_share = other.m_share;
        m_protocol = other.m_protocol;
        m_activeProtocol = other.m_activeProtocol;
        m_resetSeen = other.m_resetSeen;
    }
    return *this;
}

PcscCardHandle::~PcscCardHandle()
{
    disconnect(Disposition::Leave);
}

Result<Bytes> PcscCardHandle::transmit(ByteView command)
{
    m_resetSeen = false;
    if (!m_connected)
        return makeError(ErrorCode::InvalidArgument, "SCardTransmit: not connected");

    const SCARD_IO_REQUEST* pci = nullptr;
    if (m_activeProtocol == SCARD_PROTOCOL_T0)
        pci = SCARD_PCI_T0;
    else if (m_activeProtocol == SCARD_PROTOCOL_T1)
        pci = SCARD_PCI_T1;
    else
        pci = SCARD_PCI_RAW;

    Bytes response(MAX_BUFFER_SIZE_EXTENDED);
    DWORD length = static_cast<DWORD>(response.size());
    const LONG rv = SCardTransmit(m_handle, pci, command.data(), static_cast<DWORD>(command.size()),
                                  nullptr, response.data(), &length);
    if (rv != SCARD_S_SUCCESS) {
        m_resetSeen = rv == SCARD_W_RESET_CARD;
        return pcscError(rv, "SCardTransmit");
    }
    response.resize(std::min<std::size_t>(length, response.size()));
    return response;
}

Result<void> PcscCardHandle::reconnect(bool reset)
{
    DWORD active = 0;
    const LONG rv = SCardReconnect(m_handle, shareFlag(m_share), kProtocols,
                                   reset ? SCARD_RESET_CARD : SCARD_LEAVE_CARD, &active);
    if (rv != SCARD_S_SUCCESS)
        return pcscError(rv, "SCardReconnect");
    m_activeProtocol = active;
    m_protocol = protocolOf(active);
    return {};
}

Result<CardStatus> PcscCardHandle::status() const
{
    char reader[MAX_READERNAME + 1] = {};
    DWORD readerLength = sizeof reader;
    DWORD state = 0;
    DWORD protocol = 0;
    BYTE atr[MAX_ATR_SIZE] = {};
    DWORD atrLength = sizeof atr;
    const LONG rv =
        SCardStatus(m_handle, reader, &readerLength, &state, &protocol, atr, &atrLength);
    if (rv != SCARD_S_SUCCESS)
        return pcscError(rv, "SCardStatus");

    CardStatus status;
    const auto names = splitMultiString(reader, std::min<std::size_t>(readerLength, sizeof reader));
    if (!names.empty())
        status.reader = names.front();
    status.present = (state & SCARD_PRESENT) != 0;
    status.protocol = protocolOf(protocol);
    status.atr.assign(atr, atr + std::min<std::size_t>(atrLength, sizeof atr));
    return status;
}

void PcscCardHandle::disconnect(Disposition disposition)
{
    if (m_connected)
        SCardDisconnect(m_handle, dispositionFlag(disposition));
    m_connected = false;
    m_handle = 0;
}

} // namespace cardlink::pcsc
