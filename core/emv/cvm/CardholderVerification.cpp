#include "emv/cvm/CardholderVerification.h"

namespace cardlink::emv {

Result<CvmOutcome> performCardholderVerification(iso7816::CardChannel&, Cardholder&,
                                                 TransactionData&, Tvr&, Tsi&, const CvmSettings&,
                                                 const std::optional<IccPublicKey>&,
                                                 const CaPublicKeyStore&)
{
    return makeError(ErrorCode::Unsupported, "cardholder verification: not implemented yet");
}

} // namespace cardlink::emv
