// A sale's journal writes, one per step, as the terminal makes them:
// begin (pending) -> sent -> authorized (0210 00) -> completed (TC). With
// CARDLINK_JOURNAL_KILL_AT=N the journal SIGKILLs this process right after
// its N-th write. Usage: journal_writer FILE
#include "JournalSample.h"
#include "SqliteJournal.h"

#include <QCoreApplication>

#include <cstdio>

using namespace cardlink::journal;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2)
        return 2;
    auto journal = SqliteJournal::open(QString::fromLocal8Bit(argv[1]));
    if (!journal) {
        std::fprintf(stderr, "%s\n", journal.error().describe().c_str());
        return 1;
    }
    JournalRecord r = sample::sale();
    auto id = (*journal)->begin(r);
    if (!id)
        return 1;
    r.id = *id;
    r.state = JournalState::Sent;
    if (!(*journal)->update(r))
        return 1;
    r.state = JournalState::Authorized;
    r.arc = "00";
    r.authCode = "A1B2C3";
    r.rrn = "000000123456";
    if (!(*journal)->update(r))
        return 1;
    r.state = JournalState::Completed;
    r.cryptogram = CryptogramKind::Tc;
    if (!(*journal)->finish(r))
        return 1;
    std::printf("%lld\n", static_cast<long long>(r.id));
    return 0;
}
