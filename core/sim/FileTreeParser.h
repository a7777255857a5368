#pragma once

#include "sim/FileNode.h"
#include "sim/JsonField.h"
#include "util/Result.h"

#include <cstddef>

namespace cardlink::sim {

// Reads the "files" part of a card profile into the tree below the MF and
// checks it is addressable: FIDs unique among siblings and different from the
// parent's, none reserved (ISO/IEC 7816-4:2013, 7.1.1: 3F00 is the MF, 3FFF
// and FFFF are reserved), SFIs 1..30 unique within a DF (5.3.1.1), every EF
// reachable by FID or SFI, every DF by FID or name, DFs nested at most
// `maxDepth` deep and at most `maxFiles` files in all (bounds the recursion
// and the work a hostile profile can cause).
class FileTreeParser
{
public:
    FileTreeParser(int maxDepth, std::size_t maxFiles);

    // `files` is the JSON array of the MF's children; fills `mf.children`.
    Result<void> parseInto(const JsonField& files, FileNode& mf);

private:
    Result<void> parseChildren(const JsonField& files, FileNode& parent, int depth);
    Result<FileNode> parseFile(const JsonField& field, int depth);
    Result<void> parseDedicated(const JsonField& field, FileNode& node, int depth);
    Result<void> parseElementary(const JsonField& field, FileNode& node);

    int m_maxDepth;
    std::size_t m_maxFiles;
    std::size_t m_count = 0;
};

} // namespace cardlink::sim
