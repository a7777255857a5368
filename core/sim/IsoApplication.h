#pragma once

#include "sim/CardApplication.h"
#include "sim/FileSelector.h"

namespace cardlink::sim {

// The card's base application: the ISO/IEC 7816-4:2013 interindustry commands
// over the profile's file system and security objects.
//   SELECT (A4) .................... FileSelector
//   READ BINARY (B0), READ RECORD (B2) FileReader
//   GET DATA (CA, 11.4) .......... the profile's data objects, as BER-TLV;
//                                    also under CLA 80, as EMV cards do
//   VERIFY (20) .................... PinVerifier
//   GET CHALLENGE (84, 11.5.3) ..... behaviour.challengeLength random bytes
// Class bytes: 00 (first interindustry class, channel 0, no secure
// messaging) and 80 (proprietary, GET DATA only).
class IsoApplication final : public CardApplication
{
public:
    explicit IsoApplication(const FileNode& mf);

    bool acceptsClass(std::uint8_t cla) const override;
    std::optional<iso7816::ResponseApdu> process(const iso7816::CommandApdu& command,
                                                 CardContext& context) override;

private:
    static iso7816::ResponseApdu getData(const iso7816::CommandApdu& command, CardContext& context);
    static iso7816::ResponseApdu getChallenge(const iso7816::CommandApdu& command,
                                              CardContext& context);

    FileSelector m_selector;
};

} // namespace cardlink::sim
