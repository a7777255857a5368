#include "TerminalState.h"

#include "TerminalBundle.h"
#include "dukpt/KeySerialNumber.h"
#include "online/MessageStamp.h"

#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <unistd.h>

namespace cardlink::link {

namespace {
Error ioError(const std::string& what, const QString& file)
{
    return Error{ErrorCode::Io, what + " " + file.toStdString() + ": " + std::strerror(errno)};
}

// Closes a descriptor on every path out.
struct Fd
{
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

Result<TerminalState::Counters> parse(const std::string& text, const QString& file)
{
    TerminalState::Counters counters;
    unsigned long ksn = 0;
    unsigned long stan = 0;
    unsigned long batch = 1;
    if (!text.empty()) {
        // The batch line came later: a file without it is batch 1.
        const int fields =
            std::sscanf(text.c_str(), "ksnCounter %lu stan %lu batch %lu", &ksn, &stan, &batch);
        if (fields < 2 || ksn > 0xFFFFFFFFul || stan > online::MessageStamp::kMaxStan ||
            batch == 0 || batch > 0xFFFFFFFFul)
            return makeError(ErrorCode::Malformed, "terminal state " + file.toStdString() +
                                                       ": expected 'ksnCounter N stan M batch B'");
    }
    counters.ksnCounter = static_cast<std::uint32_t>(ksn);
    counters.stan = static_cast<std::uint32_t>(stan);
    counters.batch = static_cast<std::uint32_t>(batch);
    return counters;
}

Result<std::string> readAll(const QString& file)
{
    const QByteArray path = file.toLocal8Bit();
    Fd in{::open(path.constData(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0) {
        if (errno == ENOENT)
            return std::string();
        return ioError("cannot read", file);
    }
    std::string text;
    char buffer[256];
    for (;;) {
        const ssize_t n = ::read(in.fd, buffer, sizeof buffer);
        if (n < 0)
            return ioError("cannot read", file);
        if (n == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > 4096)
            return makeError(ErrorCode::Malformed, "terminal state too large");
    }
    return text;
}

Result<void> writeAtomically(const QString& file, const std::string& text)
{
    const QByteArray path = file.toLocal8Bit();
    const QByteArray temp = path + ".tmp";
    {
        Fd out{::open(temp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)};
        if (out.fd < 0)
            return ioError("cannot write", file);
        if (::write(out.fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()) ||
            ::fsync(out.fd) != 0)
            return ioError("cannot write", file);
    }
    if (::rename(temp.constData(), path.constData()) != 0)
        return ioError("cannot rename", file);
    // The rename itself is durable only once the directory is synced.
    const QByteArray dir = QFileInfo(file).absolutePath().toLocal8Bit();
    Fd directory{::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (directory.fd < 0 || ::fsync(directory.fd) != 0)
        return ioError("cannot sync the directory of", file);
    return {};
}
} // namespace

Result<TerminalState::Counters> TerminalState::read() const
{
    auto text = readAll(m_file);
    if (!text)
        return text.error();
    return parse(*text, m_file);
}

template <typename F> Result<TerminalState::Counters> TerminalState::update(F change)
{
    const QByteArray lockPath = (m_file + QStringLiteral(".lock")).toLocal8Bit();
    Fd lock{::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)};
    if (lock.fd < 0 || ::flock(lock.fd, LOCK_EX) != 0)
        return ioError("cannot lock", m_file);
    auto counters = read();
    if (!counters)
        return counters.error();
    if (auto changed = change(*counters); !changed)
        return changed.error();
    const std::string text = "ksnCounter " + std::to_string(counters->ksnCounter) + "\nstan " +
                             std::to_string(counters->stan) + "\nbatch " +
                             std::to_string(counters->batch) + "\n";
    if (auto written = writeAtomically(m_file, text); !written)
        return written.error();
    return counters;
}

Result<std::uint32_t> TerminalState::nextStan()
{
    auto counters = update([](Counters& c) -> Result<void> {
        c.stan =
            online::MessageStamp::nextStan(c.stan == 0 ? online::MessageStamp::kMaxStan : c.stan);
        return {};
    });
    if (!counters)
        return counters.error();
    return counters->stan;
}

Result<std::uint32_t> TerminalState::currentBatch() const
{
    auto counters = read();
    if (!counters)
        return counters.error();
    return counters->batch;
}

Result<std::uint32_t> TerminalState::closeBatch(std::uint32_t closed)
{
    auto counters = update([closed](Counters& c) -> Result<void> {
        if (c.batch == closed)
            c.batch = closed == 0xFFFFFFFFu ? 1 : closed + 1;
        return {};
    });
    if (!counters)
        return counters.error();
    return counters->batch;
}

Result<dukpt::TransactionKey> TerminalState::nextTransactionKey(const TerminalBundle& bundle)
{
    auto initialKsn = dukpt::KeySerialNumber::fromHex(bundle.initialKsnHex.toStdString());
    if (!initialKsn)
        return initialKsn.error();
    auto counters = update([&](Counters& c) -> Result<void> {
        const std::uint32_t start = std::max(c.ksnCounter, initialKsn->counter());
        const std::uint32_t next =
            c.ksnCounter == 0 && dukpt::KeySerialNumber::isValidCounter(std::max(start, 1u))
                ? std::max(start, 1u)
                : dukpt::KeySerialNumber::nextCounter(start);
        if (next == 0)
            return makeError(ErrorCode::InvalidArgument,
                             "DUKPT counter exhausted: the terminal needs a new initial key");
        c.ksnCounter = next;
        return {};
    });
    if (!counters)
        return counters.error();
    auto terminal = dukpt::DukptTerminal::resume(bundle.initialKey.view(),
                                                 initialKsn->initialKeyId(), counters->ksnCounter);
    if (!terminal)
        return terminal.error();
    return terminal->nextTransaction();
}

} // namespace cardlink::link
