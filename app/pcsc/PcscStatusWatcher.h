#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <winscard.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cardlink::pcsc {

class PcscContext;

// Watches pcscd on a thread of its own: which readers exist, which hold a
// card. Blocks in SCardGetStatusChange (with the "\\?PnP?\Notification"
// pseudo reader for reader arrival and removal) and reports changes to a
// Listener, on the watcher's thread. Qt-free; PcscReaderService puts the
// Qt signals on top.
//
// When pcscd is not running or goes away it reports that once, forgets all
// readers (reporting each card as removed) and tries again every
// `retryInterval` until it is back or stop() is called.
class PcscStatusWatcher
{
public:
    class Listener
    {
    public:
        virtual ~Listener() = default;
        virtual void readersChanged(const std::vector<std::string>& readers) = 0;
        virtual void cardInserted(const std::string& reader, const Bytes& atr) = 0;
        virtual void cardRemoved(const std::string& reader) = 0;
        virtual void serviceAvailableChanged(bool available) = 0;
        virtual void errorOccurred(const Error& error) = 0;
    };

    PcscStatusWatcher(Listener& listener, std::chrono::milliseconds retryInterval);
    ~PcscStatusWatcher();
    PcscStatusWatcher(const PcscStatusWatcher&) = delete;
    PcscStatusWatcher& operator=(const PcscStatusWatcher&) = delete;

    void start();
    // Cancels the blocking call (SCardCancel) and joins the thread.
    void stop();

private:
    struct ReaderState
    {
        DWORD pcscState = SCARD_STATE_UNAWARE; // passed back as dwCurrentState
        bool present = false;
    };

    enum class ServiceState { Unknown, Down, Up };

    void run();
    // Watches until stop() (returns nothing) or a PC/SC call fails (returns
    // why: NoService when pcscd went away).
    std::optional<Error> watch(PcscContext& context);
    std::optional<Error> refreshReaders(PcscContext& context);
    void reportFailure(const Error& error);
    void applyEvent(const std::string& reader, const SCARD_READERSTATE& state);
    void forgetReaders();
    bool stopping();
    void waitForRetry();

    Listener& m_listener;
    const std::chrono::milliseconds m_retryInterval;

    std::mutex m_mutex; // guards m_stop and m_activeContext
    std::condition_variable m_wake;
    bool m_stop = false;
    SCARDCONTEXT m_activeContext = 0;
    bool m_hasActiveContext = false;
    std::thread m_thread;

    // Only touched by the watcher thread.
    std::vector<std::string> m_readers;
    std::map<std::string, ReaderState> m_states;
    bool m_readersReported = false;
    DWORD m_pnpState = SCARD_STATE_UNAWARE;
    ServiceState m_serviceState = ServiceState::Unknown;
};

} // namespace cardlink::pcsc
