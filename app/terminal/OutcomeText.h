#pragma once

#include "emv/TransactionOutcome.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

namespace cardlink::terminal {

// A transaction's end in plain words for the merchant and the customer:
// what happened, why, and what to do next.
struct OutcomeText
{
    Q_DECLARE_TR_FUNCTIONS(OutcomeText)

public:
    enum class Kind { Approved, Declined, CardError, Cancelled };

    Kind kind = Kind::Cancelled;
    QString title;
    QString detail;
    QString action;

    static OutcomeText from(const Result<emv::TransactionOutcome>& result);

private:
    static OutcomeText fromOutcome(const emv::TransactionOutcome& outcome);
    static OutcomeText fromError(const Error& error);
    static QString declineReason(const emv::TransactionOutcome& outcome);
};

} // namespace cardlink::terminal
