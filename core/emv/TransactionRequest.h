#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace cardlink::emv {

// Transaction Type 9C values used here (ISO 8583:1987 processing code, first
// two digits; EMV 4.4 Book 3, Annex A1).
namespace transaction_type {
constexpr std::uint8_t kGoodsAndServices = 0x00;
constexpr std::uint8_t kCash = 0x01;
constexpr std::uint8_t kCashback = 0x09;
constexpr std::uint8_t kRefund = 0x20;
} // namespace transaction_type

// What the merchant asks for. Amounts are in minor units of the terminal's
// currency.
struct TransactionRequest
{
    std::uint64_t amount = 0;                                // 9F02
    std::uint64_t otherAmount = 0;                           // 9F03 (cashback)
    std::uint8_t type = transaction_type::kGoodsAndServices; // 9C
    // A purchase of services rather than goods (Application Usage Control,
    // EMV 4.4 Book 3, 10.4.2).
    bool services = false;
    // 9A/9F21; the kernel's Clock when absent.
    std::optional<std::chrono::system_clock::time_point> dateTime;
    bool forceOnline = false; // merchant forced online (TVR byte 4 bit 4)
};

} // namespace cardlink::emv
