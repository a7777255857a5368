#pragma once

#include "tlv/Tag.h"
#include "tlv/TlvObject.h"
#include "util/Bytes.h"

#include <optional>
#include <string>

namespace cardlink::sim::emv {

// Small BER-TLV helpers the card side shares (EMV 4.4 Book 3, Annex B).
void appendTlv(Bytes& out, tlv::Tag tag, ByteView value);
Bytes makeTlv(tlv::Tag tag, ByteView value);

// The value of the first `tag` in `data` (parsed as BER-TLV), or nullopt when
// `data` does not parse or holds no such tag.
std::optional<Bytes> findValue(ByteView data, tlv::Tag tag);

// The digits of a cn/n PAN (5A): BCD nibbles up to the first F filler.
// nullopt for a nibble above 9 before the filler or an empty PAN.
std::optional<std::string> panDigits(ByteView pan);

} // namespace cardlink::sim::emv
