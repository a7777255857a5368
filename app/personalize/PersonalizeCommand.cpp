#include "PersonalizeCommand.h"

#include "sim/emv/CardPersonalizer.h"
#include "util/PanMask.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>

namespace cardlink::personalize {

namespace {
using sim::emv::CardKind;

constexpr unsigned kMaxCount = 1000;

struct Options
{
    std::string outDir;
    unsigned count = 1;
    std::vector<CardKind> kinds;
    sim::emv::PkiSizes sizes;
};

std::optional<unsigned> number(const std::string& text, unsigned min, unsigned max)
{
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < min || value > max)
        return std::nullopt;
    return value;
}

std::optional<std::string> parse(const std::vector<std::string>& arguments, Options& options)
{
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& name = arguments[i];
        if (i + 1 >= arguments.size())
            return name + " needs a value";
        const std::string& value = arguments[++i];
        if (name == "--out") {
            options.outDir = value;
        } else if (name == "--count") {
            auto n = number(value, 1, kMaxCount);
            if (!n)
                return "--count must be 1.." + std::to_string(kMaxCount);
            options.count = *n;
        } else if (name == "--kind") {
            std::size_t start = 0;
            while (start <= value.size()) {
                const std::size_t comma = std::min(value.find(',', start), value.size());
                auto kind = sim::emv::cardKindFromName(value.substr(start, comma - start));
                if (!kind)
                    return "unknown kind \"" + value.substr(start, comma - start) + "\"";
                options.kinds.push_back(*kind);
                start = comma + 1;
            }
        } else if (name == "--ca-bits" || name == "--issuer-bits" || name == "--icc-bits") {
            auto bits = number(value, 512, 1984);
            if (!bits || *bits % 8 != 0)
                return name + " must be 512..1984, a multiple of 8";
            unsigned& target = name == "--ca-bits"       ? options.sizes.caBits
                               : name == "--issuer-bits" ? options.sizes.issuerBits
                                                         : options.sizes.iccBits;
            target = *bits;
        } else {
            return "unknown option " + name;
        }
    }
    if (options.outDir.empty())
        return "--out DIR is required";
    if (options.kinds.empty()) {
        const auto all = sim::emv::allCardKinds();
        options.kinds.assign(all.begin(), all.end());
    }
    return std::nullopt;
}

bool writeFile(const std::filesystem::path& path, const std::string& text, std::FILE* err)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::fprintf(err, "cardlink-personalize: cannot write %s\n", path.string().c_str());
        return false;
    }
    return true;
}
} // namespace

const char* PersonalizeCommand::usage()
{
    return "usage: cardlink-personalize --out DIR [--count N] [--kind K[,K...]]\n"
           "                            [--ca-bits B] [--issuer-bits B] [--icc-bits B]\n"
           "kinds: sda dda cda pin-plaintext pin-enciphered pin-online signature no-cvm\n"
           "       pin-blocked expired app-blocked (default: all)\n";
}

int PersonalizeCommand::run(const std::vector<std::string>& arguments, std::FILE* out,
                            std::FILE* err)
{
    if (arguments.size() == 1 && (arguments[0] == "--help" || arguments[0] == "-h")) {
        std::fputs(usage(), out);
        return 0;
    }
    Options options;
    if (auto problem = parse(arguments, options)) {
        std::fprintf(err, "cardlink-personalize: %s\n%s", problem->c_str(), usage());
        return 2;
    }
    std::error_code ec;
    std::filesystem::create_directories(options.outDir, ec);
    if (ec) {
        std::fprintf(err, "cardlink-personalize: %s: %s\n", options.outDir.c_str(),
                     ec.message().c_str());
        return 1;
    }
    auto personalizer = sim::emv::CardPersonalizer::create(options.sizes);
    if (!personalizer) {
        std::fprintf(err, "cardlink-personalize: %s\n", personalizer.error().describe().c_str());
        return 1;
    }
    const std::filesystem::path dir(options.outDir);
    auto caKeys = personalizer->caKeysJson();
    if (!caKeys) {
        std::fprintf(err, "cardlink-personalize: %s\n", caKeys.error().describe().c_str());
        return 1;
    }
    if (!writeFile(dir / "ca-keys.json", *caKeys, err) ||
        !writeFile(dir / "issuer-keys.json", personalizer->issuerKeysJson(), err))
        return 1;
    for (CardKind kind : options.kinds) {
        for (unsigned serial = 1; serial <= options.count; ++serial) {
            auto profile = personalizer->profileJson(kind, serial);
            if (!profile) {
                std::fprintf(err, "cardlink-personalize: %s\n", profile.error().describe().c_str());
                return 1;
            }
            const std::string name =
                std::string(sim::emv::cardKindName(kind)) + "-" + std::to_string(serial) + ".json";
            if (!writeFile(dir / name, *profile, err))
                return 1;
            std::fprintf(out, "%s  PAN %s\n", (dir / name).string().c_str(),
                         maskPan(sim::emv::CardPersonalizer::pan(kind, serial)).c_str());
        }
    }
    return 0;
}

} // namespace cardlink::personalize
