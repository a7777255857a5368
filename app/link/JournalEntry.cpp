#include "JournalEntry.h"

#include "JournalKeys.h"
#include "TerminalBundle.h"
#include "TerminalState.h"
#include "journal/CardSeal.h"
#include "journal/StoredRequest.h"
#include "util/PanMask.h"

namespace cardlink::link {

std::string JournalEntry::panOf(const iso8583::Message& request)
{
    if (const auto* pan = request.text(2))
        return *pan;
    // Field 35 (track 2 equivalent): PAN, separator '=' or 'D', the rest.
    if (const auto* track2 = request.text(35))
        return track2->substr(0, track2->find_first_of("=D"));
    return {};
}

Result<journal::JournalRecord> JournalEntry::fromRequest(const iso8583::Message& request,
                                                         const TerminalBundle& bundle,
                                                         journal::AuthorizationMode mode)
{
    const std::string* stan = request.text(11);
    const std::string* time = request.text(7);
    const std::string* amount = request.text(4);
    const std::string pan = panOf(request);
    if (!stan || !time || !amount || pan.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "journal: the request lacks its STAN, time, amount or card");
    journal::JournalRecord record;
    record.terminalId = bundle.terminalId.toStdString();
    record.stan = static_cast<std::uint32_t>(std::stoul(*stan));
    record.transmissionDateTime = *time;
    record.amount = std::stoll(*amount);
    if (const auto* currency = request.text(49))
        record.currency = *currency;
    record.mode = mode;
    // The open batch the sale belongs to (its 0500 totals, BatchCloser).
    auto batch = TerminalState(bundle.stateFile()).currentBatch();
    if (!batch)
        return batch.error();
    record.batch = static_cast<int>(*batch);
    record.maskedPan = maskPan(pan);
    auto token = JournalKeys::panToken(bundle, pan);
    if (!token)
        return token.error();
    record.panToken = std::move(*token);
    auto stored = journal::StoredRequest::encode(request);
    if (!stored)
        return stored.error();
    record.request = std::move(*stored);
    auto key = JournalKeys::sealKey(bundle);
    if (!key)
        return key.error();
    auto sealed = journal::CardSeal::seal(pan, key->view(), JournalKeys::recordIdentity(record));
    if (!sealed)
        return sealed.error();
    record.sealedCard = std::move(*sealed);
    return record;
}

} // namespace cardlink::link
