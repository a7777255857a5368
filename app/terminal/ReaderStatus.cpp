#include "ReaderStatus.h"

#include "PcscReaderService.h"

namespace cardlink::terminal {

ReaderStatus::ReaderStatus(QObject* parent) : QObject(parent) {}

void ReaderStatus::attach(pcsc::PcscReaderService& service)
{
    using pcsc::PcscReaderService;
    connect(&service, &PcscReaderService::serviceAvailableChanged, this,
            &ReaderStatus::setServiceAvailable);
    connect(&service, &PcscReaderService::readersChanged, this, &ReaderStatus::setReaders);
    connect(&service, &PcscReaderService::cardInserted, this, &ReaderStatus::setCardInserted);
    connect(&service, &PcscReaderService::cardRemoved, this, &ReaderStatus::setCardRemoved);
}

ReaderStatus::State ReaderStatus::state() const
{
    if (!m_serviceAvailable)
        return State::NoService;
    if (m_readers.rowCount() == 0)
        return State::NoReader;
    return m_readers.hasCard(reader()) ? State::CardPresent : State::NoCard;
}

QString ReaderStatus::stateText() const
{
    return stateName(state());
}

QString ReaderStatus::reader() const
{
    const QStringList names = m_readers.names();
    for (const QString& name : names)
        if (m_readers.hasCard(name))
            return name;
    return names.value(0);
}

void ReaderStatus::setServiceAvailable(bool available)
{
    if (available == m_serviceAvailable)
        return;
    m_serviceAvailable = available;
    if (!available)
        m_readers.setReaders({});
    emit changed();
}

void ReaderStatus::setReaders(const QStringList& readers)
{
    // Readers reported means the service answers.
    m_serviceAvailable = true;
    m_readers.setReaders(readers);
    emit changed();
}

void ReaderStatus::setCardInserted(const QString& reader, const QByteArray& atr)
{
    m_readers.setCard(reader, true, atr);
    emit changed();
    emit cardInserted();
}

void ReaderStatus::setCardRemoved(const QString& reader)
{
    m_readers.setCard(reader, false);
    emit changed();
}

QString ReaderStatus::stateName(State state)
{
    switch (state) {
    case State::NoService:
        return tr("Card service not running");
    case State::NoReader:
        return tr("No card reader");
    case State::NoCard:
        return tr("Reader ready, no card");
    case State::CardPresent:
        return tr("Card in reader");
    }
    return {};
}

} // namespace cardlink::terminal
