// Fuzzes the CA public key file parser (docs/ca-keys.md, EMV 4.4 Book 2,
// 11.2). A file that loads must hold only keys that pass the store's own
// checks: findable by RID and index, checksum over RID ‖ index ‖ modulus ‖
// exponent correct.
#include "emv/oda/CaPublicKeyStore.h"

#include <cstdlib>
#include <string_view>

using namespace cardlink;
using namespace cardlink::emv;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto store = CaPublicKeyStore::fromJson(text);
    if (!store)
        return 0;
    for (const CaPublicKey& key : store->keys()) {
        if (store->find(key.rid, key.index) != &key)
            std::abort();
        if (key.checksum != key.computeChecksum())
            std::abort();
        if (key.modulus.empty() || key.modulus.size() > 248)
            std::abort();
        (void)key.isExpiredAt(key.expiry);
    }
    return 0;
}
