#pragma once

#include <cstdint>
#include <string>

namespace cardlink::host {

// A terminal the host knows. Requests are accepted only from an authenticated
// terminal (TLS client certificate, or the dial-in link's MAC key) and only
// for its own merchant.
struct Terminal
{
    std::string id;              // field 41, 8 characters
    std::string merchantId;      // field 42 must match
    std::string certFingerprint; // SHA-256 of the client certificate (DER), hex lower case
    std::string bdkId;           // DUKPT base derivation key (PIN and MAC keys)
    // The terminal's DUKPT initial key ID (X9.24-3-2017: BDK ID || derivation
    // ID), hex upper case. A key serial number from this terminal must carry
    // it: another terminal's keys are never accepted in its name.
    std::string initialKeyId;
    bool macRequired = false; // MAC on every message, even inside TLS
    bool revoked = false;
    std::uint32_t batchNumber = 1; // the open batch; closed by an 0500 that balances
};

} // namespace cardlink::host
