#include "sim/emv/CardKind.h"

#include <array>
#include <utility>

namespace cardlink::sim::emv {

namespace {
constexpr std::array<std::pair<CardKind, std::string_view>, 11> kNames{{
    {CardKind::Sda, "sda"},
    {CardKind::Dda, "dda"},
    {CardKind::Cda, "cda"},
    {CardKind::PinPlaintext, "pin-plaintext"},
    {CardKind::PinEnciphered, "pin-enciphered"},
    {CardKind::PinOnline, "pin-online"},
    {CardKind::Signature, "signature"},
    {CardKind::NoCvm, "no-cvm"},
    {CardKind::PinBlocked, "pin-blocked"},
    {CardKind::Expired, "expired"},
    {CardKind::AppBlocked, "app-blocked"},
}};

constexpr std::array<CardKind, 11> kAll{
    CardKind::Sda,           CardKind::Dda,       CardKind::Cda,       CardKind::PinPlaintext,
    CardKind::PinEnciphered, CardKind::PinOnline, CardKind::Signature, CardKind::NoCvm,
    CardKind::PinBlocked,    CardKind::Expired,   CardKind::AppBlocked};
} // namespace

std::string_view cardKindName(CardKind kind)
{
    for (const auto& [k, name] : kNames) {
        if (k == kind)
            return name;
    }
    return "unknown";
}

std::optional<CardKind> cardKindFromName(std::string_view name)
{
    for (const auto& [k, n] : kNames) {
        if (n == name)
            return k;
    }
    return std::nullopt;
}

std::span<const CardKind> allCardKinds()
{
    return kAll;
}

} // namespace cardlink::sim::emv
