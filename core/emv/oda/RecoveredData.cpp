#include "emv/oda/RecoveredData.h"
#include "util/Bytes.h"

#include <string>

namespace cardlink::emv {

namespace {

Error malformed(std::string what)
{
    return makeError(ErrorCode::Malformed, std::move(what));
}

// Book 2, 5.3 step 2-4 (and the same steps in 5.4, 6.3, 6.4, 6.5.2, 6.6.2):
// trailer BC, header 6A, then the expected format byte.
Result<void> checkFrame(ByteView recovered, std::size_t minLength, std::uint8_t format)
{
    if (recovered.size() < minLength)
        return malformed("recovered data too short (" + std::to_string(recovered.size()) +
                         " bytes)");
    if (recovered.back() != kRecoveredTrailer)
        return malformed("recovered data trailer " + hexByte(recovered.back()) + ", not BC");
    if (recovered[0] != kRecoveredHeader)
        return malformed("recovered data header " + hexByte(recovered[0]) + ", not 6A");
    if (recovered[1] != format)
        return malformed("format " + hexByte(recovered[1]) + ", expected " + hexByte(format));
    return {};
}

Bytes copy(ByteView bytes, std::size_t offset, std::size_t length)
{
    return Bytes(bytes.begin() + static_cast<std::ptrdiff_t>(offset),
                 bytes.begin() + static_cast<std::ptrdiff_t>(offset + length));
}

} // namespace

Result<RecoveredCertificate> parseRecoveredCertificate(ByteView recovered, std::uint8_t format)
{
    if (format != kFormatIssuerCertificate && format != kFormatIccCertificate)
        return makeError(ErrorCode::InvalidArgument, "certificate format must be 02 or 04");
    // Table 6: 1+1+4+2+3+1+1+1+1 = 15 header bytes (N_CA - 36 key bytes);
    // table 14: 1+1+10+2+3+1+1+1+1 = 21 (N_I - 42 key bytes).
    const std::size_t ownerLength = format == kFormatIssuerCertificate ? 4 : 10;
    const std::size_t headerLength = 11 + ownerLength;
    const std::size_t overhead = headerLength + kSha1HashLength + 1;
    if (auto frame = checkFrame(recovered, overhead + 1, format); !frame)
        return frame.error();

    RecoveredCertificate cert;
    cert.format = format;
    std::size_t pos = 2;
    cert.owner = copy(recovered, pos, ownerLength);
    pos += ownerLength;
    cert.expiry = copy(recovered, pos, 2);
    pos += 2;
    cert.serial = copy(recovered, pos, 3);
    pos += 3;
    cert.hashAlgorithm = recovered[pos++];
    cert.pkAlgorithm = recovered[pos++];
    cert.keyLength = recovered[pos++];
    cert.exponentLength = recovered[pos++];
    const std::size_t keyPartLength = recovered.size() - overhead;
    cert.keyPart = copy(recovered, pos, keyPartLength);
    pos += keyPartLength;
    cert.hash = copy(recovered, pos, kSha1HashLength);
    cert.hashedPart = copy(recovered, 1, pos - 1);
    if (cert.keyLength == 0)
        return malformed("certified public key length is 0");
    return cert;
}

Result<RecoveredStaticSignature> parseRecoveredStaticSignature(ByteView recovered)
{
    // Table 7: header, format, hash algorithm, DAC (2), pad (N_I - 26), hash, trailer.
    constexpr std::size_t overhead = 5 + kSha1HashLength + 1;
    if (auto frame = checkFrame(recovered, overhead, kFormatSignedStaticData); !frame)
        return frame.error();
    RecoveredStaticSignature sig;
    sig.hashAlgorithm = recovered[2];
    sig.dataAuthenticationCode = copy(recovered, 3, 2);
    const std::size_t hashOffset = recovered.size() - 1 - kSha1HashLength;
    sig.hash = copy(recovered, hashOffset, kSha1HashLength);
    sig.hashedPart = copy(recovered, 1, hashOffset - 1);
    return sig;
}

Result<RecoveredDynamicSignature> parseRecoveredDynamicSignature(ByteView recovered)
{
    // Table 17: header, format, hash algorithm, L_DD, ICC dynamic data (L_DD),
    // pad (N_IC - L_DD - 25), hash, trailer.
    constexpr std::size_t overhead = 4 + kSha1HashLength + 1;
    if (auto frame = checkFrame(recovered, overhead, kFormatSignedDynamicData); !frame)
        return frame.error();
    RecoveredDynamicSignature sig;
    sig.hashAlgorithm = recovered[2];
    const std::size_t dynamicLength = recovered[3];
    // Book 2, 6.5.2: L_DD <= N_IC - 25.
    if (dynamicLength > recovered.size() - overhead)
        return malformed("ICC dynamic data length " + std::to_string(dynamicLength) +
                         " exceeds the signature");
    sig.iccDynamicData = copy(recovered, 4, dynamicLength);
    const std::size_t hashOffset = recovered.size() - 1 - kSha1HashLength;
    sig.hash = copy(recovered, hashOffset, kSha1HashLength);
    sig.hashedPart = copy(recovered, 1, hashOffset - 1);
    return sig;
}

Result<Bytes> parseIccDynamicNumber(ByteView iccDynamicData)
{
    if (iccDynamicData.empty())
        return malformed("ICC dynamic data is empty");
    const std::size_t length = iccDynamicData[0];
    // Book 2, 6.5.2 table 18 and 6.6.1 table 19: 2 to 8 bytes.
    if (length < 2 || length > 8)
        return malformed("ICC dynamic number length " + std::to_string(length) + " outside 2..8");
    if (iccDynamicData.size() < 1 + length)
        return malformed("ICC dynamic number runs past the ICC dynamic data");
    return copy(iccDynamicData, 1, length);
}

Result<CdaDynamicData> parseCdaDynamicData(ByteView iccDynamicData)
{
    auto number = parseIccDynamicNumber(iccDynamicData);
    if (!number)
        return number.error();
    CdaDynamicData out;
    out.iccDynamicNumber = std::move(number).value();
    std::size_t pos = 1 + out.iccDynamicNumber.size();
    // Table 19: CID (1), Application Cryptogram (8), Transaction Data Hash Code (20).
    if (iccDynamicData.size() < pos + 1 + 8 + kSha1HashLength)
        return malformed("CDA ICC dynamic data too short (" +
                         std::to_string(iccDynamicData.size()) + " bytes)");
    out.cryptogramInformationData = iccDynamicData[pos++];
    out.applicationCryptogram = copy(iccDynamicData, pos, 8);
    pos += 8;
    out.transactionDataHash = copy(iccDynamicData, pos, kSha1HashLength);
    return out;
}

} // namespace cardlink::emv
