#pragma once

#include "iso8583/Message.h"
#include "iso8583/Profile.h"
#include "util/Result.h"

namespace cardlink::iso8583 {

// Checks a message against CardLink's rules before it is sent and after it is
// decoded (docs/iso8583-profile.md, "Fields per message type"):
// - every field fits its FieldSpec in `profile`;
// - the MTI is one CardLink uses (ErrorCode::Unsupported otherwise);
// - mandatory fields present, no field outside mandatory + conditional;
// - card requests carry field 2 or 35;
// - a PIN block (52) is 8 bytes (formats 0, 1, 3 under TDES) or 16 bytes
//   (format 4 under AES) and comes with its key serial number (53);
// - the MAC is the last field: 64 without a secondary bitmap, 128 with one
//   (ISO 8583:1987, 4.3, fields 64 and 128), never both;
// - an approved authorization or financial response ("00") carries field 38.
class MessageValidator
{
public:
    static Result<void> validate(const Message& message, const Profile& profile);
};

} // namespace cardlink::iso8583
