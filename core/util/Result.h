#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace cardlink {

// What went wrong below the level of a transaction outcome: bad input, I/O, a
// card that went away. A declined payment is not an Error; a truncated TLV is.
enum class ErrorCode {
    Malformed,       // input violates the format (bad TLV, bad ATR, bad hex)
    Truncated,       // input ends before the format says it should
    InvalidArgument, // caller passed something out of range
    Unsupported,     // well-formed but not something we implement
    NotFound,        // a named thing (reader, file, record) does not exist
    Io,              // transport or system call failed
    CardRemoved,     // the card left the reader mid-operation
    NoService,       // the PC/SC service (pcscd) is not running
    NoReaders,       // no reader is attached
    Timeout,
    Cancelled,
    Internal,
};

// Not named toString: Qt Test finds an unqualified toString() by ADL for
// QCOMPARE failure messages and delete[]s the result, crashing on a static string.
const char* errorCodeName(ErrorCode code);

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    std::string message;

    // One line for a log or a CLI: "malformed: TCK mismatch".
    std::string describe() const;
};

// A small std::expected stand-in (C++23 has the real one). Holds either a
// value or an Error; never both, never neither.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<0>(m_state);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_state);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_state));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const
    {
        assert(!ok());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

// Result<void>: success carries nothing.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const
    {
        assert(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error makeError(ErrorCode code, std::string message)
{
    return Error{code, std::move(message)};
}

} // namespace cardlink
