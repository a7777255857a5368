#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace cardlink::personalize {

// "cardlink-personalize --out DIR [--count N] [--kind K[,K...]]
//  [--ca-bits B] [--issuer-bits B] [--icc-bits B]": writes
//   DIR/<kind>-<n>.json   card profiles (docs/card-profile.md, "emv")
//   DIR/ca-keys.json      the test CA public key (docs/ca-keys.md)
//   DIR/issuer-keys.json  the issuer master keys, for the host
// A new PKI every run. Exit status 0, 2 for bad options, 1 for failures.
class PersonalizeCommand
{
public:
    static int run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err);
    static const char* usage();
};

} // namespace cardlink::personalize
