#pragma once

#include "iso8583/Message.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <optional>

namespace cardlink::journal {

// The request as a journal may keep it: encoded in CardLink's ISO 8583
// profile without the fields that carry card or PIN secrets — 2 (PAN), 35
// (track 2), 45 (track 1), 52 (PIN block, enciphered but still never kept) —
// and without the MAC (64, 128) that a rebuilt message computes again. Field
// 55 keeps its data objects except those holding the PAN or a track.
class StoredRequest
{
public:
    static Result<Bytes> encode(iso8583::Message message);
    static Result<iso8583::Message> decode(ByteView bytes);
    // The first secret field `message` still carries, if any (55 when it
    // holds a PAN or track object or does not parse).
    static std::optional<int> secretField(const iso8583::Message& message);
};

} // namespace cardlink::journal
