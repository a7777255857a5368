#include "iso7816/ApduTraceEntry.h"

#include "iso7816/CommandNames.h"
#include "iso7816/StatusWord.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace cardlink::iso7816 {

namespace {

constexpr std::size_t kHeaderSize = 4;
constexpr std::size_t kExtendedLcSize = 3;
constexpr std::size_t kStatusWordSize = 2;
// Width of "HH:MM:SS.mmm " so the response line lines up under the command.
constexpr std::string_view kIndent = "             ";

std::string formatTime(std::chrono::system_clock::time_point time)
{
    using namespace std::chrono;
    const auto sinceEpoch = time.time_since_epoch();
    const auto millis = duration_cast<milliseconds>(sinceEpoch).count() % 1000;
    const std::time_t seconds = system_clock::to_time_t(time);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    std::snprintf(text, sizeof text, "%02d:%02d:%02d.%03d", local.tm_hour, local.tm_min,
                  local.tm_sec, static_cast<int>(millis < 0 ? millis + 1000 : millis));
    return text;
}

std::string formatDuration(std::chrono::microseconds duration)
{
    char text[32];
    std::snprintf(text, sizeof text, "(%.2f ms)", static_cast<double>(duration.count()) / 1000.0);
    return text;
}

} // namespace

bool carriesSecretData(std::uint8_t ins)
{
    switch (ins) {
    case 0x20: // VERIFY
    case 0x21: // VERIFY, BER-TLV data
    case 0x24: // CHANGE REFERENCE DATA; EMV PIN CHANGE/UNBLOCK
    case 0x2C: // RESET RETRY COUNTER
    case 0x2D: // RESET RETRY COUNTER, BER-TLV data
        return true;
    default:
        return false;
    }
}

void ApduTraceEntry::setCommand(const CommandApdu& apdu)
{
    commandName = iso7816::commandName(apdu.cla, apdu.ins);
    commandMasked = carriesSecretData(apdu.ins) && !apdu.data.empty();
    if (!commandMasked) {
        if (auto encoded = apdu.encode()) {
            command = std::move(encoded).value();
            return;
        }
        // Out of range for encode(); the inner channel will refuse it too.
        // Keep what is certain: the header.
        command = {apdu.cla, apdu.ins, apdu.p1, apdu.p2};
        return;
    }
    // Header and Lc only, built from the length: the data is never copied.
    command = {apdu.cla, apdu.ins, apdu.p1, apdu.p2};
    if (apdu.isExtended()) {
        command.push_back(0x00);
        appendU16(command, static_cast<std::uint16_t>(apdu.data.size()));
    } else {
        command.push_back(static_cast<std::uint8_t>(apdu.data.size()));
    }
}

void ApduTraceEntry::setResult(const Result<ResponseApdu>& result)
{
    responseMasks.clear();
    if (result) {
        response = result->encode();
        statusText = describeStatusWord(result->sw);
        error.reset();
    } else {
        response.clear();
        error = result.error();
        statusText = result.error().describe();
    }
}

void ApduTraceEntry::maskSecrets()
{
    maskResponse();
    if (commandMasked || command.size() <= kHeaderSize + 1 || !carriesSecretData(command[1]))
        return;
    // A 5-byte command is header + Le: no data. Longer ones start the data
    // after a short Lc (byte 4 non-zero) or an extended one (00 Lc1 Lc2).
    const std::size_t keep =
        command[4] != 0 ? kHeaderSize + 1 : std::min(command.size(), kHeaderSize + kExtendedLcSize);
    secureWipe(command.data() + keep, command.size() - keep);
    command.resize(keep);
    commandMasked = true;
}

void ApduTraceEntry::maskResponse()
{
    if (!responseMasks.empty() || response.size() <= kStatusWordSize)
        return;
    const ByteView data = ByteView(response).first(response.size() - kStatusWordSize);
    responseMasks = cardDataRanges(data);
    for (const auto& range : responseMasks)
        secureWipe(response.data() + range.offset, range.length);
}

std::string ApduTraceEntry::responseHex() const
{
    std::string text;
    std::size_t pos = 0;
    const auto append = [&text](std::string part) {
        if (part.empty())
            return;
        if (!text.empty())
            text += ' ';
        text += part;
    };
    for (const auto& range : responseMasks) {
        append(toSpacedHex(ByteView(response).subspan(pos, range.offset - pos)));
        append("**");
        pos = range.offset + range.length;
    }
    append(toSpacedHex(ByteView(response).subspan(pos)));
    return text;
}

std::string ApduTraceEntry::format() const
{
    std::string text = formatTime(time);
    text += " > ";
    text += toSpacedHex(command);
    if (commandMasked)
        text += " **";
    if (!commandName.empty())
        text += " (" + commandName + ")";
    text += '\n';
    text += kIndent;
    if (error) {
        text += "! " + formatDuration(duration);
    } else {
        text += "< ";
        if (!response.empty())
            text += responseHex() + " ";
        text += formatDuration(duration);
    }
    if (!statusText.empty())
        text += " " + statusText;
    return text;
}

} // namespace cardlink::iso7816
