#include "DukptKeyOwnership.h"

#include "util/Bytes.h"

namespace cardlink::host {

bool dukptKeyBelongsTo(const Terminal& terminal, const dukpt::KeySerialNumber& ksn)
{
    return !terminal.initialKeyId.empty() && toHex(ksn.initialKeyId()) == terminal.initialKeyId;
}

} // namespace cardlink::host
