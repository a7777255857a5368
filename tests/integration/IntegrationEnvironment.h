#pragma once

#include <QString>

// Where an integration test finds the programs under test and its private
// PC/SC stack. The paths come from compile definitions set by
// cardlink_add_pcsc_test(); the port from with-pcscd.sh.
namespace cardlink::integration {

QString cardsimPath();
QString cliPath();
QString profilePath(const QString& fileName); // resources/cards/<fileName>

// The vpcd port of reader slot 0 (CARDLINK_VPCD_PORT); slot 1 is port + 1.
// 0 when the test was not started by with-pcscd.sh.
int vpcdPort();

// vpcd names its two slots "Virtual PCD 00 00" and "Virtual PCD 00 01"
// (FRIENDLYNAME, reader index, slot).
QString vpcdReaderName(int slot);

// What pcscd says right now (no waiting): a card in the slot's reader.
bool cardPresent(int slot);
// No card in either slot: a test's starting point. A card simulator that a
// previous test stopped stays "present" until pcscd's next poll of vpcd, so
// tests wait for this in init().
bool noCardPresent();

} // namespace cardlink::integration
