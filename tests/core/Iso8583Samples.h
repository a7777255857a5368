#pragma once

// One valid CardLink message per MTI (docs/iso8583-profile.md), shared by the
// ISO 8583 codec and dump tests. Card data are test values: the PAN is the
// public EMV test card 4761739001010010, the PIN block and MAC are made up.
#include "iso8583/Message.h"
#include "util/Bytes.h"

#include <string>
#include <utility>
#include <vector>

namespace cardlink::iso8583::samples {

inline Bytes bytesOf(const char* hexText)
{
    return fromHex(hexText).value();
}

constexpr const char* kPan = "4761739001010010";
constexpr const char* kTrack2 = "4761739001010010=25122011143804400000";
constexpr const char* kPinBlockHex = "C1D2E3F405A6B7C8";
constexpr const char* kKsnHex = "FFFF9876543210E00001";
constexpr const char* kMacHex = "0102030405060708";
// EMV data with the PAN (5A) and track 2 equivalent (57) inside, plus the
// application cryptogram (9F26) and ATC (9F36).
constexpr const char* kIccDataHex = "5A0847617390010100109F2608A1B2C3D4E5F607089F3602001C"
                                    "57114761739001010010D2512201114380440F";

inline void addTransaction(Message& m)
{
    m.set(3, "000000");
    m.set(4, "000000001234");
    m.set(7, "0612143005");
    m.set(11, "000123");
}

inline void addRequest(Message& m)
{
    addTransaction(m);
    m.set(12, "143005");
    m.set(13, "0612");
    m.set(22, "051");
    m.set(25, "00");
    m.set(41, "TERM0001");
    m.set(42, "MERCHANT0000001");
    m.set(49, "978");
}

inline Message authorizationRequest()
{
    Message m("0100");
    addRequest(m);
    m.set(2, kPan);
    m.set(14, "2512");
    m.set(23, "001");
    m.set(52, bytesOf(kPinBlockHex));
    m.set(53, bytesOf(kKsnHex));
    m.set(55, bytesOf(kIccDataHex));
    m.set(64, bytesOf(kMacHex));
    return m;
}

inline Message authorizationResponse()
{
    Message m("0110");
    addTransaction(m);
    m.set(37, "000000123456");
    m.set(38, "A1B2C3");
    m.set(39, "00");
    m.set(41, "TERM0001");
    m.set(55, bytesOf("910A11223344556677880000"));
    m.set(62, bytesOf("0011223344556677"));
    m.set(64, bytesOf(kMacHex));
    return m;
}

inline Message financialRequest()
{
    Message m("0200");
    addRequest(m);
    m.set(35, kTrack2);
    m.set(28, "D00000050");
    m.set(120, R"({"order":"A-1001","items":[{"sku":"TICKET-ZONE-2","qty":2}],"total":1234})");
    m.set(121, bytesOf("8E27C9F1A0B1C2D3"));
    m.set(125, "CardLink/0.1 EMV-L2");
    m.set(128, bytesOf(kMacHex));
    return m;
}

inline Message financialResponse()
{
    Message m("0210");
    addTransaction(m);
    m.set(37, "000000123457");
    m.set(38, "777777");
    m.set(39, "00");
    m.set(41, "TERM0001");
    m.set(122, "E-TICKET ZONE 2 x2 VALID 2024-06-12");
    m.set(123, bytesOf("01020304050607080910"));
    m.set(124, bytesOf("84DA00001000000004D2"));
    m.set(126, "Thank you");
    m.set(128, bytesOf(kMacHex));
    return m;
}

inline Message financialAdvice()
{
    Message m("0220");
    addRequest(m);
    m.set(2, kPan);
    m.set(38, "Y1    ");
    m.set(55, bytesOf(kIccDataHex));
    m.set(64, bytesOf(kMacHex));
    return m;
}

inline Message adviceResponse()
{
    Message m("0230");
    addTransaction(m);
    m.set(39, "00");
    m.set(41, "TERM0001");
    return m;
}

inline Message reversal(const char* mti)
{
    Message m(mti);
    addTransaction(m);
    m.set(2, kPan);
    m.set(22, "051");
    m.set(25, "00");
    m.set(39, "68");
    m.set(41, "TERM0001");
    m.set(42, "MERCHANT0000001");
    m.set(49, "978");
    // Original MTI, STAN, transmission date/time, acquirer and forwarder ids.
    m.set(90, "020000012306121430050000000000000000000000");
    m.set(128, bytesOf(kMacHex));
    return m;
}

inline Message reversalResponse()
{
    Message m("0410");
    addTransaction(m);
    m.set(39, "00");
    m.set(41, "TERM0001");
    m.set(90, "020000012306121430050000000000000000000000");
    m.set(128, bytesOf(kMacHex));
    return m;
}

inline Message reconciliationRequest()
{
    Message m("0500");
    m.set(3, "920000");
    m.set(7, "0612230000");
    m.set(11, "000200");
    m.set(41, "TERM0001");
    m.set(42, "MERCHANT0000001");
    m.set(48, "SALES=0012:000000045600;REFUNDS=0001:000000001200");
    m.set(49, "978");
    m.set(64, bytesOf(kMacHex));
    return m;
}

inline Message reconciliationResponse()
{
    Message m("0510");
    m.set(3, "920000");
    m.set(7, "0612230000");
    m.set(11, "000200");
    m.set(39, "00");
    m.set(41, "TERM0001");
    return m;
}

inline Message echoRequest()
{
    Message m("0800");
    m.set(7, "0612143000");
    m.set(11, "000122");
    m.set(41, "TERM0001");
    m.set(70, "301");
    return m;
}

inline Message challengeResponse()
{
    Message m("0810");
    m.set(7, "0612143000");
    m.set(11, "000122");
    m.set(39, "00");
    m.set(41, "TERM0001");
    m.set(62, bytesOf("A5A5A5A50102030405060708"));
    m.set(70, "802");
    m.set(128, bytesOf(kMacHex));
    return m;
}

// Every MTI of the CardLink profile, in MTI order.
inline std::vector<std::pair<std::string, Message>> all()
{
    return {
        {"0100", authorizationRequest()},   {"0110", authorizationResponse()},
        {"0200", financialRequest()},       {"0210", financialResponse()},
        {"0220", financialAdvice()},        {"0230", adviceResponse()},
        {"0400", reversal("0400")},         {"0401", reversal("0401")},
        {"0410", reversalResponse()},       {"0500", reconciliationRequest()},
        {"0510", reconciliationResponse()}, {"0800", echoRequest()},
        {"0810", challengeResponse()},
    };
}

} // namespace cardlink::iso8583::samples
