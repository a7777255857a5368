#pragma once

#include "host/HostStore.h"
#include "host/MessageSecurity.h"

namespace cardlink::host {

// core/host's MessageSecurity: the message MAC of fields 64/128
// (core/online MessageMac, AES-CMAC) under the DUKPT MAC keys of the KSN in
// the request's field 53: requests under the MAC generation key, responses
// under the MAC verification key of the same KSN (docs/dukpt.md).
class DukptMessageSecurity final : public MessageSecurity
{
public:
    explicit DukptMessageSecurity(HostStore& store) : m_store(store) {}

    Result<MacVerdict> verifyRequest(const Terminal& terminal,
                                     const iso8583::Message& request) override;
    Result<void> signResponse(const Terminal& terminal, const iso8583::Message& request,
                              iso8583::Message& response) override;

private:
    HostStore& m_store;
};

} // namespace cardlink::host
