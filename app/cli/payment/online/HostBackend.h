#pragma once

#include "emv/OnlineAuthorization.h"
#include "util/Result.h"

#include <QString>

namespace cardlink::cli {

// `pay --online host:BUNDLE`: the real cardlink-host over TLS 1.3
// (link::HostAuthorizer) with the terminal bundle of `cardlink-host
// add-terminal` (the bundle file, or a directory holding just it). The
// bundle is read now, so a bad one fails before the card is touched.
Result<emv::OnlineAuthorizer> makeHostAuthorizer(const QString& bundlePath);

} // namespace cardlink::cli
