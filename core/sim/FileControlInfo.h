#pragma once

#include "sim/FileNode.h"
#include "util/Bytes.h"

namespace cardlink::sim {

// The templates SELECT returns (ISO/IEC 7816-4:2013, 7.4):
// - FCP (62): size 80, file descriptor 82, FID 83, DF name 84, SFI 88 and
//   life cycle status 8A;
// - FCI (6F): for a DF with a DF name, EMV's form (EMV 4.4 Book 1, 11.3.4):
//   84 DF name and A5 with the profile's proprietary data; for any other
//   file the FCP objects;
// - FMD (64): empty (the simulated card keeps no file management data).
class FileControlInfo
{
public:
    static Bytes fcp(const FileNode& file);
    static Bytes fci(const FileNode& file);
    static Bytes fmd(const FileNode& file);
};

} // namespace cardlink::sim
