#pragma once

#include "crypto/BlockCipher.h"
#include "crypto/Padding.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace cardlink::crypto {

constexpr std::size_t kCryptogramLength = 8;
constexpr std::size_t kArcLength = 2;
constexpr std::size_t kCsuLength = 4;
constexpr std::size_t kArpcMethod2Length = 4;
constexpr std::size_t kMaxProprietaryAuthDataLength = 8;

// Application cryptogram (ARQC, TC, AAC), EMV 4.4 Book 2, 8.1.2: the A1.2 MAC
// (see EmvMac.h) over the data the terminal sent (CDOL1/CDOL2 values) and the
// ICC data the card adds, under the AC session key. 8 bytes. The caller builds
// `data`; which fields go in is the cryptogram version's business.
Result<Bytes> applicationCryptogram(CipherAlgorithm algorithm, ByteView sessionKey, ByteView data,
                                    Padding padding = Padding::Method2);

// Book 2, 8.1.1, table 25: the terminal data of the recommended minimum set
// of data elements for the application cryptogram, in order, with the
// length each takes in the input (Amount Authorised, Amount Other, Terminal
// Country Code, TVR, Transaction Currency Code, Transaction Date, Transaction
// Type, Unpredictable Number).
struct CryptogramDataElement
{
    std::uint32_t tag;
    std::size_t length;
};
inline constexpr std::array<CryptogramDataElement, 8> kCryptogramTerminalData{{
    {0x9F02, 6},
    {0x9F03, 6},
    {0x9F1A, 2},
    {0x95, 5},
    {0x5F2A, 2},
    {0x9A, 3},
    {0x9C, 1},
    {0x9F37, 4},
}};

// The input of applicationCryptogram() for the recommended minimum set
// (Book 2, 8.1.1): each table-25 element as `terminalValue(tag, length)`
// gives it (an absent one is empty), zero-padded or cut to its length, then
// AIP, ATC and
// the card's own data (CardLink's cards: the CVR) as given. The card, the
// host and the stub issuer build it the same way.
Bytes recommendedCryptogramInput(
    const std::function<Bytes(std::uint32_t tag, std::size_t length)>& terminalValue, ByteView aip,
    ByteView atc, ByteView cardData);

// ARPC method 1, Book 2, 8.2.1: ARPC := E(SK)[ARQC xor (ARC || '00'..'00')].
// ARQC 8 bytes, ARC (Authorisation Response Code) 2 bytes, result 8 bytes.
// For AES the 8-byte value is right-padded with '00' to a block and the
// leftmost 8 bytes of the result are the ARPC (our reading of 8.2.1 for AES;
// no published vector to confirm it).
Result<Bytes> arpcMethod1(CipherAlgorithm algorithm, ByteView sessionKey, ByteView arqc,
                          ByteView arc);

// ARPC method 2, Book 2, 8.2.2: ARPC := leftmost 4 bytes of the A1.2 MAC over
// ARQC || CSU || Proprietary Authentication Data. CSU (Card Status Update) is
// 4 bytes, the proprietary data 0..8 bytes. The Issuer Authentication Data
// sent to the card is then ARPC || CSU || proprietary data.
Result<Bytes> arpcMethod2(CipherAlgorithm algorithm, ByteView sessionKey, ByteView arqc,
                          ByteView csu, ByteView proprietaryAuthData = {});

} // namespace cardlink::crypto
