#include "crypto/Padding.h"

namespace cardlink::crypto {

Bytes pad(ByteView data, std::size_t blockSize, Padding method)
{
    Bytes out(data.begin(), data.end());
    if (method == Padding::Method2)
        out.push_back(0x80);
    // Method 1 on an empty message gives one zero block, so that the MAC is
    // still computed over something (ISO/IEC 9797-1, padding method 1 note).
    if (out.empty() || out.size() % blockSize != 0)
        out.resize((out.size() / blockSize + 1) * blockSize, 0x00);
    return out;
}

Result<Bytes> unpadMethod2(ByteView data, std::size_t blockSize)
{
    if (data.empty() || blockSize == 0 || data.size() % blockSize != 0)
        return makeError(ErrorCode::Malformed, "padded data is not a whole number of blocks");
    std::size_t end = data.size();
    while (end > 0 && data[end - 1] == 0x00)
        --end;
    if (end == 0 || data[end - 1] != 0x80 || data.size() - (end - 1) > blockSize)
        return makeError(ErrorCode::Malformed, "bad ISO/IEC 9797-1 method 2 padding");
    return Bytes(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(end - 1));
}

} // namespace cardlink::crypto
