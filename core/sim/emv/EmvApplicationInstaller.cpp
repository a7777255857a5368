#include "sim/emv/EmvApplicationInstaller.h"

#include "sim/SimulatedCard.h"
#include "sim/emv/EmvPaymentApplication.h"
#include "sim/emv/PseApplication.h"

#include <string_view>

namespace cardlink::sim::emv {

void EmvApplicationInstaller::install(SimulatedCard& card)
{
    const auto& emv = card.profile().emv;
    if (!emv)
        return;
    auto state = std::make_shared<EmvCardState>(EmvCardState::fromProfile(*emv));
    card.addApplication(emv->aid, std::make_unique<EmvPaymentApplication>(*emv, state));
    if (emv->pse) {
        constexpr std::string_view kPseName = "1PAY.SYS.DDF01";
        card.addApplication(Bytes(kPseName.begin(), kPseName.end()),
                            std::make_unique<PseApplication>(state));
    }
}

} // namespace cardlink::sim::emv
