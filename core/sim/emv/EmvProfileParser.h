#pragma once

#include "sim/JsonField.h"
#include "sim/emv/EmvProfile.h"
#include "util/Result.h"

namespace cardlink::sim {
struct CardProfile;
}

namespace cardlink::sim::emv {

// Reads the optional "emv" section of a card profile (docs/emv-test-cards.md)
// into CardProfile::emv, then adds the DFs the application needs to the file
// tree: the ADF (DF name = AID, FCI template A5 built from the section, EMV
// 4.4 Book 1, 12.3.1 table 45) and, with "pse": true, the PSE
// 1PAY.SYS.DDF01 with its directory file in SFI 1 (Book 1, 12.2.3). It also
// takes PAN, PSN, CDOL1, CDOL2 and DDOL from the records and derives the ICC
// master keys (Book 2, A1.4.1, option A). Errors name the JSON path.
class EmvProfileParser
{
public:
    static Result<void> parseInto(const JsonField& root, CardProfile& profile);

private:
    static Result<void> parseSelection(const JsonField& field, EmvProfile& emv);
    static Result<void> parseFiles(const JsonField& field, EmvProfile& emv);
    static Result<void> parseKeys(const JsonField& field, EmvProfile& emv);
    static Result<void> parseRisk(const JsonField& field, EmvProfile& emv);
    static Result<void> takeRecordData(const JsonField& field, EmvProfile& emv);
};

} // namespace cardlink::sim::emv
