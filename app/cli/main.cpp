#include "CliApplication.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cardlink-cli"));
    cardlink::cli::CliApplication cli;
    return cli.run(QCoreApplication::arguments().mid(1));
}
