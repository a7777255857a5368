#include "host/ReversalHandler.h"

#include "iso8583/CardLinkProfile.h"

#include <cstdlib>

namespace cardlink::host {

namespace f = iso8583::field;

Answer ReversalHandler::reverse(RequestContext& context)
{
    // Field 90 (ISO 8583:1987): original MTI n4, STAN n6, transmission
    // date-time n10, acquirer and forwarding institution ids n11 each.
    const std::string& original = context.text(f::kOriginalDataElements);
    if (original.size() != 42)
        return Answer::unstored("30");
    RequestKey key{context.identity.terminalId, original.substr(4, 6), original.substr(10, 10)};
    auto found = m_store.findResponse(key);
    if (!found)
        return Answer::unstored("96");
    if (!*found || (*found)->isTombstone()) {
        context.log.push_back("reversal of unknown STAN " + key.stan + " at " +
                              key.transmissionDateTime);
        Answer answer = Answer::stored("25");
        // The original may still be on its way (the terminal reversed it
        // after a timeout): a tombstone under its key makes sure it never
        // posts. Not for a reversal that names itself.
        if (!*found && key != context.key)
            answer.unit.tombstone =
                StoredResponse::tombstone(key, original.substr(0, 4), context.retrievalReference);
        return answer;
    }
    const StoredResponse& stored = **found;
    if (stored.requestMti != original.substr(0, 4)) {
        context.log.push_back("reversal names MTI " + original.substr(0, 4) + ", original was " +
                              stored.requestMti);
        return Answer::stored("25");
    }
    if (stored.reversal != ReversalState::Posted) {
        context.log.push_back(stored.reversal == ReversalState::Reversed
                                  ? "original already reversed: nothing posted"
                                  : "original posted nothing: nothing to reverse");
        return Answer::stored("00");
    }
    const Money amount = std::strtoll(context.text(f::kAmount).c_str(), nullptr, 10);
    if (amount != stored.amount) {
        context.log.push_back("reversal amount " + std::to_string(amount) +
                              " is not the original's " + std::to_string(stored.amount));
        return Answer::stored("77");
    }
    Answer answer = Answer::stored("00");
    const auto& terminal = context.terminal;
    // The opposite legs go into the terminal's open batch, where the
    // terminal counts its reversal too.
    answer.unit.postings.push_back({stored.debitAccountId, amount, PostingKind::Reversal,
                                    terminal.id, terminal.batchNumber, stored.reference});
    answer.unit.postings.push_back({stored.creditAccountId, -amount, PostingKind::Reversal,
                                    terminal.id, terminal.batchNumber, stored.reference});
    answer.unit.reversal = ReversalMark{key, ReversalState::Posted};
    return answer;
}

} // namespace cardlink::host
