// A whole EMV transaction through the real PC/SC stack: EmvKernel →
// TransportChannel → PcscCardChannel → pcscd → vpcd → cardlink-cardsim with
// a pin-plaintext test card (DDA, offline plaintext PIN) → online request
// answered by the stub issuer (ARQC checked, ARPC method 1, EXTERNAL
// AUTHENTICATE) → second GENERATE AC. The PIN comes from the program; no
// human time is measured. Prints APDU count and bytes per transaction,
// median and p99 of the whole flow, and the machine. Run it inside
// scripts/bench-emv.sh (private pcscd, fresh test cards, cardsim).
//   bench_emv READER CARD_DIR [COUNT]
// CARD_DIR holds ca-keys.json and issuer-keys.json from cardlink-personalize.
#include "PcscCardChannel.h"
#include "emv/EmvKernel.h"
#include "emv/SystemRandom.h"
#include "iso7816/TransportChannel.h"
#include "payment/TerminalSetup.h"
#include "payment/online/StubIssuer.h"
#include "support/PinCardholder.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/utsname.h>
#include <thread>
#include <vector>

using namespace cardlink;
using SteadyClock = std::chrono::steady_clock;

namespace {
std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("model name", 0) == 0)
            return line.substr(line.find(':') + 2);
    }
    return "unknown CPU";
}

double quantile(std::vector<double> values, double q)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(q * double(values.size())))];
}

// Counts what crosses the wire: every C-APDU and R-APDU (GET RESPONSE too,
// it sits under the transport rules).
class CountingChannel final : public iso7816::CardChannel
{
public:
    explicit CountingChannel(iso7816::CardChannel& inner) : m_inner(inner) {}
    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu& command) override
    {
        ++apdus;
        if (auto encoded = command.encode())
            commandBytes += encoded->size();
        auto response = m_inner.transmit(command);
        if (response)
            responseBytes += response->data.size() + 2;
        return response;
    }
    std::size_t apdus = 0;
    std::size_t commandBytes = 0;
    std::size_t responseBytes = 0;

private:
    iso7816::CardChannel& m_inner;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv); // Qt file and JSON access of TerminalSetup / StubIssuer
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_emv READER CARD_DIR [COUNT]\n");
        return 2;
    }
    const std::string reader = argv[1];
    const QDir cards(QString::fromLocal8Bit(argv[2]));
    const int count = argc > 3 ? std::max(10, std::atoi(argv[3])) : 200;

    auto setup = cli::TerminalSetup::load({});
    if (!setup) {
        std::fprintf(stderr, "bench_emv: %s\n", setup.error().describe().c_str());
        return 1;
    }
    auto keys = setup->loadCaKeys(cards.filePath(QStringLiteral("ca-keys.json")));
    auto issuer = cli::StubIssuer::load(cards.filePath(QStringLiteral("issuer-keys.json")));
    if (!keys || !issuer) {
        std::fprintf(stderr, "bench_emv: %s\n",
                     (!keys ? keys.error() : issuer.error()).describe().c_str());
        return 1;
    }
    auto channel = pcsc::PcscCardChannel::open(reader);
    if (!channel) {
        std::fprintf(stderr, "bench_emv: %s\n", channel.error().describe().c_str());
        return 1;
    }
    CountingChannel counting(**channel);
    iso7816::TransportChannel transport(counting);
    test::PinCardholder cardholder("1234");
    emv::SystemRandom random;
    int onlineRequests = 0;
    auto online = [&](const emv::OnlineRequest& request) {
        ++onlineRequests;
        return issuer->decide(request).response;
    };

    utsname machine{};
    uname(&machine);
    std::printf("machine: %s, %u hardware threads, %s %s\n", cpuModel().c_str(),
                std::thread::hardware_concurrency(), machine.sysname, machine.release);

    std::vector<double> millis;
    millis.reserve(std::size_t(count));
    const int warmUp = 5;
    for (int i = 0; i < warmUp + count; ++i) {
        if (i == warmUp) {
            counting.apdus = counting.commandBytes = counting.responseBytes = 0;
            onlineRequests = cardholder.pinEntries = 0;
        }
        emv::EmvKernel kernel(transport, cardholder, setup->config, *keys, online,
                              SystemClock::instance(), random);
        emv::TransactionRequest request;
        request.amount = 1234;
        request.forceOnline = true; // every run takes the online path
        const auto start = SteadyClock::now();
        auto outcome = kernel.run(request);
        const auto end = SteadyClock::now();
        if (!outcome) {
            std::fprintf(stderr, "bench_emv: transaction %d: %s\n", i,
                         outcome.error().describe().c_str());
            return 1;
        }
        // The flow measured must be the one named: DDA done, PIN verified
        // offline, approved online with issuer authentication.
        if (outcome->kind != emv::OutcomeKind::ApprovedOnline ||
            !outcome->tsi.test(emv::TsiBit::OdaPerformed) ||
            outcome->tvr.test(emv::TvrBit::DdaFailed) ||
            !outcome->tsi.test(emv::TsiBit::IssuerAuthenticationPerformed) ||
            outcome->tvr.test(emv::TvrBit::IssuerAuthenticationFailed) ||
            !outcome->data.has(0x9F4C)) {
            std::fprintf(stderr, "bench_emv: transaction %d: %s (%s)\n", i,
                         emv::outcomeKindName(outcome->kind), outcome->reason.c_str());
            return 1;
        }
        if (i >= warmUp)
            millis.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    if (onlineRequests != count || cardholder.pinEntries != count) {
        std::fprintf(stderr, "bench_emv: %d online requests and %d PIN entries for %d runs\n",
                     onlineRequests, cardholder.pinEntries, count);
        return 1;
    }
    const double n = count;
    std::printf("emv transaction (DDA, offline plaintext PIN, online, stub issuer) n=%d  median "
                "%.2f ms  p99 %.2f ms\n",
                count, quantile(millis, 0.5), quantile(millis, 0.99));
    std::printf("per transaction: %.0f APDUs, %.0f bytes (C-APDU %.0f, R-APDU %.0f)\n",
                double(counting.apdus) / n,
                double(counting.commandBytes + counting.responseBytes) / n,
                double(counting.commandBytes) / n, double(counting.responseBytes) / n);
    return 0;
}
