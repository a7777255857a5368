#pragma once

#include "util/Result.h"

#include <memory>
#include <string>

struct bio_st;

namespace cardlink::host {

// Small helpers shared by the OpenSSL wrappers of the host PKI.
struct BioFree
{
    void operator()(bio_st* bio) const;
};
using BioPtr = std::unique_ptr<bio_st, BioFree>;

std::string bioText(bio_st* bio);
// The OpenSSL error queue's first entry after `what`; clears the queue.
Error opensslError(const std::string& what);

} // namespace cardlink::host
