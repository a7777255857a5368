#pragma once

#include "emv/Cardholder.h"
#include "emv/Tvr.h"
#include "emv/cvm/CardholderVerification.h"
#include "emv/oda/Oda.h"
#include "iso7816/CardChannel.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <optional>

namespace cardlink::emv::detail {

enum class PinResult { Verified, Failed, Cancelled };

// The PIN steps of cardholder verification (EMV 4.4 Book 3, 10.5.1 and
// 10.5.2; Book 4, 6.3.4), with what they remember across CV Rules: the PIN
// Try Counter read once, and a bypass, which holds for every later PIN CVM
// of the transaction (Book 4, 6.3.4.3). Sets the PIN-related TVR bits. The
// PIN lives only in SecretBytes and wiped buffers; nothing here logs it.
class PinSession
{
public:
    PinSession(iso7816::CardChannel& card, Cardholder& cardholder, Tvr& tvr,
               const CvmSettings& settings);

    // Offline plaintext PIN (Book 3, 6.5.12 VERIFY P2 = 80) or, with
    // `encipherKey`, offline enciphered PIN (Book 2, 7.2: GET CHALLENGE,
    // RSA over 7F ‖ PIN block ‖ challenge ‖ random pad, VERIFY P2 = 88).
    Result<PinResult> offlinePin(const IccPublicKey* encipherKey);
    // Online PIN (Book 3, 10.5.2): captures the digits into `digits`.
    PinResult onlinePin(pin::SecretBytes& digits);

private:
    enum class Entry { Entered, NotEntered, Cancelled };
    Entry askForPin(PinKind kind, pin::SecretBytes& digits);
    Result<std::optional<int>> readPinTryCounter();
    // nullopt when the card refused GET CHALLENGE or the key is unusable.
    Result<std::optional<iso7816::ResponseApdu>> sendVerify(ByteView pinBlock,
                                                            const IccPublicKey* key);

    iso7816::CardChannel& m_card;
    Cardholder& m_cardholder;
    Tvr& m_tvr;
    const CvmSettings& m_settings;
    bool m_bypassed = false;
    std::optional<std::optional<int>> m_triesLeft;
};

} // namespace cardlink::emv::detail
