#include "payment/PaymentRunner.h"

#include "CliOutput.h"
#include "PcscCardChannel.h"
#include "emv/EmvKernel.h"
#include "emv/SystemRandom.h"
#include "iso7816/ApduTrace.h"
#include "iso7816/TracingChannel.h"
#include "iso7816/TransportChannel.h"

#include <QEventLoop>
#include <QThread>

#include <memory>

namespace cardlink::cli {

Result<emv::TransactionOutcome> runPayment(const PaymentSession& session,
                                           const emv::TransactionRequest& request)
{
    Result<emv::TransactionOutcome> result = makeError(ErrorCode::Internal, "not run");
    // The PC/SC context is opened on the thread that uses it.
    std::unique_ptr<QThread> worker(QThread::create([&] {
        auto channel = pcsc::PcscCardChannel::open(session.reader);
        if (!channel) {
            result = channel.error();
            return;
        }
        iso7816::ApduTrace apduTrace;
        apduTrace.setListener([](const iso7816::ApduTraceEntry& entry) {
            printLine(QString::fromStdString(entry.format()));
        });
        iso7816::TracingChannel traced(**channel, apduTrace);
        iso7816::CardChannel& wire = session.trace ? static_cast<iso7816::CardChannel&>(traced)
                                                   : static_cast<iso7816::CardChannel&>(**channel);
        iso7816::TransportChannel transport(wire);
        emv::SystemRandom random;
        emv::EmvKernel kernel(transport, *session.cardholder, session.config, *session.caKeys,
                              session.online, SystemClock::instance(), random);
        result = kernel.run(request);
    }));
    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit,
                     Qt::QueuedConnection);
    worker->start();
    loop.exec();
    worker->wait();
    return result;
}

} // namespace cardlink::cli
