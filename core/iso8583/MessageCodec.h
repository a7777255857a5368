#pragma once

#include "iso8583/Message.h"
#include "iso8583/Profile.h"
#include "util/Bytes.h"
#include "util/Result.h"

namespace cardlink::iso8583 {

// ISO 8583:1987 message layout: MTI, primary bitmap (8 bytes, bit 1 = a
// secondary bitmap follows), secondary bitmap (8 bytes, fields 65..128), then
// the present fields in ascending order. No length header: see LengthFramer.
//
// Decoding refuses (ErrorCode::Malformed unless noted):
// - a message larger than the profile's maximum;
// - an MTI that is not four digits, or whose version digit is not 0 (1987;
//   ErrorCode::Unsupported);
// - bit 65 (tertiary bitmap, ErrorCode::Unsupported) or a secondary bitmap
//   with no field set (a non-canonical encoding);
// - a bit for a field the profile does not define;
// - any field that breaks its FieldSpec (see FieldCodec);
// - data running out (ErrorCode::Truncated) or bytes left after the last field.
// Encoding checks the same rules and leaves out an empty secondary bitmap.
class MessageCodec
{
public:
    explicit MessageCodec(const Profile& profile) : m_profile(profile) {}

    Result<Bytes> encode(const Message& message) const;
    Result<Message> decode(ByteView bytes) const;

    const Profile& profile() const { return m_profile; }

private:
    const Profile& m_profile;
};

} // namespace cardlink::iso8583
