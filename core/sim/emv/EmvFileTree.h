#pragma once

#include "sim/FileNode.h"
#include "sim/emv/EmvProfile.h"
#include "util/Result.h"

namespace cardlink::sim::emv {

// The DFs the EMV application needs in the card's file tree, added below the
// MF when a profile with an "emv" section loads: the ADF (DF name = AID, FCI
// template A5 { 50, 87, 9F38, 5F2D, BF0C }, EMV 4.4 Book 1, 12.3.1 table 45)
// and, with "pse", 1PAY.SYS.DDF01 (A5 { 88, 5F2D }) with its directory file
// in SFI 1 (Book 1, 12.2.3). Malformed when "files" already has either name.
class EmvFileTree
{
public:
    static Result<void> addTo(const EmvProfile& emv, FileNode& mf);
};

} // namespace cardlink::sim::emv
