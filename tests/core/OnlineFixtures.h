#pragma once

// Shared data for the terminal message tests: an EMV transaction as the
// kernel hands it to the host layer (public EMV test card 4761739001010010,
// made-up cryptogram), the X9.24-3 example DUKPT keys, and a host answer.
#include "dukpt/DukptTerminal.h"
#include "dukpt/KeyDerivation.h"
#include "emv/OnlineAuthorization.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/Message.h"
#include "online/MessageStamp.h"
#include "online/TerminalIdentity.h"

#include "support/TestBytes.h"

#include <chrono>
#include <cstring>

namespace cardlink::test::online {

constexpr const char* kBdk = "FEDCBA9876543210F1F1F1F1F1F1F1F1";
constexpr const char* kInitialKeyId = "1234567890123456";
constexpr const char* kPan = "4761739001010010";
constexpr const char* kTrack2 = "4761739001010010=25122011143804400000";

inline emv::TransactionData transactionData(bool withTrack2 = true)
{
    emv::TransactionData d;
    d.set(0x5A, hex("4761739001010010"));
    if (withTrack2)
        d.set(0x57, hex("4761739001010010D25122011143804400000F"));
    d.set(0x5F24, hex("251231"));
    d.set(0x5F34, hex("01"));
    d.set(0x9F02, hex("000000001234"));
    d.set(0x9F03, hex("000000000000"));
    d.set(0x9C, hex("00"));
    d.set(0x9A, hex("240612"));
    d.set(0x9F21, hex("143005"));
    d.set(0x5F2A, hex("0978"));
    d.set(0x9F1A, hex("0250"));
    d.set(0x95, hex("0000008000"));
    d.set(0x82, hex("1980"));
    d.set(0x9F36, hex("001C"));
    d.set(0x9F26, hex("A1B2C3D4E5F60708"));
    d.set(0x9F27, hex("80"));
    d.set(0x9F10, hex("0601120380000000"));
    d.set(0x9F37, hex("11223344"));
    d.set(0x9F34, hex("1F0302")); // no CVM required
    d.set(0x84, hex("A0000000031010"));
    d.set(0x9F33, hex("E0F8C8"));
    d.set(0x9F35, hex("22"));
    return d;
}

inline emv::OnlineRequest onlineRequest(const char* pin = nullptr, bool withTrack2 = true)
{
    emv::OnlineRequest request;
    request.data = transactionData(withTrack2);
    if (pin != nullptr) {
        request.hasOnlinePin = true;
        request.onlinePin = pin::SecretBytes(
            ByteView(reinterpret_cast<const std::uint8_t*>(pin), std::strlen(pin)));
        request.data.set(0x9F34, hex("420300")); // enciphered PIN verified online
    }
    return request;
}

inline cardlink::online::TerminalIdentity identity()
{
    return {"TERM0001", "MERCHANT1", "978"};
}

// 2024-06-12 14:30:05 UTC.
inline cardlink::online::MessageStamp stamp(std::uint32_t stan = 123)
{
    using namespace std::chrono;
    return {stan, system_clock::time_point(seconds(1718202605))};
}

inline dukpt::TransactionKey transactionKey(std::uint32_t counter = 5)
{
    auto ik = dukpt::KeyDerivation::initialKey(hex(kBdk), hex(kInitialKeyId)).value();
    auto terminal = dukpt::DukptTerminal::resume(ik.view(), hex(kInitialKeyId), counter).value();
    return terminal.nextTransaction().value();
}

// The host's answer to a card request: the echoed fields plus 37-39.
inline iso8583::Message answer(const iso8583::Message& request, const char* code)
{
    iso8583::Message m(request.mti().substr(0, 2) + "10");
    for (int f : {3, 4, 7, 11, 41})
        m.set(f, *request.text(f));
    m.set(37, "000000123456");
    m.set(39, code);
    if (std::strcmp(code, "00") == 0)
        m.set(38, "A1B2C3");
    return m;
}

} // namespace cardlink::test::online
