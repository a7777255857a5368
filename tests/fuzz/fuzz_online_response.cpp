// Fuzzes the terminal's reading of a host answer: the bytes are a 0110/0210
// on the wire (no length header) answering a fixed 0200, read without and
// with the response MAC check, and as the answer to a fixed 0800 echo.
// Whatever parses must be a consistent OnlineResponse: 8A two characters,
// 91 empty or 8-16 bytes, the scripts a run of complete 71/72 templates,
// and a MAC-checked parse must also pass without the check.
#include "dukpt/DukptTerminal.h"
#include "emv/TransactionData.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"
#include "online/NetworkMessages.h"
#include "online/RequestBuilder.h"
#include "online/ResponseParser.h"
#include "tlv/TlvParser.h"

#include <chrono>
#include <cstdlib>

using namespace cardlink;
using namespace cardlink::online;

namespace {
Bytes hex(const char* text)
{
    return fromHex(text).value();
}

MessageStamp fixedStamp()
{
    return {123, std::chrono::system_clock::time_point(std::chrono::seconds(1718202605))};
}

const TerminalIdentity& identity()
{
    static const TerminalIdentity who{"TERM0001", "MERCHANT1", "978"};
    return who;
}

const dukpt::TransactionKey& key()
{
    // The X9.24-3-2017 example initial key, counter 21.
    static const dukpt::TransactionKey k =
        dukpt::DukptTerminal::resume(hex("1273671EA26AC29AFA4D1084127652A1"),
                                     hex("1234567890123456"), 21)
            .value()
            .nextTransaction()
            .value();
    return k;
}

const iso8583::Message& purchase()
{
    static const iso8583::Message request = [] {
        emv::OnlineRequest r;
        r.data.set(0x57, hex("4761739001010010D25122011143804400000F"));
        r.data.set(0x9F02, hex("000000001234"));
        r.data.set(0x9C, hex("00"));
        r.data.set(0x9A, hex("240612"));
        r.data.set(0x9F21, hex("143005"));
        r.data.set(0x5F2A, hex("0978"));
        r.data.set(0x9F26, hex("A1B2C3D4E5F60708"));
        r.data.set(0x9F27, hex("80"));
        r.data.set(0x9F36, hex("001C"));
        return RequestBuilder::onlineRequest(r, identity(), fixedStamp(), {}, {&key(), true})
            .value();
    }();
    return request;
}

const iso8583::Message& echo()
{
    static const iso8583::Message request =
        NetworkMessages::echo(identity(), fixedStamp(), {}).value();
    return request;
}

void check(const emv::OnlineResponse& response)
{
    if (response.authorisationResponseCode.size() != 2)
        std::abort();
    const auto iad = response.issuerAuthenticationData.size();
    if (iad != 0 && (iad < 8 || iad > 16))
        std::abort();
    auto scripts = tlv::parse(response.issuerScripts);
    if (!scripts)
        std::abort();
    for (const auto& object : *scripts) {
        if (object.tag != 0x71 && object.tag != 0x72)
            std::abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const ByteView wire(data, size);
    auto plain = ResponseParser::decodeAuthorization(wire, purchase());
    if (plain)
        check(*plain);
    auto maced = ResponseParser::decodeAuthorization(wire, purchase(), &key());
    if (maced) {
        check(*maced);
        if (!plain)
            std::abort();
    }
    auto message = iso8583::MessageCodec(iso8583::cardLinkProfile()).decode(wire);
    if (message)
        (void)ResponseParser::responseCode(*message, echo(), &key());
    return 0;
}
