#pragma once

#include "MultiString.h"
#include "util/Result.h"

#include <winscard.h>

#include <chrono>
#include <string>
#include <vector>

namespace cardlink::pcsc {

// Owns one SCARDCONTEXT: a connection to the PC/SC resource manager (pcscd).
// Released in the destructor. Move-only.
//
// pcsc-lite serialises calls on one context; a blocking
// SCardGetStatusChange() on one thread is interrupted from another with
// cancel(), the only call that is meant to cross threads.
class PcscContext
{
public:
    // SCARD_SCOPE_SYSTEM. Fails with NoService when pcscd is not running.
    static Result<PcscContext> establish();

    PcscContext(PcscContext&& other) noexcept;
    PcscContext& operator=(PcscContext&& other) noexcept;
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;
    ~PcscContext();

    SCARDCONTEXT handle() const { return m_context; }

    // The reader names in pcscd's order (the order `cardlink-cli readers`
    // numbers them in). No reader is an empty list, not an error.
    Result<std::vector<std::string>> listReaders() const;

    // Makes a blocking SCardGetStatusChange() on this context return
    // SCARD_E_CANCELLED.
    Result<void> cancel() const;

    // False once pcscd went away under this context.
    bool isValid() const;

    // Whether the card in `reader` is gone, or goes within `timeout`
    // (SCardGetStatusChange on that reader). An unknown reader counts as
    // gone. Used after a failed exchange: pcscd notices a pulled card on its
    // next poll of the reader, which may come a little after the failure.
    Result<bool> waitForCardAbsent(const std::string& reader,
                                   std::chrono::milliseconds timeout) const;

private:
    explicit PcscContext(SCARDCONTEXT context) : m_context(context) {}
    void release();

    SCARDCONTEXT m_context = 0;
    bool m_owned = false;
};

} // namespace cardlink::pcsc
