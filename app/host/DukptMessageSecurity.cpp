#include "DukptMessageSecurity.h"

#include "DukptKeyOwnership.h"

#include "dukpt/KeyDerivation.h"
#include "dukpt/KeySerialNumber.h"
#include "online/MessageMac.h"

namespace cardlink::host {

namespace {
Result<dukpt::WorkingKeys> keysFor(HostStore& store, const Terminal& terminal,
                                   const iso8583::Message& request)
{
    const Bytes* ksnBytes = request.bytes(iso8583::field::kKeySerialNumber);
    if (!ksnBytes)
        return makeError(ErrorCode::NotFound, "no key serial number (field 53)");
    auto ksn = dukpt::KeySerialNumber::fromBytes(*ksnBytes);
    if (!ksn)
        return ksn.error();
    if (!dukptKeyBelongsTo(terminal, *ksn))
        return makeError(ErrorCode::InvalidArgument, "field 53 names another terminal's DUKPT key");
    auto bdk = store.findBaseDerivationKey(terminal.bdkId);
    if (!bdk)
        return bdk.error();
    if (!*bdk)
        return makeError(ErrorCode::NotFound, "no BDK " + terminal.bdkId);
    auto keys = dukpt::KeyDerivation::hostWorkingKeys(**bdk, *ksn);
    secureWipe(**bdk);
    return keys;
}
} // namespace

Result<MacVerdict> DukptMessageSecurity::verifyRequest(const Terminal& terminal,
                                                       const iso8583::Message& request)
{
    if (!request.has(iso8583::field::kMac) && !request.has(iso8583::field::kSecondaryMac))
        return MacVerdict::Missing;
    auto keys = keysFor(m_store, terminal, request);
    if (!keys)
        return MacVerdict::Invalid; // no key to check with: the MAC cannot be right
    auto check = online::MessageMac::verify(request, keys->macGeneration.view());
    if (!check)
        return MacVerdict::Invalid;
    switch (*check) {
    case online::MacCheck::Valid:
        return MacVerdict::Valid;
    case online::MacCheck::Missing:
        return MacVerdict::Missing;
    case online::MacCheck::Invalid:
        break;
    }
    return MacVerdict::Invalid;
}

Result<void> DukptMessageSecurity::signResponse(const Terminal& terminal,
                                                const iso8583::Message& request,
                                                iso8583::Message& response)
{
    auto keys = keysFor(m_store, terminal, request);
    if (!keys)
        return keys.error();
    return online::MessageMac::apply(response, keys->macVerification.view());
}

} // namespace cardlink::host
