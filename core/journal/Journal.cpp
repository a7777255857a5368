#include "journal/Journal.h"

#include "journal/StoredRequest.h"

#include <cctype>

namespace cardlink::journal {

namespace {
// A masked PAN shows at most the first six digits in a row (PCI DSS 4.0,
// 3.4.1); seven digits in a row mean a clear PAN slipped through.
bool looksMasked(const std::string& pan)
{
    int run = 0;
    for (unsigned char c : pan) {
        run = std::isdigit(c) ? run + 1 : 0;
        if (run > 6)
            return false;
    }
    return true;
}
} // namespace

bool isFinalState(JournalState state)
{
    switch (state) {
    case JournalState::Declined:
    case JournalState::Completed:
    case JournalState::Reversed:
    case JournalState::AdviceSent:
        return true;
    default:
        return false;
    }
}

Result<void> checkStorable(const JournalRecord& record)
{
    if (!looksMasked(record.maskedPan))
        return makeError(ErrorCode::InvalidArgument, "journal: the PAN is not masked");
    if (record.request.empty())
        return {};
    auto message = StoredRequest::decode(record.request);
    if (!message)
        return message.error();
    if (auto field = StoredRequest::secretField(*message))
        return makeError(ErrorCode::InvalidArgument,
                         "journal: the request still carries field " + std::to_string(*field));
    return {};
}

} // namespace cardlink::journal
