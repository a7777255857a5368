#pragma once

#include "emv/oda/CaPublicKey.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cardlink::emv {

// The terminal's Certification Authority public keys (EMV 4.4 Book 2, 5.1 and
// 11.2), loaded from a JSON file (format: docs/ca-keys.md). Loading rejects
// the whole file when any entry is malformed or its checksum does not match
// (the error names the key: "RID A000000003 index 92"). Expired keys are kept
// and flagged in `expiredAt`: ODA with an expired key fails at the kernel's
// transaction date, it is not a load error.
class CaPublicKeyStore
{
public:
    CaPublicKeyStore() = default;

    static Result<CaPublicKeyStore> fromJson(std::string_view text);
    static Result<CaPublicKeyStore> load(const std::string& path);

    // Adds a key after checking its fields and checksum (replaces one with
    // the same RID and index).
    Result<void> add(CaPublicKey key);

    // nullptr when no key has this RID (5 bytes) and index.
    const CaPublicKey* find(ByteView rid, std::uint8_t index) const;

    // The keys expired at `date` (YYMMDD BCD), for a start-up warning.
    std::vector<const CaPublicKey*> expiredAt(ByteView date) const;

    const std::vector<CaPublicKey>& keys() const { return m_keys; }
    std::size_t size() const { return m_keys.size(); }

private:
    std::vector<CaPublicKey> m_keys;
};

} // namespace cardlink::emv
