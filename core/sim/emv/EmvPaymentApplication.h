#pragma once

#include "sim/CardApplication.h"
#include "sim/emv/CryptogramProcessor.h"
#include "sim/emv/EmvApplicationData.h"
#include "sim/emv/IssuerScriptProcessor.h"

#include <memory>

namespace cardlink::sim::emv {

// The EMV payment application of the simulated card (EMV 4.4 Book 3, 6.5),
// bound to its ADF (the DF named by the AID; SELECT and its FCI come from the
// file tree that EmvProfileParser built). Class bytes 00, 80 and 84.
//   SELECT (hook) ........ restarts the transaction; 6283 when blocked,
//                          6A81 when the card is blocked (Book 1, 12.3.2)
//   GET PROCESSING OPTIONS 80 A8: 83 template with the PDOL data (6.5.8);
//                          AIP and AFL, format 1 or 2; 6985 when repeated
//   READ RECORD 00 B2 ... the application's records by SFI (6.5.11)
//   GET DATA 80 CA ....... 9F36 ATC, 9F13 last online ATC, 9F17 PIN tries,
//                          9F4F log format (6.5.7); others: the profile's
//   INTERNAL AUTHENTICATE  00 88: DDA signature (6.5.9, Book 2 6.5.1)
//   GET CHALLENGE 00 84 .. 8 random bytes for enciphered PIN (6.5.6)
//   VERIFY 00 20 ......... P2 80 plaintext PIN block, P2 88 enciphered PIN
//                          (6.5.12, Book 2 7.2)
//   GENERATE AC, EXTERNAL AUTHENTICATE: CryptogramProcessor
//   issuer scripts (CLA 84): IssuerScriptProcessor
class EmvPaymentApplication final : public CardApplication
{
public:
    // `profile` must outlive the application (it lives in the card's
    // CardProfile). `state` is shared with the PSE application.
    EmvPaymentApplication(const EmvProfile& profile, std::shared_ptr<EmvCardState> state);

    bool acceptsClass(std::uint8_t cla) const override;
    std::optional<iso7816::ResponseApdu> process(const iso7816::CommandApdu& command,
                                                 CardContext& context) override;
    void onSelected(iso7816::ResponseApdu& answer, CardContext& context) override;
    void reset() override;

    const EmvCardState& state() const { return *m_data.state; }
    const EmvSession& session() const { return m_data.session; }

    static constexpr std::size_t kChallengeLength = 8;

private:
    iso7816::ResponseApdu getProcessingOptions(const iso7816::CommandApdu& command);
    std::optional<iso7816::ResponseApdu> readRecord(const iso7816::CommandApdu& command) const;
    std::optional<iso7816::ResponseApdu> getData(const iso7816::CommandApdu& command,
                                                 CardContext& context) const;
    std::optional<iso7816::ResponseApdu> internalAuthenticate(const iso7816::CommandApdu& command,
                                                              CardContext& context);
    iso7816::ResponseApdu getChallenge(const iso7816::CommandApdu& command, CardContext& context);
    iso7816::ResponseApdu verify(const iso7816::CommandApdu& command, CardContext& context);
    iso7816::ResponseApdu verifyEnciphered(const iso7816::CommandApdu& command,
                                           CardContext& context);
    void notePinResult(const iso7816::ResponseApdu& answer);

    EmvApplicationData m_data;
    CryptogramProcessor m_cryptograms;
    IssuerScriptProcessor m_scripts;
};

} // namespace cardlink::sim::emv
