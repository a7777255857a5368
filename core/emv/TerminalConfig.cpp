#include "emv/TerminalConfig.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace cardlink::emv {

namespace {
using nlohmann::json;

Error pathError(const std::string& path, const std::string& what)
{
    return makeError(ErrorCode::Malformed, "terminal config: " + path + ": " + what);
}

// Reads an optional hex field of `min`..`max` bytes into `out`.
Result<void> readHex(const json& object, const char* key, const std::string& path, Bytes& out,
                     std::size_t min, std::size_t max)
{
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    const std::string where = path.empty() ? key : path + "." + key;
    if (!it->is_string())
        return pathError(where, "expected a hex string");
    auto bytes = fromHex(it->get<std::string>());
    if (!bytes)
        return pathError(where, "not hex");
    if (bytes->size() < min || bytes->size() > max)
        return pathError(where, "expected " + std::to_string(min) + ".." + std::to_string(max) +
                                    " bytes, got " + std::to_string(bytes->size()));
    out = std::move(*bytes);
    return {};
}

Result<void> readString(const json& object, const char* key, std::string& out, std::size_t max)
{
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    if (!it->is_string())
        return pathError(key, "expected a string");
    auto text = it->get<std::string>();
    if (text.size() > max)
        return pathError(key, "longer than " + std::to_string(max) + " characters");
    out = std::move(text);
    return {};
}

Result<void> readUnsigned(const json& object, const char* key, const std::string& path,
                          std::uint64_t& out, std::uint64_t max)
{
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    const std::string where = path.empty() ? key : path + "." + key;
    if (!it->is_number_unsigned() || it->get<std::uint64_t>() > max)
        return pathError(where, "expected an integer 0.." + std::to_string(max));
    out = it->get<std::uint64_t>();
    return {};
}

Result<void> readPercent(const json& object, const char* key, const std::string& path, int& out)
{
    std::uint64_t value = static_cast<std::uint64_t>(out);
    if (auto r = readUnsigned(object, key, path, value, 99); !r)
        return r;
    out = static_cast<int>(value);
    return {};
}

Result<void> readAids(const json& root, TerminalConfig& config)
{
    const auto it = root.find("aids");
    if (it == root.end())
        return {};
    if (!it->is_array())
        return pathError("aids", "expected an array");
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& entry = (*it)[i];
        const std::string path = "aids[" + std::to_string(i) + "]";
        if (!entry.is_object())
            return pathError(path, "expected an object");
        SupportedAid aid;
        // EMV 4.4 Book 1, 12.2.1: an AID is 5 to 16 bytes.
        if (auto r = readHex(entry, "aid", path, aid.aid, 5, 16); !r)
            return r;
        if (aid.aid.empty())
            return pathError(path + ".aid", "missing");
        if (const auto p = entry.find("partialSelection"); p != entry.end()) {
            if (!p->is_boolean())
                return pathError(path + ".partialSelection", "expected true or false");
            aid.partialSelection = p->get<bool>();
        }
        config.aids.push_back(std::move(aid));
    }
    return {};
}

Result<void> readTacs(const json& root, TerminalConfig& config)
{
    const auto it = root.find("tac");
    if (it == root.end())
        return {};
    if (!it->is_object())
        return pathError("tac", "expected an object");
    if (auto r = readHex(*it, "denial", "tac", config.tac.denial, 5, 5); !r)
        return r;
    if (auto r = readHex(*it, "online", "tac", config.tac.online, 5, 5); !r)
        return r;
    return readHex(*it, "default", "tac", config.tac.defaultCodes, 5, 5);
}

Result<void> readRiskManagement(const json& root, TerminalConfig& config)
{
    if (auto r = readUnsigned(root, "floorLimit", "", config.floorLimit, 0xFFFFFFFFu); !r)
        return r;
    const auto it = root.find("randomSelection");
    if (it != root.end()) {
        if (!it->is_object())
            return pathError("randomSelection", "expected an object");
        if (auto r = readUnsigned(*it, "threshold", "randomSelection",
                                  config.randomSelectionThreshold, 0xFFFFFFFFu);
            !r)
            return r;
        if (auto r = readPercent(*it, "targetPercent", "randomSelection",
                                 config.randomSelectionTargetPercent);
            !r)
            return r;
        if (auto r = readPercent(*it, "maxTargetPercent", "randomSelection",
                                 config.randomSelectionMaxTargetPercent);
            !r)
            return r;
        if (config.randomSelectionMaxTargetPercent < config.randomSelectionTargetPercent)
            return pathError("randomSelection.maxTargetPercent", "below targetPercent");
    }
    const auto v = root.find("velocity");
    if (v != root.end()) {
        if (!v->is_object())
            return pathError("velocity", "expected an object");
        std::uint64_t value = 0;
        if (v->contains("lowerConsecutiveOfflineLimit")) {
            if (auto r = readUnsigned(*v, "lowerConsecutiveOfflineLimit", "velocity", value, 255);
                !r)
                return r;
            config.lowerConsecutiveOfflineLimit = value;
        }
        if (v->contains("upperConsecutiveOfflineLimit")) {
            if (auto r = readUnsigned(*v, "upperConsecutiveOfflineLimit", "velocity", value, 255);
                !r)
                return r;
            config.upperConsecutiveOfflineLimit = value;
        }
    }
    return {};
}

Result<void> readAll(const json& root, TerminalConfig& c)
{
    if (auto r = readHex(root, "terminalType", "", c.terminalType, 1, 1); !r)
        return r;
    if (auto r = readHex(root, "capabilities", "", c.capabilities, 3, 3); !r)
        return r;
    if (auto r = readHex(root, "additionalCapabilities", "", c.additionalCapabilities, 5, 5); !r)
        return r;
    if (auto r = readHex(root, "countryCode", "", c.countryCode, 2, 2); !r)
        return r;
    if (auto r = readHex(root, "currencyCode", "", c.currencyCode, 2, 2); !r)
        return r;
    std::uint64_t exponent = c.currencyExponent;
    if (auto r = readUnsigned(root, "currencyExponent", "", exponent, 9); !r)
        return r;
    c.currencyExponent = static_cast<std::uint8_t>(exponent);
    if (auto r = readString(root, "currencyAlpha", c.currencyAlpha, 3); !r)
        return r;
    if (auto r = readHex(root, "merchantCategoryCode", "", c.merchantCategoryCode, 2, 2); !r)
        return r;
    if (auto r = readString(root, "terminalId", c.terminalId, 8); !r)
        return r;
    if (auto r = readString(root, "merchantId", c.merchantId, 15); !r)
        return r;
    if (auto r = readString(root, "ifdSerial", c.ifdSerial, 8); !r)
        return r;
    if (auto r = readAids(root, c); !r)
        return r;
    if (auto r = readHex(root, "applicationVersion", "", c.applicationVersion, 2, 2); !r)
        return r;
    if (auto r = readTacs(root, c); !r)
        return r;
    if (auto r = readRiskManagement(root, c); !r)
        return r;
    if (auto r = readHex(root, "defaultDdol", "", c.defaultDdol, 0, 252); !r)
        return r;
    if (auto r = readHex(root, "defaultTdol", "", c.defaultTdol, 0, 252); !r)
        return r;
    if (auto r = readString(root, "caKeyFile", c.caKeyFile, 4096); !r)
        return r;
    if (const auto o = root.find("canGoOnline"); o != root.end()) {
        if (!o->is_boolean())
            return pathError("canGoOnline", "expected true or false");
        c.canGoOnline = o->get<bool>();
    }
    return {};
}
} // namespace

Result<TerminalConfig> TerminalConfig::fromJson(std::string_view text)
{
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded())
        return makeError(ErrorCode::Malformed, "terminal config: not valid JSON");
    if (!root.is_object())
        return pathError("$", "expected an object");
    TerminalConfig config;
    if (auto r = readAll(root, config); !r)
        return r.error();
    return config;
}

Result<TerminalConfig> TerminalConfig::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, "terminal config: cannot open " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return fromJson(text.str());
}

} // namespace cardlink::emv
