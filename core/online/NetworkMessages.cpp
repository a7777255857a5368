#include "online/NetworkMessages.h"

#include "iso8583/CardLinkProfile.h"

namespace cardlink::online {

namespace field = iso8583::field;

namespace {
std::string padRight(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.append(width - text.size(), ' ');
    return text;
}
} // namespace

Result<iso8583::Message> NetworkMessages::request(const char* code,
                                                  const TerminalIdentity& identity,
                                                  const MessageStamp& stamp,
                                                  const RequestSecurity& security)
{
    iso8583::Message m("0800");
    m.set(field::kTransmissionDateTime, stamp.transmissionDateTime());
    m.set(field::kStan, stamp.stanText());
    m.set(field::kTerminalId, identity.terminalId);
    m.set(field::kMerchantId, padRight(identity.merchantId, 15));
    m.set(field::kNetworkManagementCode, code);
    return TerminalSecurity::seal(std::move(m), security);
}

} // namespace cardlink::online
