#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cardlink::iso7816 {

// The four classes of ISO/IEC 7816-4:2013, 5.6, table 5: process completed
// (normal, warning) or process aborted (execution error, checking error).
enum class StatusCategory { Normal, Warning, ExecutionError, CheckingError };

// 9000 and 61xx: Normal. 62xx, 63xx: Warning. 64xx-66xx: ExecutionError.
// 67xx-6Fxx: CheckingError. Anything ISO does not define (proprietary 9xxx
// other than 9000, SW1 outside 6x/9x, SW1 = 60) is ExecutionError: the command
// failed and we cannot tell whether the card changed its state, so callers get
// the more cautious of the two abort classes.
StatusCategory categorize(std::uint16_t sw);

// The meaning in plain words, lower case, for traces, logs and the CLI:
// "normal processing", "verification failed, 2 tries left",
// "wrong parameters P1-P2: file or application not found". From ISO/IEC
// 7816-4:2013, 5.6, tables 5 and 6, with the EMV readings added where EMV 4.4
// gives a status word a specific meaning (Book 3, 6.3.5 and Book 1, 12.3).
std::string describeStatusWord(std::uint16_t sw);

// For 63Cx (ISO/IEC 7816-4:2013, table 6: counter X; EMV 4.4 Book 3, 6.5.12:
// the PIN try counter after a failed VERIFY) the number of tries left.
std::optional<int> triesLeft(std::uint16_t sw);

// Status words the layers above test for by name.
namespace sw {
constexpr std::uint16_t kNormal = 0x9000;
constexpr std::uint16_t kSelectedFileInvalidated = 0x6283; // EMV: application blocked
constexpr std::uint16_t kWrongLength = 0x6700;
constexpr std::uint16_t kSecurityStatusNotSatisfied = 0x6982;
constexpr std::uint16_t kAuthenticationMethodBlocked = 0x6983;
constexpr std::uint16_t kReferenceDataNotUsable = 0x6984;
constexpr std::uint16_t kConditionsOfUseNotSatisfied = 0x6985;
constexpr std::uint16_t kCommandNotAllowedNoCurrentEf = 0x6986;
constexpr std::uint16_t kIncorrectData = 0x6A80;
constexpr std::uint16_t kFunctionNotSupported = 0x6A81; // EMV SELECT: card blocked
constexpr std::uint16_t kFileNotFound = 0x6A82;
constexpr std::uint16_t kRecordNotFound = 0x6A83;
constexpr std::uint16_t kIncorrectP1P2 = 0x6A86;
constexpr std::uint16_t kReferencedDataNotFound = 0x6A88;
constexpr std::uint16_t kInstructionNotSupported = 0x6D00;
constexpr std::uint16_t kClassNotSupported = 0x6E00;
constexpr std::uint16_t kNoPreciseDiagnosis = 0x6F00;
} // namespace sw

} // namespace cardlink::iso7816
