#include "payment/online/HostBackend.h"

#include "CliOutput.h"
#include "HostAuthorizer.h"

#include <memory>

namespace cardlink::cli {

Result<emv::OnlineAuthorizer> makeHostAuthorizer(const QString& bundlePath)
{
    auto bundle = link::TerminalBundle::load(bundlePath);
    if (!bundle)
        return bundle.error();
    auto authorizer = std::make_shared<link::HostAuthorizer>(
        std::move(*bundle), link::HostAuthorizer::Options{},
        [](const std::string& line) { printLine(QString::fromStdString(line)); });
    return emv::OnlineAuthorizer(
        [authorizer](const emv::OnlineRequest& request) { return authorizer->authorize(request); });
}

} // namespace cardlink::cli
