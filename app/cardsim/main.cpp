#include "CardSimApplication.h"
#include "SignalChannel.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    // Before anything can start a thread: signals are read from a signalfd.
    cardlink::cardsim::SignalChannel::blockSignals();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cardlink-cardsim"));
    return cardlink::cardsim::CardSimApplication::run(QCoreApplication::arguments().mid(1));
}
