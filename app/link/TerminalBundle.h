#pragma once

#include "pin/SecretBytes.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace cardlink::link {

// The terminal bundle written by `cardlink-host add-terminal` (JSON, 0600):
// who the terminal is, where its host is, the TLS client certificate and key,
// the terminal CA certificate that signed the host's certificate, and the
// AES DUKPT initial key with its initial KSN (docs/host.md).
struct TerminalBundle
{
    QString file;
    QString terminalId;
    QString merchantId;
    QString hostAddress;
    quint16 tlsPort = 0;
    QString serverName; // the name the host's certificate must carry
    bool macRequired = false;
    QByteArray caCertificatePem;
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    pin::SecretBytes initialKey;
    QString initialKsnHex;

    // `path` is the bundle file or a directory holding exactly one *.json.
    static Result<TerminalBundle> load(const QString& path);

    // The transaction counter state kept next to the bundle ("<file>.state").
    QString stateFile() const { return file + QStringLiteral(".state"); }

    ~TerminalBundle();
    TerminalBundle() = default;
    TerminalBundle(TerminalBundle&&) noexcept = default;
    TerminalBundle& operator=(TerminalBundle&&) noexcept = default;
};

} // namespace cardlink::link
