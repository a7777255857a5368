#pragma once

#include "iso7816/CardChannel.h"

#include <cstdint>

namespace cardlink::cli {

// A CardChannel that lets through only commands that read a card: it refuses,
// without sending them, VERIFY (20), GENERATE AC (AE), EXTERNAL AUTHENTICATE
// (82), INTERNAL AUTHENTICATE (88), GET CHALLENGE (84), PIN CHANGE/UNBLOCK
// (24), and every command with secure messaging (CLA 8C/84 class bits, issuer
// scripts: APPLICATION/CARD BLOCK ...). `cardlink-cli read` talks to real bank
// cards through it, so a bug in the reading code cannot spend a PIN try or a
// cryptogram. A refused command is an Unsupported error.
class ReadOnlyChannel final : public iso7816::CardChannel
{
public:
    explicit ReadOnlyChannel(iso7816::CardChannel& inner) : m_inner(inner) {}

    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu& command) override;

    static bool isAllowed(const iso7816::CommandApdu& command);

private:
    iso7816::CardChannel& m_inner;
};

} // namespace cardlink::cli
