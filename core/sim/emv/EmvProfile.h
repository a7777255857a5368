#pragma once

#include "crypto/BlockCipher.h"
#include "crypto/RsaPrivateKey.h"
#include "util/Bytes.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cardlink::sim::emv {

// The response template of GET PROCESSING OPTIONS, GENERATE AC and INTERNAL
// AUTHENTICATE: format 1 (tag 80, values only) or format 2 (tag 77, BER-TLV),
// EMV 4.4 Book 3, 6.5.5.4, 6.5.8.4, 6.5.9.4.
enum class ResponseFormat { Format1, Format2 };

// How EXTERNAL AUTHENTICATE checks the ARPC (EMV 4.4 Book 2, 8.2.1 / 8.2.2).
enum class ArpcMethod { Method1, Method2 };

// One short EF of the application: its records (record 1 first) and how many
// of the first ones take part in offline data authentication. The AFL lists
// every file, in order (Book 3, 10.2).
struct EmvRecordFile
{
    std::uint8_t sfi = 1;
    std::vector<Bytes> records;
    std::uint8_t odaRecords = 0;
};

// The "emv" section of a card profile (docs/emv-test-cards.md). Everything the EMV payment
// application needs that is not in its records. The secrets (issuer master keys, the ICC private
// keys) are here because a simulated card is a test card: never personalise real keys.
struct EmvProfile
{
    static constexpr std::size_t kMaxRecordFiles = 10;
    static constexpr std::size_t kDefaultScriptMacLength = 8;

    // Application selection (Book 1, 12.2 and 12.3).
    Bytes aid;
    std::string label;
    std::optional<std::uint8_t> priority;
    std::string languagePreference; // 5F2D, e.g. "en" or "deen"
    Bytes pdol;                     // 9F38, empty: no PDOL
    Bytes fciIssuerDiscretionary;   // content of BF0C, may be empty
    bool pse = false;               // build 1PAY.SYS.DDF01 with a directory in SFI 1

    ResponseFormat format = ResponseFormat::Format2;
    Bytes aip; // 82, 2 bytes
    std::vector<EmvRecordFile> files;

    // Application cryptograms and secure messaging (Book 2, 8 and 9). The
    // issuer master keys stay in the profile; the ICC master keys below are
    // derived from them when the profile is loaded (Book 2, A1.4, option A).
    crypto::CipherAlgorithm algorithm = crypto::CipherAlgorithm::Des;
    Bytes issuerMasterKeyAc;
    Bytes issuerMasterKeySmi;
    Bytes issuerMasterKeySmc;
    std::uint8_t derivationKeyIndex = 0x01;
    std::uint8_t cryptogramVersion = 0x0A;
    ArpcMethod arpcMethod = ArpcMethod::Method1;
    std::size_t scriptMacLength = kDefaultScriptMacLength;

    // DDA, CDA and enciphered PIN (Book 2, 6 and 7). Absent on an SDA card.
    std::optional<crypto::RsaPrivateComponents> iccPrivateKey;
    std::optional<crypto::RsaPrivateComponents> iccPinKey; // absent: the ICC key

    // Card risk management (docs/emv-test-cards.md).
    std::uint64_t offlineLimit = 0; // highest amount (minor units) approved offline
    bool requirePinForOffline = true;

    // State at power-up of the simulator.
    std::uint16_t atc = 0;
    std::uint16_t lastOnlineAtc = 0;
    bool applicationBlocked = false;
    bool cardBlocked = false;
    bool issuerAuthenticationFailed = false;

    Bytes logFormat; // 9F4F for GET DATA, may be empty

    // Taken from the records when the profile is loaded.
    std::string pan; // 5A without the F filler
    std::optional<std::uint8_t> panSequenceNumber;
    Bytes cdol1;
    Bytes cdol2;
    Bytes ddol;

    // Derived when the profile is loaded.
    Bytes iccMasterKeyAc;
    Bytes iccMasterKeySmi;
    Bytes iccMasterKeySmc;

    // The Application File Locator (94), 4 bytes per file (Book 3, 10.2).
    Bytes afl() const;
};

} // namespace cardlink::sim::emv
