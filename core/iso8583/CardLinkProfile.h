#pragma once

#include "iso8583/Profile.h"

#include <cstddef>

namespace cardlink::iso8583 {

// CardLink's terminal-host profile (docs/iso8583-profile.md): ISO 8583:1987
// layout, binary bitmaps, BCD MTI, numerics and length prefixes, ASCII an/ans,
// and private fields for orders, challenges and e-goods.
constexpr std::size_t kCardLinkMaxMessageSize = 8192;

const Profile& cardLinkProfile();

// Field numbers the rest of CardLink refers to by name.
namespace field {
constexpr int kPan = 2;
constexpr int kProcessingCode = 3;
constexpr int kAmount = 4;
constexpr int kTransmissionDateTime = 7;
constexpr int kStan = 11;
constexpr int kLocalTime = 12;
constexpr int kLocalDate = 13;
constexpr int kExpiryDate = 14;
constexpr int kPosEntryMode = 22;
constexpr int kCardSequenceNumber = 23;
constexpr int kPosConditionCode = 25;
constexpr int kTransactionFee = 28;
constexpr int kTrack2 = 35;
constexpr int kRetrievalReference = 37;
constexpr int kAuthorizationCode = 38;
constexpr int kResponseCode = 39;
constexpr int kTerminalId = 41;
constexpr int kMerchantId = 42;
constexpr int kAdditionalData = 48;
constexpr int kCurrencyCode = 49;
constexpr int kPinBlock = 52;
constexpr int kKeySerialNumber = 53;
constexpr int kIccData = 55;
constexpr int kChallenge = 62;
constexpr int kChallengeResponse = 63;
constexpr int kMac = 64;
constexpr int kNetworkManagementCode = 70;
constexpr int kOriginalDataElements = 90;
constexpr int kOrder = 120;
constexpr int kOrderCryptogram = 121;
constexpr int kEgoodsDescriptor = 122;
constexpr int kEgoodsPayload = 123;
constexpr int kWalletLoad = 124;
constexpr int kTerminalInfo = 125;
constexpr int kCardholderMessage = 126;
constexpr int kTraceData = 127;
constexpr int kSecondaryMac = 128;
} // namespace field

} // namespace cardlink::iso8583
