#include "payment/ReadOnlyChannel.h"

#include <cstdio>

namespace cardlink::cli {

namespace {
// ISO/IEC 7816-4:2013, 5.4.1: SELECT, READ RECORD, READ BINARY, GET DATA,
// GET RESPONSE; EMV 4.4 Book 3, 6.5.8: GET PROCESSING OPTIONS (CLA 80).
constexpr std::uint8_t kSelect = 0xA4;
constexpr std::uint8_t kReadRecord = 0xB2;
constexpr std::uint8_t kReadBinary = 0xB0;
constexpr std::uint8_t kGetData = 0xCA;
constexpr std::uint8_t kGetResponse = 0xC0;
constexpr std::uint8_t kGetProcessingOptions = 0xA8;
// ISO/IEC 7816-4, 5.4.2: b4-b3 of an interindustry CLA, secure messaging.
constexpr std::uint8_t kSecureMessagingBits = 0x0C;
} // namespace

bool ReadOnlyChannel::isAllowed(const iso7816::CommandApdu& command)
{
    if ((command.cla & kSecureMessagingBits) != 0)
        return false;
    // An allow list: a command not named here is refused, whatever it is.
    switch (command.ins) {
    case kSelect:
    case kReadRecord:
    case kReadBinary:
    case kGetData:
    case kGetResponse:
    case kGetProcessingOptions:
        return true;
    default:
        return false;
    }
}

Result<iso7816::ResponseApdu> ReadOnlyChannel::transmit(const iso7816::CommandApdu& command)
{
    if (!isAllowed(command)) {
        char header[16];
        std::snprintf(header, sizeof header, "%02X %02X", command.cla, command.ins);
        return makeError(ErrorCode::Unsupported,
                         std::string("refused to send a command that is not a read (CLA INS ") +
                             header + ")");
    }
    return m_inner.transmit(command);
}

} // namespace cardlink::cli
