#pragma once

#include "sim/FileNode.h"

#include <cassert>
#include <cstddef>
#include <optional>
#include <vector>

namespace cardlink::sim {

// The volatile state of a powered card (ISO/IEC 7816-4:2013, 5.3.3, current
// structures): the current DF with the DFs above it, the current EF and
// record. Reset and power-on return to the MF with nothing else selected.
struct CardState
{
    std::vector<const FileNode*> dfPath; // MF first, current DF last; never empty
    const FileNode* currentEf = nullptr;
    std::optional<std::size_t> currentRecord; // 1-based, in currentEf

    const FileNode& currentDf() const
    {
        assert(!dfPath.empty());
        return *dfPath.back();
    }
    const FileNode* parentDf() const
    {
        return dfPath.size() > 1 ? dfPath[dfPath.size() - 2] : nullptr;
    }
    void selectMf(const FileNode& mf)
    {
        dfPath.assign(1, &mf);
        currentEf = nullptr;
        currentRecord.reset();
    }
};

} // namespace cardlink::sim
