#pragma once

// One sale for the journal tests: the full 0200 as the terminal sends it
// (PAN, track 2, a PIN block that holds the test PIN in clear nibbles, so a
// leak would be visible) and the record the journal may keep of it.
#include "core/Iso8583Samples.h"
#include "journal/JournalRecord.h"
#include "journal/StoredRequest.h"
#include "util/PanMask.h"

namespace cardlink::journal::sample {

constexpr const char* kPin = "48213";
// ISO 9564-1 format 0 layout with the PIN digits visible (not XORed).
constexpr const char* kClearPinBlockHex = "0548213FFFFFFFFF";
constexpr const char* kPanBcdHex = "4761739001010010";

inline iso8583::Message fullRequest()
{
    auto m = iso8583::samples::authorizationRequest();
    m.setMti("0200");
    m.set(35, iso8583::samples::kTrack2);
    m.set(52, iso8583::samples::bytesOf(kClearPinBlockHex));
    return m;
}

inline JournalRecord sale()
{
    JournalRecord r;
    r.terminalId = "TERM0001";
    r.stan = 123;
    r.transmissionDateTime = "0612143005";
    r.amount = 1234;
    r.currency = "978";
    r.maskedPan = maskPan(iso8583::samples::kPan);
    r.panToken = "9c1d6b0e";
    r.aid = "A0000000031010";
    r.request = StoredRequest::encode(fullRequest()).value();
    r.sealedCard = {0xDE, 0xAD, 0xBE, 0xEF};
    r.batch = 1;
    return r;
}

} // namespace cardlink::journal::sample
