#pragma once

#include "ReaderListModel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace cardlink::pcsc {
class PcscReaderService;
}

namespace cardlink::terminal {

// The reader state the status bar and the checkout show: is pcscd there,
// is there a reader, is a card in it. The reader used for payments is the
// first one holding a card, else the first one.
class ReaderStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Terminal")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
    Q_PROPERTY(QString reader READ reader NOTIFY changed)
    Q_PROPERTY(bool cardPresent READ isCardPresent NOTIFY changed)
    Q_PROPERTY(cardlink::terminal::ReaderListModel* readers READ readers CONSTANT)

public:
    enum class State { NoService, NoReader, NoCard, CardPresent };
    Q_ENUM(State)

    explicit ReaderStatus(QObject* parent = nullptr);

    // Follows a running (or later started) PC/SC service.
    void attach(pcsc::PcscReaderService& service);

    State state() const;
    QString stateText() const;
    QString reader() const;
    bool isCardPresent() const { return state() == State::CardPresent; }
    QByteArray atr() const { return m_readers.atr(reader()); }
    ReaderListModel* readers() { return &m_readers; }

    void setServiceAvailable(bool available);
    void setReaders(const QStringList& readers);
    void setCardInserted(const QString& reader, const QByteArray& atr);
    void setCardRemoved(const QString& reader);
    void retranslate() { emit changed(); }

    static QString stateName(State state);

signals:
    void changed();
    void cardInserted();

private:
    ReaderListModel m_readers;
    bool m_serviceAvailable = false;
};

} // namespace cardlink::terminal
