// Fuzzes the ATR parser (ISO/IEC 7816-3:2006, clause 8). When an ATR parses,
// every accessor and describe() must work on it, and the structural facts the
// parser promises must hold.
#include "iso7816/Atr.h"

#include <cstdlib>

using namespace cardlink;
using namespace cardlink::iso7816;

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const ByteView input(data, size);
    auto parsed = Atr::parse(input);
    if (!parsed) {
        check(!parsed.error().message.empty());
        return 0;
    }
    const Atr& atr = *parsed;
    check(atr.raw() == Bytes(input.begin(), input.end()));
    check(atr.raw().size() <= Atr::kMaxLength);
    check(atr.convention() == Convention::Direct || atr.convention() == Convention::Inverse);
    check(atr.historicalBytes().size() == static_cast<std::size_t>(atr.historicalByteCount()));
    check(!atr.protocols().empty());
    check(atr.tckPresent() == atr.tck().has_value());
    check(!atr.tckValid() || atr.tckPresent());

    std::size_t touched = atr.t0();
    for (const auto& group : atr.interfaceGroups()) {
        touched += group.ta.value_or(0) + group.tb.value_or(0) + group.tc.value_or(0);
        touched += static_cast<std::size_t>(group.protocol().value_or(0));
        check(atr.td(group.index) == group.td);
    }
    for (int i = -1; i < 20; ++i)
        touched += atr.ta(i).value_or(0) + atr.tb(i).value_or(0) + atr.tc(i).value_or(0);
    for (int t = 0; t < 16; ++t) {
        touched += atr.offers(t) ? 1u : 0u;
        touched +=
            atr.firstTa(t).value_or(0) + atr.firstTb(t).value_or(0) + atr.firstTc(t).value_or(0);
    }
    touched += atr.indicatedTypes().size();
    touched += static_cast<std::size_t>(atr.fi().value_or(0) + atr.di().value_or(0) +
                                        atr.fMaxKHz().value_or(0));
    touched += atr.fiIndex() + atr.diIndex() + atr.ta1Value();
    touched += static_cast<std::size_t>(atr.extraGuardTime() + atr.waitingTimeInteger() +
                                        atr.specificModeProtocol().value_or(0));
    touched += atr.specificMode() + atr.canChangeMode() + atr.implicitParameters() +
               atr.hasDeprecatedVpp();
    touched += static_cast<std::size_t>(atr.ifsc() + atr.bwi() + atr.cwi());
    touched +=
        static_cast<std::size_t>(atr.errorDetection()) + static_cast<std::size_t>(atr.clockStop());
    touched += atr.supportsClassA() + atr.supportsClassB() + atr.supportsClassC();
    touched += atr.warnings().size();

    const auto& historical = atr.historical();
    check(historical.raw() == atr.historicalBytes());
    for (const auto& object : historical.objects()) {
        check(object.value.size() <= 15);
        touched += object.describe().size() + object.name().size();
    }
    touched += historical.lifeCycleStatus().value_or(0) + historical.statusWord().value_or(0) +
               historical.dirDataReference().value_or(0) + historical.undecoded().size() +
               historical.problem().size() + historical.describe().size();

    const std::string text = atr.describe();
    check(text.rfind("ATR: ", 0) == 0 && text.back() == '\n');
    // Keep the work observable so the calls are not optimised away.
    check(touched + text.size() > 0);
    return 0;
}
