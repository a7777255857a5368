#pragma once

#include "util/Bytes.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace cardlink::emv {

// Terminal Verification Results, EMV 4.4 Book 3, Annex C5. Each value is
// (byte index 0..4) << 8 | bit mask, so the names read like the table.
enum class TvrBit : std::uint16_t {
    // Byte 1
    OdaNotPerformed = 0x0080,
    SdaFailed = 0x0040,
    IccDataMissing = 0x0020,
    CardOnExceptionFile = 0x0010,
    DdaFailed = 0x0008,
    CdaFailed = 0x0004,
    // Byte 2
    IccAndTerminalDifferentVersions = 0x0180,
    ExpiredApplication = 0x0140,
    ApplicationNotYetEffective = 0x0120,
    ServiceNotAllowed = 0x0110,
    NewCard = 0x0108,
    // Byte 3
    CardholderVerificationNotSuccessful = 0x0280,
    UnrecognisedCvm = 0x0240,
    PinTryLimitExceeded = 0x0220,
    PinPadNotPresentOrNotWorking = 0x0210,
    PinPadPresentButPinNotEntered = 0x0208,
    OnlinePinEntered = 0x0204,
    // Byte 4
    TransactionExceedsFloorLimit = 0x0380,
    LowerConsecutiveOfflineLimitExceeded = 0x0340,
    UpperConsecutiveOfflineLimitExceeded = 0x0320,
    RandomlySelectedForOnline = 0x0310,
    MerchantForcedOnline = 0x0308,
    // Byte 5
    DefaultTdolUsed = 0x0480,
    IssuerAuthenticationFailed = 0x0440,
    ScriptFailedBeforeFinalGenerateAc = 0x0420,
    ScriptFailedAfterFinalGenerateAc = 0x0410,
};

class Tvr
{
public:
    Tvr() = default;
    explicit Tvr(const std::array<std::uint8_t, 5>& bytes) : m_bytes(bytes) {}

    void set(TvrBit bit);
    bool test(TvrBit bit) const;
    const std::array<std::uint8_t, 5>& bytes() const { return m_bytes; }
    Bytes toBytes() const { return Bytes(m_bytes.begin(), m_bytes.end()); }
    // Names of the bits that are set, in table order, for receipts and logs.
    std::vector<std::string> describe() const;

    bool operator==(const Tvr&) const = default;

private:
    std::array<std::uint8_t, 5> m_bytes{};
};

// Transaction Status Information, EMV 4.4 Book 3, Annex C6.
enum class TsiBit : std::uint16_t {
    OdaPerformed = 0x0080,
    CardholderVerificationPerformed = 0x0040,
    CardRiskManagementPerformed = 0x0020,
    IssuerAuthenticationPerformed = 0x0010,
    TerminalRiskManagementPerformed = 0x0008,
    ScriptProcessingPerformed = 0x0004,
};

class Tsi
{
public:
    void set(TsiBit bit);
    bool test(TsiBit bit) const;
    const std::array<std::uint8_t, 2>& bytes() const { return m_bytes; }
    Bytes toBytes() const { return Bytes(m_bytes.begin(), m_bytes.end()); }

    bool operator==(const Tsi&) const = default;

private:
    std::array<std::uint8_t, 2> m_bytes{};
};

} // namespace cardlink::emv
