#pragma once

#include "emv/OnlineAuthorization.h"
#include "util/Result.h"

#include <QString>

#include <functional>
#include <vector>

namespace cardlink::cli {

// The ways `pay --online SPEC` answers the kernel's online authorisation
// request (emv::OnlineAuthorizer). SPEC is "NAME" or "NAME:ARGUMENT".
// The kernel wiring (PaymentRunner) only ever sees the OnlineAuthorizer, so
// a new way to go online (a real ISO 8583 host over TLS, a modem) is one
// more entry in onlineBackends() — or its own option that builds an
// OnlineAuthorizer — and nothing else changes.
struct OnlineBackend
{
    QString name;     // "stub"
    QString synopsis; // "stub:ISSUER_KEYS_FILE"
    QString help;     // one line for --help
    bool takesArgument = false;
    // Builds the authorizer; errors are one line for the user.
    std::function<Result<emv::OnlineAuthorizer>(const QString& argument)> make;
};

const std::vector<OnlineBackend>& onlineBackends();

// Parses SPEC and builds its authorizer. InvalidArgument for an unknown
// name or a missing/unexpected argument; the backend's own errors otherwise.
Result<emv::OnlineAuthorizer> makeOnlineAuthorizer(const QString& spec);

// The --online lines of `pay --help`.
QString onlineBackendsHelp();

} // namespace cardlink::cli
