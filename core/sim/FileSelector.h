#pragma once

#include "iso7816/Apdu.h"
#include "sim/CardState.h"
#include "sim/FileNode.h"

#include <optional>
#include <vector>

namespace cardlink::sim {

// SELECT (ISO/IEC 7816-4:2013, 11.1.1) over the card's file tree:
//   P1 00  MF, DF or EF by FID (data absent or 3F00: the MF); searched among
//          the current DF's children, the parent DF and the parent's children
//   P1 01  child DF by FID        P1 02  EF under the current DF by FID
//   P1 03  parent DF              P1 04  DF by DF name (application identifier)
//   P1 08  path from the MF       P1 09  path from the current DF
//   P2 b4-b3: 00 FCI, 04 FCP, 08 FMD, 0C no data;
//   P2 b2-b1 (P1 04 only): 00 first, 01 last, 10 next, 11 previous occurrence.
// A DF name in the command may be the start of a longer name (partial
// selection, EMV 4.4 Book 1, 12.3.3); the occurrences are the matching DFs in
// tree order. A failed SELECT leaves the current selection as it was.
class FileSelector
{
public:
    explicit FileSelector(const FileNode& mf);

    iso7816::ResponseApdu select(const iso7816::CommandApdu& command, CardState& state) const;

private:
    struct Target
    {
        std::vector<const FileNode*> dfPath; // MF .. the selected DF, or the EF's parent
        const FileNode* ef = nullptr;
    };

    std::optional<Target> byFid(std::uint16_t fid, const CardState& state) const;
    std::optional<Target> child(const CardState& state, std::uint16_t fid, bool wantDf) const;
    std::optional<Target> byPath(std::vector<const FileNode*> start, ByteView path) const;
    std::optional<Target> byName(ByteView name, std::uint8_t occurrence,
                                 const CardState& state) const;

    const FileNode& m_mf;
};

} // namespace cardlink::sim
