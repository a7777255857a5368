#include "sim/emv/EmvProfileParser.h"

#include "crypto/IccMasterKey.h"
#include "sim/CardProfile.h"
#include "sim/emv/EmvFileTree.h"
#include "sim/emv/EmvTlv.h"
#include "tlv/Dol.h"
#include "tlv/TlvParser.h"

#include <string_view>
#include <tuple>

namespace cardlink::sim::emv {

namespace {
constexpr std::size_t kMinAid = 5;  // RID (ISO/IEC 7816-5)
constexpr std::size_t kMaxAid = 16; // RID + PIX up to 11 bytes
constexpr std::size_t kMaxLabel = 16;
constexpr std::size_t kMaxDol = 252;
constexpr std::size_t kMaxDiscretionary = 200;
constexpr std::size_t kMaxRecords = 254;
constexpr std::size_t kMaxRecord = 254;
constexpr int kMaxSfi = 30;
constexpr std::size_t kMaxRsaBytes = 248; // 1984 bits, EMV's largest key
constexpr std::size_t kMaxImk = 32;
constexpr tlv::Tag kRecordTemplate = 0x70;

Result<Bytes> hexMember(const JsonField& field, std::string_view key, std::size_t min,
                        std::size_t max, bool required)
{
    auto member = field.member(key);
    if (!member) {
        if (required)
            return field.error("missing \"" + std::string(key) + "\"");
        return Bytes{};
    }
    return member->toHex(min, max);
}

Result<std::optional<std::int64_t>> intMember(const JsonField& field, std::string_view key,
                                              std::int64_t min, std::int64_t max)
{
    auto member = field.member(key);
    if (!member)
        return std::optional<std::int64_t>();
    auto value = member->toInteger(min, max);
    if (!value)
        return value.error();
    return std::optional(*value);
}

Result<std::optional<bool>> boolMember(const JsonField& field, std::string_view key)
{
    auto member = field.member(key);
    if (!member)
        return std::optional<bool>();
    auto value = member->toBool();
    if (!value)
        return value.error();
    return std::optional(*value);
}

Result<crypto::RsaPrivateComponents> parseRsaKey(const JsonField& field)
{
    auto shape = field.requireObject({"modulus", "publicExponent", "privateExponent", "prime1",
                                      "prime2", "exponent1", "exponent2", "coefficient"});
    if (!shape)
        return shape.error();
    crypto::RsaPrivateComponents key;
    for (auto [name, target, required] :
         {std::tuple{"modulus", &key.modulus, true},
          std::tuple{"publicExponent", &key.publicExponent, true},
          std::tuple{"privateExponent", &key.privateExponent, true},
          std::tuple{"prime1", &key.prime1, false}, std::tuple{"prime2", &key.prime2, false},
          std::tuple{"exponent1", &key.exponent1, false},
          std::tuple{"exponent2", &key.exponent2, false},
          std::tuple{"coefficient", &key.coefficient, false}}) {
        auto bytes = hexMember(field, name, 1, kMaxRsaBytes, required);
        if (!bytes)
            return bytes.error();
        *target = std::move(*bytes);
    }
    // Either all CRT parts or none (RsaPrivateKey::fromComponents checks the
    // numbers; a key that OpenSSL refuses is a profile error).
    auto checked = crypto::RsaPrivateKey::fromComponents(key);
    if (!checked)
        return field.error("not a usable RSA key: " + checked.error().message);
    return key;
}

} // namespace

Bytes EmvProfile::afl() const
{
    // Book 3, 10.2: SFI << 3, first record, last record, records for ODA.
    Bytes afl;
    for (const auto& file : files) {
        afl.push_back(static_cast<std::uint8_t>(file.sfi << 3));
        afl.push_back(1);
        afl.push_back(static_cast<std::uint8_t>(file.records.size()));
        afl.push_back(file.odaRecords);
    }
    return afl;
}

Result<void> EmvProfileParser::parseInto(const JsonField& root, CardProfile& profile)
{
    auto field = root.member("emv");
    if (!field)
        return {};
    auto shape = field->requireObject({"aid",
                                       "label",
                                       "priority",
                                       "languagePreference",
                                       "pdol",
                                       "fciIssuerDiscretionary",
                                       "pse",
                                       "responseFormat",
                                       "aip",
                                       "files",
                                       "algorithm",
                                       "issuerMasterKeys",
                                       "derivationKeyIndex",
                                       "cryptogramVersion",
                                       "arpcMethod",
                                       "scriptMacLength",
                                       "iccPrivateKey",
                                       "iccPinKey",
                                       "offlineLimit",
                                       "requirePinForOffline",
                                       "atc",
                                       "lastOnlineAtc",
                                       "applicationBlocked",
                                       "cardBlocked",
                                       "issuerAuthenticationFailed",
                                       "logFormat"});
    if (!shape)
        return shape;
    EmvProfile emv;
    for (auto step : {parseSelection, parseFiles, parseKeys, parseRisk, takeRecordData}) {
        auto done = step(*field, emv);
        if (!done)
            return done;
    }
    auto added = EmvFileTree::addTo(emv, profile.mf);
    if (!added)
        return field->error(added.error().message);
    profile.emv = std::move(emv);
    return {};
}

Result<void> EmvProfileParser::parseSelection(const JsonField& field, EmvProfile& emv)
{
    auto aid = hexMember(field, "aid", kMinAid, kMaxAid, true);
    if (!aid)
        return aid.error();
    emv.aid = std::move(*aid);
    if (auto label = field.member("label")) {
        auto text = label->toString();
        if (!text)
            return text.error();
        if (text->size() > kMaxLabel)
            return label->error("at most 16 characters (Book 1, 12.2.4: an 50 is ans 1..16)");
        emv.label = *text;
    }
    auto priority = intMember(field, "priority", 0, 255);
    if (!priority)
        return priority.error();
    if (*priority)
        emv.priority = static_cast<std::uint8_t>(**priority);
    if (auto language = field.member("languagePreference")) {
        auto text = language->toString();
        if (!text)
            return text.error();
        // Book 3, Annex A: 5F2D is an2 2..8, ISO 639 codes of two letters each.
        if (text->size() < 2 || text->size() > 8 || text->size() % 2 != 0)
            return language->error("one to four two-letter ISO 639 codes");
        emv.languagePreference = *text;
    }
    auto pdol = hexMember(field, "pdol", 0, kMaxDol, false);
    if (!pdol)
        return pdol.error();
    if (!pdol->empty() && !tlv::parseDol(*pdol))
        return field.error("pdol: not a data object list");
    emv.pdol = std::move(*pdol);
    auto discretionary = hexMember(field, "fciIssuerDiscretionary", 0, kMaxDiscretionary, false);
    if (!discretionary)
        return discretionary.error();
    if (!discretionary->empty() && !tlv::parse(*discretionary))
        return field.error("fciIssuerDiscretionary: not BER-TLV");
    emv.fciIssuerDiscretionary = std::move(*discretionary);
    auto pse = boolMember(field, "pse");
    if (!pse)
        return pse.error();
    emv.pse = pse->value_or(false);
    auto format = intMember(field, "responseFormat", 1, 2);
    if (!format)
        return format.error();
    emv.format = format->value_or(2) == 1 ? ResponseFormat::Format1 : ResponseFormat::Format2;
    auto aip = hexMember(field, "aip", 2, 2, true);
    if (!aip)
        return aip.error();
    emv.aip = std::move(*aip);
    auto logFormat = hexMember(field, "logFormat", 0, kMaxDol, false);
    if (!logFormat)
        return logFormat.error();
    emv.logFormat = std::move(*logFormat);
    return {};
}

Result<void> EmvProfileParser::parseFiles(const JsonField& field, EmvProfile& emv)
{
    auto files = field.requiredMember("files");
    if (!files)
        return files.error();
    if (!files->isArray() || files->arraySize() == 0 ||
        files->arraySize() > EmvProfile::kMaxRecordFiles)
        return files->error("expected an array of 1..10 files");
    for (std::size_t i = 0; i < files->arraySize(); ++i) {
        const JsonField entry = files->element(i);
        auto shape = entry.requireObject({"sfi", "odaRecords", "records", "label"});
        if (!shape)
            return shape;
        EmvRecordFile file;
        auto sfi = entry.requiredMember("sfi");
        if (!sfi)
            return sfi.error();
        auto number = sfi->toInteger(1, kMaxSfi);
        if (!number)
            return number.error();
        file.sfi = static_cast<std::uint8_t>(*number);
        for (const auto& other : emv.files) {
            if (other.sfi == file.sfi)
                return sfi->error("SFI used twice");
        }
        auto records = entry.requiredMember("records");
        if (!records)
            return records.error();
        if (!records->isArray() || records->arraySize() == 0 || records->arraySize() > kMaxRecords)
            return records->error("expected an array of 1..254 records");
        for (std::size_t r = 0; r < records->arraySize(); ++r) {
            const JsonField recordField = records->element(r);
            auto record = recordField.toHex(1, kMaxRecord);
            if (!record)
                return record.error();
            // Book 3, 7.2: every AFL record is a 70 template.
            auto objects = tlv::parse(*record);
            if (!objects || objects->size() != 1 || (*objects)[0].tag != kRecordTemplate)
                return recordField.error("a record must be one 70 template");
            file.records.push_back(std::move(*record));
        }
        auto oda =
            intMember(entry, "odaRecords", 0, static_cast<std::int64_t>(file.records.size()));
        if (!oda)
            return oda.error();
        file.odaRecords = static_cast<std::uint8_t>(oda->value_or(0));
        emv.files.push_back(std::move(file));
    }
    return {};
}

Result<void> EmvProfileParser::parseKeys(const JsonField& field, EmvProfile& emv)
{
    if (auto algorithm = field.member("algorithm")) {
        auto text = algorithm->toString();
        if (!text)
            return text.error();
        if (*text == "3DES")
            emv.algorithm = crypto::CipherAlgorithm::Des;
        else if (*text == "AES")
            emv.algorithm = crypto::CipherAlgorithm::Aes;
        else
            return algorithm->error("must be \"3DES\" or \"AES\"");
    }
    auto keys = field.requiredMember("issuerMasterKeys");
    if (!keys)
        return keys.error();
    auto shape = keys->requireObject({"ac", "smi", "smc"});
    if (!shape)
        return shape;
    for (auto [name, target] :
         {std::pair{"ac", &emv.issuerMasterKeyAc}, std::pair{"smi", &emv.issuerMasterKeySmi},
          std::pair{"smc", &emv.issuerMasterKeySmc}}) {
        auto bytes = hexMember(*keys, name, 16, kMaxImk, std::string_view(name) == "ac");
        if (!bytes)
            return bytes.error();
        // A missing secure-messaging key falls back to the AC key (test cards).
        *target = bytes->empty() ? emv.issuerMasterKeyAc : std::move(*bytes);
        if (!crypto::checkKeyLength(emv.algorithm, *target))
            return keys->error(std::string(name) + ": wrong key length for the algorithm");
    }
    auto dki = intMember(field, "derivationKeyIndex", 0, 255);
    if (!dki)
        return dki.error();
    emv.derivationKeyIndex = static_cast<std::uint8_t>(dki->value_or(1));
    auto cvn = hexMember(field, "cryptogramVersion", 1, 1, false);
    if (!cvn)
        return cvn.error();
    if (!cvn->empty())
        emv.cryptogramVersion = (*cvn)[0];
    auto method = intMember(field, "arpcMethod", 1, 2);
    if (!method)
        return method.error();
    emv.arpcMethod = method->value_or(1) == 2 ? ArpcMethod::Method2 : ArpcMethod::Method1;
    auto macLength = intMember(field, "scriptMacLength", 4, 8);
    if (!macLength)
        return macLength.error();
    emv.scriptMacLength =
        static_cast<std::size_t>(macLength->value_or(EmvProfile::kDefaultScriptMacLength));
    for (auto [name, target] :
         {std::pair{"iccPrivateKey", &emv.iccPrivateKey}, std::pair{"iccPinKey", &emv.iccPinKey}}) {
        if (auto member = field.member(name)) {
            auto key = parseRsaKey(*member);
            if (!key)
                return key.error();
            *target = std::move(*key);
        }
    }
    return {};
}

Result<void> EmvProfileParser::parseRisk(const JsonField& field, EmvProfile& emv)
{
    auto limit = intMember(field, "offlineLimit", 0, 999999999999);
    if (!limit)
        return limit.error();
    emv.offlineLimit = static_cast<std::uint64_t>(limit->value_or(0));
    for (auto [name, target] :
         {std::pair{"atc", &emv.atc}, std::pair{"lastOnlineAtc", &emv.lastOnlineAtc}}) {
        auto value = intMember(field, name, 0, 0xFFFF);
        if (!value)
            return value.error();
        *target = static_cast<std::uint16_t>(value->value_or(0));
    }
    for (auto [name, target, fallback] :
         {std::tuple{"requirePinForOffline", &emv.requirePinForOffline, true},
          std::tuple{"applicationBlocked", &emv.applicationBlocked, false},
          std::tuple{"cardBlocked", &emv.cardBlocked, false},
          std::tuple{"issuerAuthenticationFailed", &emv.issuerAuthenticationFailed, false}}) {
        auto value = boolMember(field, name);
        if (!value)
            return value.error();
        *target = value->value_or(fallback);
    }
    return {};
}

Result<void> EmvProfileParser::takeRecordData(const JsonField& field, EmvProfile& emv)
{
    std::optional<Bytes> pan;
    std::optional<Bytes> psn;
    std::optional<Bytes> cdol1;
    std::optional<Bytes> cdol2;
    std::optional<Bytes> ddol;
    for (const auto& file : emv.files) {
        for (const auto& record : file.records) {
            for (auto [tag, target] :
                 {std::pair{tlv::Tag{0x5A}, &pan}, std::pair{tlv::Tag{0x5F34}, &psn},
                  std::pair{tlv::Tag{0x8C}, &cdol1}, std::pair{tlv::Tag{0x8D}, &cdol2},
                  std::pair{tlv::Tag{0x9F49}, &ddol}}) {
                if (auto value = findValue(record, tag))
                    *target = std::move(*value);
            }
        }
    }
    // Book 3, 7.2: PAN, CDOL1 and CDOL2 are mandatory in the records.
    emv.cdol1 = cdol1.value_or(Bytes{});
    emv.cdol2 = cdol2.value_or(Bytes{});
    emv.ddol = ddol.value_or(Bytes{});
    if (!pan || emv.cdol1.empty() || emv.cdol2.empty())
        return field.error("the records must hold 5A (PAN), 8C (CDOL1) and 8D (CDOL2)");
    auto digits = panDigits(*pan);
    if (!digits)
        return field.error("5A is not a PAN");
    emv.pan = *digits;
    if (psn && psn->size() == 1)
        emv.panSequenceNumber = (*psn)[0];
    for (auto [dol, name] :
         {std::pair{&emv.cdol1, "8C"}, std::pair{&emv.cdol2, "8D"}, std::pair{&emv.ddol, "9F49"}}) {
        if (!dol->empty() && !tlv::parseDol(*dol))
            return field.error(std::string(name) + " in the records is not a data object list");
    }
    for (auto [imk, target] : {std::pair{&emv.issuerMasterKeyAc, &emv.iccMasterKeyAc},
                               std::pair{&emv.issuerMasterKeySmi, &emv.iccMasterKeySmi},
                               std::pair{&emv.issuerMasterKeySmc, &emv.iccMasterKeySmc}}) {
        auto derived = crypto::deriveIccMasterKey(emv.algorithm, *imk, emv.pan,
                                                  emv.panSequenceNumber, crypto::IccMkOption::A);
        if (!derived)
            return field.error("cannot derive the ICC master key: " + derived.error().message);
        *target = std::move(*derived);
    }
    return {};
}

} // namespace cardlink::sim::emv
