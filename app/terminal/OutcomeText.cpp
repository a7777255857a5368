#include "OutcomeText.h"

namespace cardlink::terminal {

using emv::OutcomeKind;
using emv::TvrBit;

OutcomeText OutcomeText::from(const Result<emv::TransactionOutcome>& result)
{
    return result ? fromOutcome(*result) : fromError(result.error());
}

OutcomeText OutcomeText::fromOutcome(const emv::TransactionOutcome& outcome)
{
    OutcomeText text;
    switch (outcome.kind) {
    case OutcomeKind::ApprovedOffline:
        return {Kind::Approved, tr("Approved"), tr("The card approved the payment."), {}};
    case OutcomeKind::ApprovedOnline:
        return {Kind::Approved, tr("Approved"), tr("The bank approved the payment."), {}};
    case OutcomeKind::GoOnlineFailed:
        if (outcome.approved)
            return {Kind::Approved,
                    tr("Approved"),
                    tr("The bank could not be reached; the card approved the payment offline."),
                    {}};
        return {Kind::Declined, tr("Declined"),
                tr("The bank could not be reached and the card does not allow this payment "
                   "offline."),
                tr("Try again later or pay another way.")};
    case OutcomeKind::Declined:
        return {Kind::Declined, tr("Declined"), declineReason(outcome),
                tr("Ask the customer for another card or another way to pay.")};
    case OutcomeKind::CardBlocked:
        return {Kind::Declined, tr("Card blocked"), tr("This card is blocked."),
                tr("Use another card.")};
    case OutcomeKind::NotAccepted:
        return {Kind::Declined, tr("Card not accepted"),
                tr("This terminal accepts none of the card's applications."),
                tr("Use another card.")};
    case OutcomeKind::Cancelled:
        return {Kind::Cancelled, tr("Cancelled"), tr("The payment was cancelled."), {}};
    case OutcomeKind::CardError:
        return {Kind::CardError, tr("Card error"), tr("The card did not answer as expected."),
                tr("Remove the card and insert it once more. If it fails again, use another "
                   "card.")};
    }
    return text;
}

QString OutcomeText::declineReason(const emv::TransactionOutcome& outcome)
{
    // The TVR says why a card or terminal declined (EMV 4.4 Book 3, Annex C5).
    const auto& tvr = outcome.tvr;
    if (outcome.online)
        return tr("The bank declined the payment.");
    if (tvr.test(TvrBit::PinTryLimitExceeded))
        return tr("The PIN was entered wrongly too often; the card no longer accepts a PIN.");
    if (tvr.test(TvrBit::CardholderVerificationNotSuccessful))
        return tr("The cardholder could not be verified.");
    if (tvr.test(TvrBit::ExpiredApplication))
        return tr("The card has expired.");
    if (tvr.test(TvrBit::ApplicationNotYetEffective))
        return tr("The card is not valid yet.");
    if (tvr.test(TvrBit::ServiceNotAllowed))
        return tr("The card does not allow this kind of payment.");
    return tr("The card declined the payment.");
}

OutcomeText OutcomeText::fromError(const Error& error)
{
    switch (error.code) {
    case ErrorCode::CardRemoved:
        return {Kind::CardError, tr("Card removed"), tr("The card was removed too early."),
                tr("Insert the card again and leave it in until the end.")};
    case ErrorCode::NoService:
    case ErrorCode::NoReaders:
    case ErrorCode::NotFound:
        return {Kind::CardError, tr("No card reader"), tr("The card reader is not available."),
                tr("Check the reader's cable, then open Diagnostics.")};
    case ErrorCode::Cancelled:
        return {Kind::Cancelled, tr("Cancelled"), tr("The payment was cancelled."), {}};
    default:
        return {Kind::CardError, tr("Card error"), tr("The card could not be read."),
                tr("Remove the card and insert it once more. If it fails again, use another "
                   "card.")};
    }
}

} // namespace cardlink::terminal
