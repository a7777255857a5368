#pragma once

#include "PcscContext.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <winscard.h>

#include <string>

namespace cardlink::pcsc {

enum class ShareMode { Shared, Exclusive };

// The transmission protocol the reader and the card agreed on at connect
// (ISO/IEC 7816-3:2006, 6.3: PPS or the ATR's default).
enum class CardProtocol { T0, T1, Raw, Undefined };

const char* protocolName(CardProtocol protocol);

// What to do with the card when the handle is given up (SCardDisconnect).
enum class Disposition { Leave, Reset, Unpower };

// What SCardStatus reports about a connected card.
struct CardStatus
{
    std::string reader;
    bool present = false;
    CardProtocol protocol = CardProtocol::Undefined;
    Bytes atr;
};

// Owns one SCARDHANDLE: a connection to the card in one reader. Disconnects
// (leaving the card as it is) in the destructor. Move-only. A thin wrapper:
// bytes in, bytes out, PC/SC errors mapped to Error; no APDU logic.
class PcscCardHandle
{
public:
    // Connects with T=0 or T=1, whichever the card offers (pcscd negotiates).
    static Result<PcscCardHandle> connect(const PcscContext& context, const std::string& reader,
                                          ShareMode share);

    PcscCardHandle(PcscCardHandle&& other) noexcept;
    PcscCardHandle& operator=(PcscCardHandle&& other) noexcept;
    PcscCardHandle(const PcscCardHandle&) = delete;
    PcscCardHandle& operator=(const PcscCardHandle&) = delete;
    ~PcscCardHandle();

    CardProtocol protocol() const { return m_protocol; }

    // One SCardTransmit with the PCI of the active protocol. Returns the raw
    // response (data + SW1 SW2). SCARD_W_RESET_CARD comes back as an Error
    // (Io) with `resetSeen()` set, so the caller can reconnect.
    Result<Bytes> transmit(ByteView command);
    bool resetSeen() const { return m_resetSeen; }

    // SCardReconnect keeping the share mode; `reset` asks for a warm reset,
    // otherwise the card is left as it is (used after another application
    // reset it).
    Result<void> reconnect(bool reset);

    Result<CardStatus> status() const;

    void disconnect(Disposition disposition);

private:
    PcscCardHandle(SCARDHANDLE handle, ShareMode share, DWORD protocol);

    SCARDHANDLE m_handle = 0;
    bool m_connected = false;
    ShareMode m_share = ShareMode::Shared;
    CardProtocol m_protocol = CardProtocol::Undefined;
    DWORD m_activeProtocol = 0;
    bool m_resetSeen = false;
};

} // namespace cardlink::pcsc
