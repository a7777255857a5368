#include "emv/oda/Oda.h"

namespace cardlink::emv {

namespace {
OdaResult notYet()
{
    return OdaResult{false, "ODA not implemented yet", std::nullopt, false};
}
} // namespace

OdaResult verifySda(TransactionData&, ByteView, const CaPublicKeyStore&)
{
    return notYet();
}

OdaResult verifyDda(iso7816::CardChannel&, TransactionData&, ByteView, const CaPublicKeyStore&,
                    ByteView)
{
    return notYet();
}

OdaResult recoverIccKey(TransactionData&, ByteView, const CaPublicKeyStore&)
{
    return notYet();
}

OdaResult verifyCdaSignature(const IccPublicKey&, TransactionData&, ByteView, ByteView, ByteView)
{
    return notYet();
}

} // namespace cardlink::emv
