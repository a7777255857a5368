#pragma once

#include "iso7816/Apdu.h"
#include "sim/TransmissionProtocol.h"

namespace cardlink::sim {

// How the card's answers travel under its transmission protocol, and the
// GET RESPONSE command that fetches what a 61xx held back (ISO/IEC
// 7816-3:2006, 12.2 and 12.3; ISO/IEC 7816-4:2013, 5.1, GET RESPONSE).
//
// T=0, a case 2 command (Le, no data): the answer goes out as it is when its
// length is exactly Ne, otherwise 6Cxx with the length (00 = 256); more than
// 256 bytes go out 256 at a time with 61xx. Any other command (the card cannot
// see an Le in a T=0 TPDU with data): 61xx with the length, the data through
// GET RESPONSE; a warning (62xx/63xx) with data goes out alone and GET
// RESPONSE returns the data with 9000 (EMV 4.4 Book 1, 9.3.1.1, case 4 with
// warning). A GET RESPONSE asking more than is left gets 6Cxx.
//
// T=1: without Le the data are dropped (Ne = 0); an answer longer than Ne gets
// 6Cxx, except that a short Le of 00 with more than 256 bytes waiting gives
// 256 bytes and 61xx.
//
// Only the command right after a 61xx may fetch the data; any other command
// discards them.
class TransmissionRules
{
public:
    explicit TransmissionRules(TransmissionProtocol protocol);

    iso7816::ResponseApdu shape(const iso7816::CommandApdu& command, iso7816::ResponseApdu answer);
    iso7816::ResponseApdu getResponse(const iso7816::CommandApdu& command);
    void clear();

private:
    iso7816::ResponseApdu shapeT0(const iso7816::CommandApdu& command,
                                  iso7816::ResponseApdu answer);
    iso7816::ResponseApdu shapeT1(const iso7816::CommandApdu& command,
                                  iso7816::ResponseApdu answer);
    // Sends `count` bytes of `data` now and keeps the rest for GET RESPONSE.
    iso7816::ResponseApdu sendPart(Bytes data, std::size_t count, std::uint16_t finalSw);
    iso7816::ResponseApdu hold(Bytes data, std::uint16_t finalSw, std::uint16_t sendSw);

    TransmissionProtocol m_protocol;
    Bytes m_pending;
    std::uint16_t m_pendingSw = 0;
    bool m_hasPending = false;
};

} // namespace cardlink::sim
