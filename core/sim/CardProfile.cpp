#include "sim/CardProfile.h"

#include "sim/FileTreeParser.h"
#include "sim/JsonField.h"
#include "sim/emv/EmvProfileParser.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>
#include <set>
#include <tuple>

namespace cardlink::sim {

namespace {
constexpr std::uint16_t kMfFid = 0x3F00;
constexpr std::size_t kMinAtr = 2;  // TS and T0
constexpr std::size_t kMaxAtr = 33; // ISO/IEC 7816-3:2006, 8.2.1
constexpr std::uint8_t kTsDirect = 0x3B;
constexpr std::uint8_t kTsInverse = 0x3F;
constexpr int kMaxJsonNesting = 64;
constexpr std::size_t kMaxDataObjectValue = 1024;

// nlohmann's parser is iterative, but nothing a card profile needs nests deep:
// refuse deep documents before building them.
bool nestsTooDeep(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonNesting)
                return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

// A one- or two-byte BER-TLV tag (ISO/IEC 7816-4:2013, 6.3; 11.4: GET DATA
// P1-P2 addresses a tag, 0040..00FF for a one-byte tag in P2).
Result<std::uint16_t> parseTag(const JsonField& field)
{
    auto bytes = field.toHex(1, 2);
    if (!bytes)
        return bytes.error();
    const bool multiByte = ((*bytes)[0] & 0x1F) == 0x1F;
    if (bytes->size() == 1) {
        if (multiByte)
            return field.error("tag " + toHex(*bytes) + " announces further tag bytes");
        if ((*bytes)[0] < 0x40)
            return field.error("a one-byte tag for GET DATA must be 40..FF");
        return static_cast<std::uint16_t>((*bytes)[0]);
    }
    // EMV uses second bytes below 1F (9F02), which strict DER would code in one
    // byte; accept them. b8 of the last byte must be 0.
    if (!multiByte || ((*bytes)[1] & 0x80) != 0)
        return field.error("not a valid two-byte BER-TLV tag");
    if ((*bytes)[0] < 0x40)
        return field.error("a two-byte tag for GET DATA must be 4000..FFFF");
    return readU16(*bytes, 0);
}

Result<void> parseAtr(const JsonField& root, CardProfile& profile)
{
    auto field = root.requiredMember("atr");
    if (!field)
        return field.error();
    auto atr = field->toHex(kMinAtr, kMaxAtr);
    if (!atr)
        return atr.error();
    // ISO/IEC 7816-3:2006, 8.1: TS is 3B (direct) or 3F (inverse convention).
    if ((*atr)[0] != kTsDirect && (*atr)[0] != kTsInverse)
        return field->error("TS (first byte) must be 3B or 3F");
    profile.atr = std::move(*atr);
    return {};
}

Result<void> parseProtocol(const JsonField& root, CardProfile& profile)
{
    auto field = root.requiredMember("protocol");
    if (!field)
        return field.error();
    auto text = field->toString();
    if (!text)
        return text.error();
    if (*text == "T=0")
        profile.protocol = TransmissionProtocol::T0;
    else if (*text == "T=1")
        profile.protocol = TransmissionProtocol::T1;
    else
        return field->error("must be \"T=0\" or \"T=1\"");
    return {};
}

Result<void> parseBehaviour(const JsonField& root, CardProfile& profile)
{
    auto field = root.member("behaviour");
    if (!field)
        return {};
    auto shape = field->requireObject({"extendedLength", "verifyFailure", "challengeLength"});
    if (!shape)
        return shape;
    CardBehaviour& behaviour = profile.behaviour;
    if (auto extended = field->member("extendedLength")) {
        auto value = extended->toBool();
        if (!value)
            return value.error();
        if (*value && profile.protocol == TransmissionProtocol::T0)
            return extended->error("T=0 has no extended-length APDUs");
        behaviour.extendedLength = *value;
    }
    if (auto failure = field->member("verifyFailure")) {
        auto text = failure->toString();
        if (!text)
            return text.error();
        if (*text == "63Cx")
            behaviour.verifyFailure = VerifyFailureStyle::Counter;
        else if (*text == "6300")
            behaviour.verifyFailure = VerifyFailureStyle::Plain;
        else
            return failure->error("must be \"63Cx\" or \"6300\"");
    }
    if (auto length = field->member("challengeLength")) {
        auto value = length->toInteger(1, CardBehaviour::kMaxChallengeLength);
        if (!value)
            return value.error();
        behaviour.challengeLength = static_cast<std::size_t>(*value);
    }
    return {};
}

Result<void> parsePin(const JsonField& root, CardProfile& profile)
{
    auto field = root.member("pin");
    if (!field)
        return {};
    auto shape = field->requireObject({"reference", "maxTries", "triesLeft", "salt", "hash"});
    if (!shape)
        return shape;
    PinSpec pin;
    if (auto reference = field->member("reference")) {
        auto bytes = reference->toHex(1, 1);
        if (!bytes)
            return bytes.error();
        // ISO/IEC 7816-4:2013, 11.5.6: P2 = 00 means "no information given".
        if ((*bytes)[0] == 0x00)
            return reference->error("reference 00 is not a PIN reference");
        pin.reference = (*bytes)[0];
    }
    auto maxTries = field->requiredMember("maxTries");
    if (!maxTries)
        return maxTries.error();
    auto max = maxTries->toInteger(1, PinSpec::kMaxTries);
    if (!max)
        return max.error();
    pin.maxTries = static_cast<int>(*max);
    pin.triesLeft = pin.maxTries;
    if (auto triesLeft = field->member("triesLeft")) {
        auto left = triesLeft->toInteger(0, pin.maxTries);
        if (!left)
            return left.error();
        pin.triesLeft = static_cast<int>(*left);
    }
    for (auto [key, target, lo, hi] :
         {std::tuple{"salt", &pin.salt, PinSpec::kMinSalt, PinSpec::kMaxSalt},
          std::tuple{"hash", &pin.hash, PinSpec::kHashSize, PinSpec::kHashSize}}) {
        auto member = field->requiredMember(key);
        if (!member)
            return member.error();
        auto bytes = member->toHex(lo, hi);
        if (!bytes)
            return bytes.error();
        *target = std::move(*bytes);
    }
    profile.pin = std::move(pin);
    return {};
}

Result<void> parseDataObjects(const JsonField& root, CardProfile& profile)
{
    auto field = root.member("dataObjects");
    if (!field)
        return {};
    if (!field->isArray())
        return field->error(std::string("expected an array, found ") + field->json().type_name());
    std::set<std::uint16_t> tags;
    for (std::size_t i = 0; i < field->arraySize(); ++i) {
        const JsonField entry = field->element(i);
        auto shape = entry.requireObject({"tag", "value", "source", "label"});
        if (!shape)
            return shape;
        auto tagField = entry.requiredMember("tag");
        if (!tagField)
            return tagField.error();
        auto tag = parseTag(*tagField);
        if (!tag)
            return tag.error();
        if (!tags.insert(*tag).second)
            return tagField->error("tag defined twice");
        DataObjectSpec object;
        object.tag = *tag;
        const auto value = entry.member("value");
        const auto source = entry.member("source");
        if (value.has_value() == source.has_value())
            return entry.error("needs exactly one of \"value\" and \"source\"");
        if (value) {
            auto bytes = value->toHex(0, kMaxDataObjectValue);
            if (!bytes)
                return bytes.error();
            object.value = std::move(*bytes);
        } else {
            auto text = source->toString();
            if (!text)
                return text.error();
            if (*text != "pinTriesLeft")
                return source->error("the only source is \"pinTriesLeft\"");
            if (!profile.pin)
                return source->error("\"pinTriesLeft\" needs a \"pin\"");
            object.source = DataSource::PinTriesLeft;
        }
        profile.dataObjects.push_back(std::move(object));
    }
    return {};
}

Result<CardProfile> fromDocument(const nlohmann::json& document)
{
    const JsonField root(document, "");
    auto shape = root.requireObject({"version", "name", "description", "atr", "protocol",
                                     "behaviour", "pin", "dataObjects", "files", "emv"});
    if (!shape)
        return shape.error();
    auto version = root.requiredMember("version");
    if (!version)
        return version.error();
    auto number = version->toInteger(0, std::numeric_limits<int>::max());
    if (!number)
        return number.error();
    if (*number != CardProfile::kFormatVersion)
        return version->error("format version " + std::to_string(*number) +
                              " is not supported (this build reads version " +
                              std::to_string(CardProfile::kFormatVersion) + ")");

    CardProfile profile;
    if (auto name = root.member("name")) {
        auto text = name->toString();
        if (!text)
            return text.error();
        profile.name = *text;
    }
    if (auto description = root.member("description"); description && !description->toString())
        return description->toString().error();
    for (auto step : {parseAtr, parseProtocol, parseBehaviour, parsePin, parseDataObjects}) {
        auto done = step(root, profile);
        if (!done)
            return done.error();
    }
    profile.mf.kind = FileKind::Dedicated;
    profile.mf.fid = kMfFid;
    profile.mf.label = "MF";
    if (auto files = root.member("files")) {
        FileTreeParser parser(CardProfile::kMaxDfDepth, CardProfile::kMaxFiles);
        auto done = parser.parseInto(*files, profile.mf);
        if (!done)
            return done.error();
    }
    // After the files: the EMV section adds its ADF (and PSE) to the tree.
    if (auto done = emv::EmvProfileParser::parseInto(root, profile); !done)
        return done.error();
    return profile;
}
} // namespace

Result<CardProfile> CardProfile::parse(std::string_view json)
{
    if (json.size() > kMaxTextSize)
        return makeError(ErrorCode::Malformed,
                         "profile larger than " + std::to_string(kMaxTextSize) + " bytes");
    if (nestsTooDeep(json))
        return makeError(ErrorCode::Malformed, "profile nests deeper than " +
                                                   std::to_string(kMaxJsonNesting) + " levels");
    try {
        const auto document = nlohmann::json::parse(json.begin(), json.end());
        return fromDocument(document);
    } catch (const nlohmann::json::parse_error& e) {
        // e.what() is "[json.exception.parse_error.101] parse error at line 3, ...".
        std::string what = e.what();
        if (const auto end = what.find("] "); end != std::string::npos)
            what.erase(0, end + 2);
        return makeError(ErrorCode::Malformed, "not valid JSON: " + what);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Malformed, std::string("cannot read profile: ") + e.what());
    }
}

Result<CardProfile> CardProfile::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, path + ": cannot open");
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxTextSize)
            return makeError(ErrorCode::Malformed,
                             path + ": larger than " + std::to_string(kMaxTextSize) + " bytes");
    }
    if (in.bad())
        return makeError(ErrorCode::Io, path + ": read error");
    auto profile = parse(text);
    if (!profile)
        return makeError(profile.error().code, path + ": " + profile.error().message);
    return profile;
}

} // namespace cardlink::sim
