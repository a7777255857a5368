#pragma once

#include "util/Bytes.h"

#include <cstdio>
#include <string>

namespace cardlink::cardsim {

// --verbose: one line per event on stderr, "cardsim: > 00 A4 04 00 ..." for a
// command and "cardsim: < 90 00 (0.04 ms)" for its answer. The data of
// commands that carry a PIN (iso7816::carriesSecretData) is shown as "**".
class ExchangeLog
{
public:
    ExchangeLog(std::FILE* out, bool enabled) : m_out(out), m_enabled(enabled) {}

    bool enabled() const { return m_enabled; }
    void event(const std::string& text);
    void command(ByteView apdu);
    void response(ByteView rapdu, double milliseconds);

    // The C-APDU as spaced hex, with PIN data masked.
    static std::string maskedCommand(ByteView apdu);

private:
    std::FILE* m_out;
    bool m_enabled;
};

} // namespace cardlink::cardsim
