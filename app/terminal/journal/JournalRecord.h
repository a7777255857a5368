#pragma once

#include <QDateTime>
#include <QString>

namespace cardlink::terminal {

// One transaction as the terminal journal keeps it. Never a PIN; the PAN
// only masked (first 6, last 4).
struct JournalRecord
{
    enum class State { Pending, Approved, Declined, Cancelled, Failed, Reversed, Advised };

    qint64 id = 0;
    int stan = 0;
    State state = State::Pending;
    QDateTime time;
    qint64 amount = 0; // minor units
    QString currency;
    QString maskedPan;
    QString aid;
    QString authCode;
    QString detail; // the outcome in words, for the operator
};

const char* journalStateName(JournalRecord::State state);

} // namespace cardlink::terminal
