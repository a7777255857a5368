#include "online/TerminalSecurity.h"

#include "dukpt/DukptPin.h"
#include "dukpt/KeyDerivation.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageValidator.h"

namespace cardlink::online {

namespace field = iso8583::field;

Result<void> TerminalSecurity::addPin(iso8583::Message& message, ByteView pin, std::string_view pan,
                                      const dukpt::TransactionKey& key,
                                      const pin::RandomSource& random)
{
    auto enciphered = dukpt::DukptPin::encipher(pin, pan, key, random);
    if (!enciphered)
        return enciphered.error();
    message.set(field::kPinBlock, std::move(enciphered->pinBlock));
    message.set(field::kKeySerialNumber, enciphered->ksn.toBytes());
    return {};
}

Result<void> TerminalSecurity::protect(iso8583::Message& message, const RequestSecurity& security)
{
    if (!security.mac)
        return {};
    if (security.transactionKey == nullptr)
        return makeError(ErrorCode::InvalidArgument, "a MACed message needs a DUKPT key");
    const dukpt::TransactionKey& key = *security.transactionKey;
    auto macKey =
        dukpt::KeyDerivation::workingKey(key.key.view(), key.ksn, dukpt::KeyUsage::MacGeneration);
    if (!macKey)
        return macKey.error();
    message.set(field::kKeySerialNumber, key.ksn.toBytes());
    return MessageMac::apply(message, macKey->view());
}

Result<MacCheck> TerminalSecurity::verifyResponse(const iso8583::Message& response,
                                                  const dukpt::TransactionKey& key)
{
    auto macKey =
        dukpt::KeyDerivation::workingKey(key.key.view(), key.ksn, dukpt::KeyUsage::MacVerification);
    if (!macKey)
        return macKey.error();
    return MessageMac::verify(response, macKey->view());
}

Result<iso8583::Message> TerminalSecurity::seal(iso8583::Message message,
                                                const RequestSecurity& security)
{
    if (auto ok = protect(message, security); !ok)
        return ok.error();
    if (auto ok = iso8583::MessageValidator::validate(message, iso8583::cardLinkProfile()); !ok)
        return ok.error();
    return message;
}

} // namespace cardlink::online
