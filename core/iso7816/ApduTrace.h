#pragma once

#include "iso7816/ApduTraceEntry.h"

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cardlink::iso7816 {

// The APDU trace the diagnostics screen and the CLI show: the last N
// exchanges, oldest dropped first. Thread-safe: the PC/SC thread records
// while the GUI reads, exports or clears.
//
// Secret command data never enters it: record() masks any entry that still
// carries a PIN-bearing command's data (see ApduTraceEntry), whoever built it.
class ApduTrace
{
public:
    using Listener = std::function<void(const ApduTraceEntry&)>;

    static constexpr std::size_t kDefaultCapacity = 10000;

    // A capacity of 0 is taken as 1.
    explicit ApduTrace(std::size_t capacity = kDefaultCapacity);

    void record(ApduTraceEntry entry);
    std::vector<ApduTraceEntry> entries() const;
    void clear();

    // Called after each record(), on the recording thread and outside the
    // trace's lock (it may call entries()). A GUI adapter must hand the entry
    // over to its own thread. Pass an empty function to remove it; a record()
    // running concurrently may still call the previous listener once.
    void setListener(Listener listener);

    std::size_t size() const;
    std::size_t capacity() const { return m_capacity; }
    // Entries pushed out by the ring since construction or the last clear().
    std::size_t dropped() const;

    // All entries as text, one format() block per exchange, with a header
    // line; for "save trace" and bug reports.
    std::string exportText() const;

private:
    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::deque<ApduTraceEntry> m_entries;
    std::size_t m_dropped = 0;
    std::shared_ptr<const Listener> m_listener;
};

} // namespace cardlink::iso7816
