#pragma once

#include "Command.h"
#include "crypto/CryptoSubcommand.h"

#include <memory>
#include <vector>

namespace cardlink::cli {

// `cardlink-cli crypto VERB ...`: picks the subcommand (CryptoSubcommands.cpp)
// and runs it; `crypto --help` lists them.
class CryptoCommand final : public Command
{
public:
    CryptoCommand();
    ~CryptoCommand() override;

    QString name() const override { return QStringLiteral("crypto"); }
    QString summary() const override
    {
        return QStringLiteral("key check values, EMV key derivation, MACs, ARQC and ARPC "
                              "(hex in, hex out)");
    }
    int run(const QStringList& arguments) override;

private:
    void printHelp() const;

    std::vector<std::unique_ptr<CryptoSubcommand>> m_subcommands;
};

} // namespace cardlink::cli
