#pragma once

#include "iso8583/CardLinkProfile.h"
#include "iso8583/Message.h"
#include "iso8583/Profile.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>

namespace cardlink::online {

enum class MacCheck {
    Valid,
    Invalid, // wrong value, or the MAC in the wrong field (or in both)
    Missing, // neither field 64 nor 128
};

const char* macCheckName(MacCheck check);

// The message MAC of CardLink (docs/iso8583-profile.md, "Message MAC"):
// AES-CMAC (NIST SP 800-38B) under a DUKPT MAC key, leftmost 8 bytes, in
// field 64 when the message has no field 65-127 and in field 128 when it has
// one. The MACed bytes are the encoded message (MTI, bitmaps, fields; no
// length header) with the MAC field's bitmap bit set, up to but excluding
// the 8 MAC bytes at the end: exactly the bytes that precede the MAC on the
// wire. Keys: a request (terminal -> host) under the MAC generation key
// (usage 2000) of the request's KSN, a response under the MAC verification
// key (usage 2001) of the same KSN.
class MessageMac
{
public:
    static constexpr std::size_t kMacSize = 8;

    // 128 when any field 65-127 is present, else 64.
    static int macField(const iso8583::Message& message);
    // The bytes the MAC covers (see above); the message's own MAC fields,
    // present or not, do not matter. Errors when the message does not encode.
    static Result<Bytes> macInput(const iso8583::Message& message,
                                  const iso8583::Profile& profile = iso8583::cardLinkProfile());
    // The 8-byte MAC; the key is an AES key of 16, 24 or 32 bytes.
    static Result<Bytes> compute(const iso8583::Message& message, ByteView key,
                                 const iso8583::Profile& profile = iso8583::cardLinkProfile());
    // Sets the MAC field (and removes a MAC from the other one).
    static Result<void> apply(iso8583::Message& message, ByteView key,
                              const iso8583::Profile& profile = iso8583::cardLinkProfile());
    // Recomputes and compares in constant time.
    static Result<MacCheck> verify(const iso8583::Message& message, ByteView key,
                                   const iso8583::Profile& profile = iso8583::cardLinkProfile());
};

} // namespace cardlink::online
