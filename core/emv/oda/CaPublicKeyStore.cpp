#include "emv/oda/CaPublicKeyStore.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace cardlink::emv {

namespace {

// EMV 4.4 Book 2, 11.2.1: CA moduli up to 1984 bits (248 bytes).
constexpr std::size_t kMaxCaModulusLength = 248;
constexpr std::size_t kMaxFileSize = 4 * 1024 * 1024;

std::string keyName(const CaPublicKey& key)
{
    const std::uint8_t index[1] = {key.index};
    return "RID " + toHex(key.rid) + " index " + toHex(index);
}

bool isValidDate(const std::array<std::uint8_t, 3>& yymmdd)
{
    for (std::uint8_t b : yymmdd) {
        if ((b >> 4) > 9 || (b & 0x0F) > 9)
            return false;
    }
    const int month = (yymmdd[1] >> 4) * 10 + (yymmdd[1] & 0x0F);
    const int day = (yymmdd[2] >> 4) * 10 + (yymmdd[2] & 0x0F);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Book 2, Annex B2.1: the exponent is 3 or 2^16 + 1.
bool isValidExponent(const Bytes& exponent)
{
    return exponent == Bytes{0x03} || exponent == Bytes{0x01, 0x00, 0x01};
}

Result<Bytes> hexMember(const nlohmann::json& object, const char* name, std::size_t minSize,
                        std::size_t maxSize, const std::string& where)
{
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string())
        return makeError(ErrorCode::Malformed,
                         where + ": \"" + name + "\" missing or not a string");
    auto bytes = fromHex(it->get_ref<const std::string&>());
    if (!bytes)
        return makeError(ErrorCode::Malformed, where + ": \"" + name + "\" is not hex");
    if (bytes->size() < minSize || bytes->size() > maxSize)
        return makeError(ErrorCode::Malformed, where + ": \"" + name + "\" has " +
                                                   std::to_string(bytes->size()) + " bytes");
    return bytes;
}

Result<CaPublicKey> keyFromJson(const nlohmann::json& entry, const std::string& where)
{
    if (!entry.is_object())
        return makeError(ErrorCode::Malformed, where + ": not an object");
    static constexpr const char* kAllowed[] = {"rid",         "index",    "hashAlgorithm",
                                               "pkAlgorithm", "modulus",  "exponent",
                                               "expiry",      "checksum", "description"};
    for (const auto& item : entry.items()) {
        if (std::none_of(std::begin(kAllowed), std::end(kAllowed),
                         [&](const char* name) { return item.key() == name; }))
            return makeError(ErrorCode::Malformed,
                             where + ": unknown member \"" + item.key() + "\"");
    }
    CaPublicKey key;
    auto rid = hexMember(entry, "rid", kRidLength, kRidLength, where);
    if (!rid)
        return rid.error();
    std::copy(rid->begin(), rid->end(), key.rid.begin());
    auto index = hexMember(entry, "index", 1, 1, where);
    if (!index)
        return index.error();
    key.index = (*index)[0];
    const std::string name = where + " (" + keyName(key) + ")";
    auto hashAlg = hexMember(entry, "hashAlgorithm", 1, 1, name);
    auto pkAlg = hexMember(entry, "pkAlgorithm", 1, 1, name);
    auto modulus = hexMember(entry, "modulus", 1, kMaxCaModulusLength, name);
    auto exponent = hexMember(entry, "exponent", 1, 3, name);
    auto expiry = hexMember(entry, "expiry", 3, 3, name);
    auto checksum = hexMember(entry, "checksum", 20, 20, name);
    for (const Result<Bytes>* field : {&hashAlg, &pkAlg, &modulus, &exponent, &expiry, &checksum}) {
        if (!*field)
            return field->error();
    }
    key.hashAlgorithm = (*hashAlg)[0];
    key.pkAlgorithm = (*pkAlg)[0];
    key.modulus = std::move(modulus).value();
    key.exponent = std::move(exponent).value();
    std::copy(expiry->begin(), expiry->end(), key.expiry.begin());
    key.checksum = std::move(checksum).value();
    return key;
}

} // namespace

Result<void> CaPublicKeyStore::add(CaPublicKey key)
{
    const std::string name = keyName(key);
    auto bad = [&](const std::string& what) {
        return makeError(ErrorCode::Malformed, "CA key " + name + ": " + what);
    };
    if (key.hashAlgorithm != kHashAlgorithmSha1)
        return bad("unknown hash algorithm indicator");
    if (key.pkAlgorithm != kPkAlgorithmRsa)
        return bad("unknown public key algorithm indicator");
    if (key.modulus.empty() || key.modulus.size() > kMaxCaModulusLength || key.modulus[0] == 0 ||
        (key.modulus.back() & 1) == 0)
        return bad("modulus must be 1-248 bytes, odd, without a leading zero byte");
    if (!isValidExponent(key.exponent))
        return bad("exponent must be 03 or 010001");
    if (!isValidDate(key.expiry))
        return bad("expiry is not a YYMMDD date");
    // Book 2, 11.2.2: the checksum proves the key was entered correctly.
    if (key.checksum != key.computeChecksum())
        return bad("checksum does not match RID, index, modulus and exponent");
    const auto existing = std::find_if(m_keys.begin(), m_keys.end(), [&](const CaPublicKey& k) {
        return k.rid == key.rid && k.index == key.index;
    });
    if (existing != m_keys.end())
        *existing = std::move(key);
    else
        m_keys.push_back(std::move(key));
    return {};
}

Result<CaPublicKeyStore> CaPublicKeyStore::fromJson(std::string_view text)
{
    const auto document = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (document.is_discarded())
        return makeError(ErrorCode::Malformed, "CA key file is not valid JSON");
    if (!document.is_object())
        return makeError(ErrorCode::Malformed, "CA key file: top level must be an object");
    const auto version = document.find("version");
    if (version != document.end() && !(version->is_number_integer() && *version == 1))
        return makeError(ErrorCode::Unsupported, "CA key file: only version 1 is supported");
    const auto keys = document.find("keys");
    if (keys == document.end() || !keys->is_array())
        return makeError(ErrorCode::Malformed, "CA key file: \"keys\" missing or not an array");

    CaPublicKeyStore store;
    for (std::size_t i = 0; i < keys->size(); ++i) {
        const std::string where = "keys[" + std::to_string(i) + "]";
        auto key = keyFromJson((*keys)[i], where);
        if (!key)
            return key.error();
        if (store.find(key->rid, key->index))
            return makeError(ErrorCode::Malformed, where + ": duplicate CA key " + keyName(*key));
        if (auto added = store.add(std::move(key).value()); !added)
            return makeError(added.error().code, where + ": " + added.error().message);
    }
    return store;
}

Result<CaPublicKeyStore> CaPublicKeyStore::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, "cannot open CA key file " + path);
    std::string text;
    char buffer[4096];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxFileSize)
            return makeError(ErrorCode::Malformed, "CA key file " + path + " is too large");
    }
    if (in.bad())
        return makeError(ErrorCode::Io, "cannot read CA key file " + path);
    auto store = fromJson(text);
    if (!store)
        return makeError(store.error().code, path + ": " + store.error().message);
    return store;
}

const CaPublicKey* CaPublicKeyStore::find(ByteView rid, std::uint8_t index) const
{
    for (const auto& key : m_keys) {
        if (key.index == index &&
            std::equal(rid.begin(), rid.end(), key.rid.begin(), key.rid.end()))
            return &key;
    }
    return nullptr;
}

std::vector<const CaPublicKey*> CaPublicKeyStore::expiredAt(ByteView date) const
{
    std::vector<const CaPublicKey*> out;
    for (const auto& key : m_keys) {
        if (key.isExpiredAt(date))
            out.push_back(&key);
    }
    return out;
}

} // namespace cardlink::emv
