#include "PcscReaderService.h"

#include "PcscContext.h"
#include "PcscStatusWatcher.h"

#include <QMetaObject>

namespace cardlink::pcsc {

namespace {

QStringList toQStringList(const std::vector<std::string>& names)
{
    QStringList out;
    out.reserve(static_cast<qsizetype>(names.size()));
    for (const auto& name : names)
        out << QString::fromStdString(name);
    return out;
}

} // namespace

// Carries the watcher's reports from its thread to the service's thread:
// each becomes a queued call, dropped if the service is gone by then.
class PcscReaderService::Bridge final : public PcscStatusWatcher::Listener
{
public:
    explicit Bridge(PcscReaderService& service) : m_service(service) {}

    void readersChanged(const std::vector<std::string>& readers) override
    {
        post([readers = toQStringList(readers)](PcscReaderService& s) { s.applyReaders(readers); });
    }
    void cardInserted(const std::string& reader, const Bytes& atr) override
    {
        QByteArray bytes(reinterpret_cast<const char*>(atr.data()),
                         static_cast<qsizetype>(atr.size()));
        post([name = QString::fromStdString(reader), bytes](PcscReaderService& s) {
            s.applyCardInserted(name, bytes);
        });
    }
    void cardRemoved(const std::string& reader) override
    {
        post([name = QString::fromStdString(reader)](PcscReaderService& s) {
            s.applyCardRemoved(name);
        });
    }
    void serviceAvailableChanged(bool available) override
    {
        post([available](PcscReaderService& s) { s.applyServiceAvailable(available); });
    }
    void errorOccurred(const Error& error) override
    {
        post([error](PcscReaderService& s) { emit s.error(error); });
    }

private:
    template <typename F> void post(F&& apply)
    {
        PcscReaderService* service = &m_service;
        QMetaObject::invokeMethod(
            service, [service, apply = std::forward<F>(apply)] { apply(*service); },
            Qt::QueuedConnection);
    }

    PcscReaderService& m_service;
};

PcscReaderService::PcscReaderService(QObject* parent)
    : PcscReaderService(kDefaultRetryInterval, parent)
{}

PcscReaderService::PcscReaderService(std::chrono::milliseconds retryInterval, QObject* parent)
    : QObject(parent), m_bridge(std::make_unique<Bridge>(*this)),
      m_watcher(std::make_unique<PcscStatusWatcher>(*m_bridge, retryInterval))
{
    qRegisterMetaType<cardlink::Error>();
}

PcscReaderService::~PcscReaderService()
{
    // Joins the thread before the bridge it reports to goes away.
    m_watcher->stop();
}

void PcscReaderService::start()
{
    if (m_running)
        return;
    m_running = true;
    m_watcher->start();
}

void PcscReaderService::stop()
{
    if (!m_running)
        return;
    m_watcher->stop();
    m_running = false;
}

Result<QStringList> PcscReaderService::listReaders()
{
    auto context = PcscContext::establish();
    if (!context)
        return context.error();
    auto readers = context->listReaders();
    if (!readers)
        return readers.error();
    return toQStringList(*readers);
}

void PcscReaderService::applyReaders(const QStringList& readers)
{
    const QStringList old = m_readers;
    m_readers = readers;
    for (const auto& name : old) {
        if (!readers.contains(name)) {
            m_cards.remove(name);
            emit readerRemoved(name);
        }
    }
    for (const auto& name : readers) {
        if (!old.contains(name))
            emit readerAdded(name);
    }
    emit readersChanged(m_readers);
}

void PcscReaderService::applyCardInserted(const QString& reader, const QByteArray& atr)
{
    m_cards.insert(reader, atr);
    emit cardInserted(reader, atr);
}

void PcscReaderService::applyCardRemoved(const QString& reader)
{
    m_cards.remove(reader);
    emit cardRemoved(reader);
}

void PcscReaderService::applyServiceAvailable(bool available)
{
    if (m_serviceAvailable == available)
        return;
    m_serviceAvailable = available;
    emit serviceAvailableChanged(available);
}

} // namespace cardlink::pcsc
