#pragma once

#include <cstdint>
#include <optional>

namespace cardlink::iso7816 {

// The interface bytes TAi, TBi, TCi and TDi of one index i, each present or not
// (ISO/IEC 7816-3:2006, 8.2.3). T0 announces the group i = 1 and TDi the group
// i + 1. For i >= 3 the meaning of TAi, TBi and TCi depends on the protocol T
// named in TD(i-1): T=15 makes them global, any other T specific to that T.
struct AtrInterfaceGroup
{
    int index = 1;
    // T in TD(i-1); nullopt for i = 1, which T0 announces.
    std::optional<int> previousT;
    std::optional<std::uint8_t> ta;
    std::optional<std::uint8_t> tb;
    std::optional<std::uint8_t> tc;
    std::optional<std::uint8_t> td;

    // The protocol T named in TDi, if TDi is present.
    std::optional<int> protocol() const
    {
        return td ? std::optional<int>(*td & 0x0F) : std::nullopt;
    }

    bool operator==(const AtrInterfaceGroup&) const = default;
};

} // namespace cardlink::iso7816
