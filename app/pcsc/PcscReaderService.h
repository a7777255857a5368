#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <memory>

Q_DECLARE_METATYPE(cardlink::Error)

namespace cardlink::pcsc {

class PcscStatusWatcher;

// The readers attached to this machine and the cards in them, as Qt signals.
// The PC/SC waiting happens on a thread of its own (PcscStatusWatcher); the
// signals are emitted on the thread this object lives in, so it needs a
// running event loop.
//
// After start() the current state arrives as events: readersChanged() with
// the readers present, then cardInserted() for each card already in one.
// If pcscd is not running (or stops), error() says so with
// ErrorCode::NoService and serviceAvailableChanged(false), cards and readers
// are reported gone, and the service tries again every retry interval.
class PcscReaderService : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultRetryInterval{1000};

    explicit PcscReaderService(QObject* parent = nullptr);
    explicit PcscReaderService(std::chrono::milliseconds retryInterval, QObject* parent = nullptr);
    ~PcscReaderService() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // The state as of the last signal delivered.
    QStringList readers() const { return m_readers; }
    bool isServiceAvailable() const { return m_serviceAvailable; }
    bool hasCard(const QString& reader) const { return m_cards.contains(reader); }
    QByteArray atr(const QString& reader) const { return m_cards.value(reader); }

    // One-shot listing without the watcher thread: NoService when pcscd is
    // not running; no reader is an empty list.
    static Result<QStringList> listReaders();

signals:
    void readersChanged(const QStringList& readers);
    void readerAdded(const QString& reader);
    void readerRemoved(const QString& reader);
    void cardInserted(const QString& reader, const QByteArray& atr);
    void cardRemoved(const QString& reader);
    void serviceAvailableChanged(bool available);
    void error(const cardlink::Error& error);

private:
    class Bridge;

    void applyReaders(const QStringList& readers);
    void applyCardInserted(const QString& reader, const QByteArray& atr);
    void applyCardRemoved(const QString& reader);
    void applyServiceAvailable(bool available);

    std::unique_ptr<Bridge> m_bridge;
    std::unique_ptr<PcscStatusWatcher> m_watcher;
    bool m_running = false;
    QStringList m_readers;
    QMap<QString, QByteArray> m_cards;
    bool m_serviceAvailable = false;
};

} // namespace cardlink::pcsc
