#pragma once

#include "util/Bytes.h"

#include <cstdint>
#include <optional>

namespace cardlink::sim::emv {

// Cryptogram types, as coded in GENERATE AC P1 b8-b7 and in the Cryptogram
// Information Data 9F27 (EMV 4.4 Book 3, 6.5.5.2, table 13 and Annex A).
enum class AcType : std::uint8_t { Aac = 0x00, Tc = 0x40, Arqc = 0x80 };

enum class IssuerAuthentication { NotPerformed, Passed, Failed };

// What the payment application remembers about the transaction in progress.
// A SELECT of the application, a reset or power off start a new one.
struct EmvSession
{
    bool processingStarted = false; // GET PROCESSING OPTIONS answered
    Bytes pdolData;
    int generateAcCount = 0;
    AcType firstAc = AcType::Aac;
    std::optional<AcType> secondAc;
    Bytes cdol1Data;
    Bytes cdol2Data;
    Bytes firstCryptogram;          // the AC of the first GENERATE AC (ARPC, script MACs)
    std::optional<Bytes> challenge; // last GET CHALLENGE, for enciphered PIN
    bool offlinePinPerformed = false;
    bool offlinePinVerified = false;
    bool offlinePinFailed = false;
    bool ddaPerformed = false;
    bool cdaPerformed = false;
    bool offlineLimitExceeded = false;
    IssuerAuthentication issuerAuthentication = IssuerAuthentication::NotPerformed;
    int scriptCommands = 0;
    bool scriptFailed = false;
};

} // namespace cardlink::sim::emv
