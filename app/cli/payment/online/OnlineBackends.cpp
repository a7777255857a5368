#include "payment/online/OnlineBackends.h"

#include "CliOutput.h"
#include "payment/online/HostBackend.h"
#include "payment/online/StubIssuer.h"

#include <memory>

namespace cardlink::cli {

namespace {
Result<emv::OnlineAuthorizer> makeStub(const QString& path)
{
    auto issuer = StubIssuer::load(path);
    if (!issuer)
        return issuer.error();
    auto shared = std::make_shared<StubIssuer>(std::move(*issuer));
    return emv::OnlineAuthorizer(
        [shared](const emv::OnlineRequest& request) { return shared->authorize(request); });
}

Result<emv::OnlineAuthorizer> makeDecline(const QString&)
{
    return emv::OnlineAuthorizer([](const emv::OnlineRequest&) {
        printLine(QStringLiteral("Issuer (decline): declined (05), no ARPC"));
        emv::OnlineResponse response;
        response.decision = emv::OnlineDecision::Declined;
        response.authorisationResponseCode = Bytes{'0', '5'};
        return response;
    });
}

Result<emv::OnlineAuthorizer> makeOffline(const QString&)
{
    // EMV 4.4 Book 3, 10.7: the terminal could not reach the host; the
    // kernel then decides with the default action codes.
    return emv::OnlineAuthorizer([](const emv::OnlineRequest&) {
        printLine(QStringLiteral("Issuer (offline): unable to go online"));
        emv::OnlineResponse response;
        response.decision = emv::OnlineDecision::UnableToGoOnline;
        return response;
    });
}
} // namespace

const std::vector<OnlineBackend>& onlineBackends()
{
    static const std::vector<OnlineBackend> backends{
        {QStringLiteral("stub"), QStringLiteral("stub:ISSUER_KEYS_FILE"),
         QStringLiteral("a stand-in issuer with the test issuer master keys (issuer-keys.json "
                        "of cardlink-personalize): checks the ARQC, answers with an ARPC"),
         true, makeStub},
        {QStringLiteral("host"), QStringLiteral("host:BUNDLE"),
         QStringLiteral("cardlink-host over TLS 1.3 with the terminal bundle of 'cardlink-host "
                        "add-terminal' (file or its directory): ISO 8583 0200, reversal when "
                        "unanswered"),
         true, makeHostAuthorizer},
        {QStringLiteral("decline"), QStringLiteral("decline"),
         QStringLiteral("the host declines every request (05) without an ARPC"), false,
         makeDecline},
        {QStringLiteral("offline"), QStringLiteral("offline"),
         QStringLiteral("the host cannot be reached: the default action codes decide (default)"),
         false, makeOffline},
    };
    return backends;
}

Result<emv::OnlineAuthorizer> makeOnlineAuthorizer(const QString& spec)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const QString name = colon < 0 ? spec : spec.left(colon);
    const QString argument = colon < 0 ? QString() : spec.mid(colon + 1);
    for (const auto& backend : onlineBackends()) {
        if (backend.name != name)
            continue;
        if (backend.takesArgument && argument.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             "--online " + name.toStdString() +
                                 " needs an argument: " + backend.synopsis.toStdString());
        if (!backend.takesArgument && colon >= 0)
            return makeError(ErrorCode::InvalidArgument,
                             "--online " + name.toStdString() + " takes no argument");
        return backend.make(argument);
    }
    return makeError(ErrorCode::InvalidArgument,
                     "--online: unknown '" + spec.toStdString() + "' (see pay --help)");
}

QString onlineBackendsHelp()
{
    QString text;
    for (const auto& backend : onlineBackends())
        text += QStringLiteral("  %1\n      %2\n").arg(backend.synopsis, backend.help);
    return text;
}

} // namespace cardlink::cli
