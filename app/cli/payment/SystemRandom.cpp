#include "payment/SystemRandom.h"

#include <QRandomGenerator>

namespace cardlink::cli {

void SystemRandom::fill(std::span<std::uint8_t> out)
{
    for (auto& byte : out)
        byte = static_cast<std::uint8_t>(QRandomGenerator::system()->bounded(256));
}

} // namespace cardlink::cli
