#pragma once

#include "iso7816/Apdu.h"
#include "iso7816/CardDataMask.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cardlink::iso7816 {

// One command/response exchange as the APDU trace keeps it.
//
// Masked commands: the data of VERIFY, CHANGE REFERENCE DATA / PIN
// CHANGE/UNBLOCK and RESET RETRY COUNTER is a PIN (or a PUK, or a new PIN) and
// never enters the trace. For those, `command` holds only the header and the
// Lc field (CLA INS P1 P2 Lc, or CLA INS P1 P2 00 Lc1 Lc2 when extended); the
// data and Le are dropped, `commandMasked` is true, and format() shows "**"
// where the data was: "00 20 00 80 08 **".
//
// Masked responses: the values of PAN and track data objects in a card's
// answer (see cardDataRanges) are wiped in `response` and listed in
// `responseMasks`; responseHex() and format() show "**" for each of them:
// "70 0A 5A 08 ** 5F 34 01 01 90 00".
struct ApduTraceEntry
{
    std::chrono::system_clock::time_point time; // when the command was sent
    Bytes command;                              // as sent, unless masked (see above)
    Bytes response;                             // data + SW1 SW2; empty when `error`
    std::chrono::microseconds duration{0};
    std::optional<Error> error; // the transport failed: no response
    std::string commandName;    // "VERIFY"
    std::string statusText;     // "normal processing", or the error described
    bool commandMasked = false;
    std::vector<MaskedRange> responseMasks; // wiped values in `response`

    // Fills command, commandMasked and commandName from the command sent,
    // without ever copying secret data.
    void setCommand(const CommandApdu& apdu);
    // Fills response and statusText, or error and statusText.
    void setResult(const Result<ResponseApdu>& result);

    // Drops (and wipes) the data of a secret-bearing command recorded from raw
    // bytes, and wipes the PAN and track data in the response. A no-op for
    // entries already masked or without secrets.
    void maskSecrets();

    // The response as spaced hex, "**" in place of each masked value.
    std::string responseHex() const;

    // Two lines, e.g.
    //   13:02:11.123 > 00 20 00 80 08 ** (VERIFY)
    //                < 90 00 (0.21 ms) normal processing
    // The time is local time; a failed exchange shows "! (1.20 ms) <error>".
    std::string format() const;

private:
    void maskResponse();
};

// True for the instructions whose command data is a PIN or other reference
// data (ISO/IEC 7816-4:2013, 11.5.6, 11.5.7, 11.5.10; EMV 4.4 Book 3, 6.5.10
// and 6.5.12): 20/21 VERIFY, 24 CHANGE REFERENCE DATA (EMV PIN CHANGE/UNBLOCK
// under CLA 8x), 2C/2D RESET RETRY COUNTER.
bool carriesSecretData(std::uint8_t ins);

} // namespace cardlink::iso7816
