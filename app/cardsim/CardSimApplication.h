#pragma once

#include <QStringList>

namespace cardlink::cardsim {

// What main() runs: parse the options, then either print help, make a PIN
// hash, or load the profile and serve the card on vpcd. One-line errors on
// stderr; exit status 0, 1 (runtime failure) or 2 (bad options or profile).
class CardSimApplication
{
public:
    static int run(const QStringList& arguments);
};

} // namespace cardlink::cardsim
