#pragma once

#include "host/CommitUnit.h"
#include "host/HostStore.h"
#include "host/Terminal.h"
#include "host/TerminalIdentity.h"
#include "iso8583/Message.h"

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace cardlink::host {

// One request on its way through the engine, after the checks every MTI
// shares (decoded, valid, terminal known, MAC, not a repeat).
struct RequestContext
{
    const iso8583::Message& request;
    const TerminalIdentity& identity;
    Terminal terminal;
    RequestKey key;
    Bytes requestHash;
    std::string retrievalReference; // field 37, derived from the request
    std::string approvalCode;       // field 38 when approved
    std::chrono::system_clock::time_point now;
    std::vector<std::string> log;

    const std::string& text(int field) const
    {
        static const std::string empty;
        const auto* value = request.text(field);
        return value ? *value : empty;
    }
};

// A handler's answer; the engine turns it into the response message.
struct Answer
{
    std::string code;                          // field 39
    std::map<int, iso8583::FieldValue> fields; // 38, 48, 55 ... set by the handler
    CommitUnit unit;   // postings and updates; `unit.response` gets its bytes from the engine
    bool store = true; // false: nothing committed (94, format errors, system errors)

    static Answer unstored(std::string code)
    {
        Answer answer;
        answer.code = std::move(code);
        answer.store = false;
        return answer;
    }
    static Answer stored(std::string code)
    {
        Answer answer;
        answer.code = std::move(code);
        return answer;
    }
};

} // namespace cardlink::host
