#pragma once

#include "host/HostStore.h"
#include "host/RequestContext.h"

namespace cardlink::host {

// Reversal (0400) and its repeat (0401): finds the original by field 90
// (original MTI, STAN, transmission date-time; the same terminal) and posts
// the exact opposite of its postings, once. Unknown original: 25, and a
// tombstone under the original's key so that the original, arriving late, is
// refused (79) instead of posting money the terminal has reversed. Amount not
// the original's: 77. Already reversed, or nothing was posted: 00 and no
// posting. The reversal's own repeats are handled before (stored response).
class ReversalHandler
{
public:
    explicit ReversalHandler(HostStore& store) : m_store(store) {}

    Answer reverse(RequestContext& context);

private:
    HostStore& m_store;
};

} // namespace cardlink::host
