#pragma once

#include "sim/CardApplication.h"
#include "sim/emv/EmvCardState.h"

#include <memory>

namespace cardlink::sim::emv {

// Bound to the PSE (1PAY.SYS.DDF01, EMV 4.4 Book 1, 12.2.3). The file tree
// answers its SELECT and READ RECORD; this only makes a blocked card answer
// 6A81 to SELECT (Book 3, 6.5.3).
class PseApplication final : public CardApplication
{
public:
    explicit PseApplication(std::shared_ptr<const EmvCardState> state);

    bool acceptsClass(std::uint8_t cla) const override;
    std::optional<iso7816::ResponseApdu> process(const iso7816::CommandApdu&, CardContext&) override
    {
        return std::nullopt;
    }
    void onSelected(iso7816::ResponseApdu& answer, CardContext& context) override;

private:
    std::shared_ptr<const EmvCardState> m_state;
};

} // namespace cardlink::sim::emv
