#pragma once

#include "ApduTraceModel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace cardlink::terminal {

class ReaderStatus;

// The operator's view: readers and their cards, the ATR decoded by core's
// parser, and the APDU trace.
class DiagnosticsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Terminal")
    Q_PROPERTY(cardlink::terminal::ApduTraceModel* trace READ trace CONSTANT)

public:
    DiagnosticsController(ReaderStatus& readers, QObject* parent = nullptr);

    ApduTraceModel* trace() { return &m_trace; }

    // Multi-line decoding of an ATR given as hex, or why it is malformed.
    Q_INVOKABLE QString decodeAtr(const QString& hex) const;
    // The ATR of the card in `reader` decoded; a text saying no card when none.
    Q_INVOKABLE QString readerAtr(const QString& reader) const;
    // Writes the (filtered) trace; an error text, empty on success.
    Q_INVOKABLE QString exportTrace(const QString& path) const;

private:
    ReaderStatus& m_readers;
    ApduTraceModel m_trace;
};

} // namespace cardlink::terminal
