#pragma once

#include "util/Bytes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cardlink::sim {

// ISO/IEC 7816-4:2013, 5.3.1: a dedicated file (DF) groups files; an
// elementary file (EF) holds data, either as a byte string (transparent) or as
// numbered records (here: linear, variable-size records, 5.3.2).
enum class FileKind { Dedicated, Transparent, Records };

// One node of the simulated card's file tree, as loaded from a card profile.
// The master file (MF, 3F00) is the root; the tree is read-only once loaded
// (the simulated card has no UPDATE commands).
struct FileNode
{
    FileKind kind = FileKind::Dedicated;
    std::optional<std::uint16_t> fid; // file identifier, 7.1.1 (absent: select by SFI/name only)
    Bytes dfName;                     // DF name (an application identifier); DFs only, may be empty
    std::optional<std::uint8_t> sfi;  // short EF identifier 1..30 (5.3.1.1); EFs only
    Bytes fciProprietary;             // content of template A5 in the FCI; DFs only
    Bytes content;                    // transparent EF body
    std::vector<Bytes> records;       // record EF, record 1 first
    std::vector<FileNode> children;   // DFs only
    std::string label;                // free text for people reading the profile

    bool isDf() const { return kind == FileKind::Dedicated; }
    bool isEf() const { return !isDf(); }
};

} // namespace cardlink::sim
