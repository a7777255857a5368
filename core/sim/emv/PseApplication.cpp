#include "sim/emv/PseApplication.h"

#include "iso7816/StatusWord.h"
#include "sim/CardProfile.h"
#include "sim/CardState.h"

namespace cardlink::sim::emv {

PseApplication::PseApplication(std::shared_ptr<const EmvCardState> state)
    : m_state(std::move(state))
{}

bool PseApplication::acceptsClass(std::uint8_t cla) const
{
    return cla == 0x00;
}

void PseApplication::onSelected(iso7816::ResponseApdu& answer, CardContext& context)
{
    if (!m_state->cardBlocked)
        return;
    answer = {{}, iso7816::sw::kFunctionNotSupported};
    context.state.selectMf(context.profile.mf);
}

} // namespace cardlink::sim::emv
