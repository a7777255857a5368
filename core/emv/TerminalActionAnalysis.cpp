#include "emv/TerminalActionAnalysis.h"

namespace cardlink::emv {

namespace {
enum class Codes { Denial, Online, Default };

Bytes issuerCodes(const TransactionData& data, Codes which)
{
    const tlv::Tag tag = which == Codes::Denial ? 0x9F0E : which == Codes::Online ? 0x9F0F : 0x9F0D;
    const auto value = data.get(tag);
    if (value && value->size() == 5)
        return Bytes(value->begin(), value->end());
    return Bytes(5, which == Codes::Denial ? 0x00 : 0xFF);
}

const Bytes& terminalCodes(const TerminalConfig& config, Codes which)
{
    return which == Codes::Denial   ? config.tac.denial
           : which == Codes::Online ? config.tac.online
                                    : config.tac.defaultCodes;
}

bool matches(const TransactionData& data, const Tvr& tvr, const TerminalConfig& config, Codes which)
{
    const Bytes iac = issuerCodes(data, which);
    const Bytes& tac = terminalCodes(config, which);
    for (std::size_t i = 0; i < 5; ++i) {
        const std::uint8_t t = i < tac.size() ? tac[i] : 0;
        if (tvr.bytes()[i] & (iac[i] | t))
            return true;
    }
    return false;
}
} // namespace

const char* cryptogramName(Cryptogram cryptogram)
{
    switch (cryptogram) {
    case Cryptogram::Aac:
        return "AAC";
    case Cryptogram::Tc:
        return "TC";
    case Cryptogram::Arqc:
        return "ARQC";
    }
    return "?";
}

Cryptogram terminalActionAnalysis(const TransactionData& data, const Tvr& tvr,
                                  const TerminalConfig& config, bool canGoOnline)
{
    if (matches(data, tvr, config, Codes::Denial))
        return Cryptogram::Aac;
    if (!canGoOnline)
        return defaultActionAnalysis(data, tvr, config);
    return matches(data, tvr, config, Codes::Online) ? Cryptogram::Arqc : Cryptogram::Tc;
}

Cryptogram defaultActionAnalysis(const TransactionData& data, const Tvr& tvr,
                                 const TerminalConfig& config)
{
    return matches(data, tvr, config, Codes::Default) ? Cryptogram::Aac : Cryptogram::Tc;
}

} // namespace cardlink::emv
