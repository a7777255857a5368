#include "dukpt/DukptPin.h"

#include "dukpt/KeyDerivation.h"
#include "pin/PinVerificationValue.h"

namespace cardlink::dukpt {

Result<EncipheredPin> DukptPin::encipher(ByteView pin, std::string_view pan,
                                         const TransactionKey& transaction,
                                         const pin::RandomSource& random)
{
    auto pinKey =
        KeyDerivation::workingKey(transaction.key.view(), transaction.ksn, KeyUsage::PinEncryption);
    if (!pinKey)
        return pinKey.error();
    auto block = pin::PinBlock::encipherFormat4(pin, pan, pinKey->view(), random);
    if (!block)
        return block.error();
    return EncipheredPin{std::move(*block), transaction.ksn};
}

Result<bool> DukptPin::verify(ByteView bdk, const KeySerialNumber& ksn, ByteView pinBlock,
                              std::string_view pan, ByteView pvvKey, ByteView storedPvv)
{
    auto transactionKey = KeyDerivation::transactionKeyFromBdk(bdk, ksn);
    if (!transactionKey)
        return transactionKey.error();
    auto pinKey = KeyDerivation::workingKey(transactionKey->view(), ksn, KeyUsage::PinEncryption);
    if (!pinKey)
        return pinKey.error();
    return verifyWithPinKey(pinKey->view(), pinBlock, pan, pvvKey, storedPvv);
}

Result<bool> DukptPin::verifyWithPinKey(ByteView pinKey, ByteView pinBlock, std::string_view pan,
                                        ByteView pvvKey, ByteView storedPvv)
{
    if (pinBlock.size() != pin::PinBlock::kAesBlockSize)
        return makeError(ErrorCode::InvalidArgument,
                         "an AES DUKPT PIN block (format 4) has 16 bytes");
    // The clear PIN lives only in this SecretBytes and is wiped on return.
    auto clearPin = pin::PinBlock::decipherFormat4(pinBlock, pan, pinKey);
    if (!clearPin)
        return clearPin.error();
    return pin::PinVerificationValue::matches(pvvKey, pan, clearPin->view(), storedPvv);
}

} // namespace cardlink::dukpt
