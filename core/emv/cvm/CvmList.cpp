#include "emv/cvm/CvmList.h"

namespace cardlink::emv {

namespace {

std::uint32_t readU32(ByteView bytes, std::size_t offset)
{
    return (std::uint32_t{bytes[offset]} << 24) | (std::uint32_t{bytes[offset + 1]} << 16) |
           (std::uint32_t{bytes[offset + 2]} << 8) | std::uint32_t{bytes[offset + 3]};
}

} // namespace

Result<CvmList> CvmList::parse(ByteView value)
{
    if (value.size() < 8)
        return makeError(ErrorCode::Malformed, "CVM list (8E) shorter than its two amounts");
    if ((value.size() - 8) % 2 != 0)
        return makeError(ErrorCode::Malformed, "CVM list (8E) ends in half a CV rule");
    CvmList list;
    list.amountX = readU32(value, 0);
    list.amountY = readU32(value, 4);
    for (std::size_t pos = 8; pos + 1 < value.size(); pos += 2)
        list.rules.push_back(CvRule{value[pos], value[pos + 1]});
    return list;
}

} // namespace cardlink::emv
