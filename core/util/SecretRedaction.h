#pragma once

#include <string>
#include <string_view>

namespace cardlink {

// The last filter over any text that leaves the terminal for a person (the
// diagnostics bundle): whatever looks like a PAN or a clear PIN block is
// overwritten with '*', character for character, so the text keeps its shape.
//
// The text is read as runs of hex digits, where single spaces, colons and
// hyphens between digits join a run ("47 61 73 90", "4761-7390", "04:12").
// Inside a run:
// - PAN (ISO/IEC 7812-1: 13-19 digits, the first not 0, Luhn check digit):
//   every window of 13-19 decimal digits that is one keeps its first six and
//   last four digits. This finds a PAN in plain text, grouped or not, and in
//   BCD as the card stores it (EMV tag 5A, track 2 equivalent data 57), at
//   any nibble offset.
// - The same for a PAN in ASCII written as hex ("34 37 36 31 ..."; track 1).
// - A clear ISO 9564-1 PIN block (format 0 before the PAN is XORed in, or
//   format 2 as EMV VERIFY sends it): control nibble 0 or 2, a length nibble
//   of 4-12, that many decimal digits, F to sixteen nibbles. All sixteen
//   nibbles are masked.
// Random data can look like a PAN (a 13+ digit decimal window passes Luhn one
// time in ten): it is masked too; a diagnostics bundle can spare the bytes.
// redactCardSecrets(redactCardSecrets(t)) == redactCardSecrets(t).
std::string redactCardSecrets(std::string_view text);

// ISO/IEC 7812-1:2017, Annex B: the Luhn (mod 10) check over decimal digits.
// False when `digits` is empty or holds anything but 0-9.
bool passesLuhn(std::string_view digits);

} // namespace cardlink
