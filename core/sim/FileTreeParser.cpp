#include "sim/FileTreeParser.h"

#include "tlv/TlvParser.h"

#include <set>

namespace cardlink::sim {

namespace {
constexpr std::uint16_t kMfFid = 0x3F00;
// ISO/IEC 7816-4:2013, 7.1.1: 3FFF is reserved for path selection, FFFF for future use.
constexpr std::uint16_t kReservedPathFid = 0x3FFF;
constexpr std::uint16_t kReservedFid = 0xFFFF;
constexpr std::int64_t kMinSfi = 1;
constexpr std::int64_t kMaxSfi = 30;
constexpr std::size_t kMaxDfName = 16;      // 5.3.1.3: up to 16 bytes
constexpr std::size_t kMaxFci = 240;        // A5 content, so the FCI fits one short response
constexpr std::size_t kMaxContent = 0x7FFF; // READ BINARY offsets are 15 bits (11.2.3)
constexpr std::size_t kMaxRecords = 254;    // READ RECORD P1 01..FE (11.3.3)
constexpr std::size_t kMaxRecordSize = 255; // fits one short response (Ne <= 256)

Result<std::optional<std::uint16_t>> parseFid(const JsonField& node)
{
    auto field = node.member("fid");
    if (!field)
        return std::optional<std::uint16_t>();
    auto bytes = field->toHex(2, 2);
    if (!bytes)
        return bytes.error();
    const auto fid = readU16(*bytes, 0);
    if (fid == kMfFid || fid == kReservedPathFid || fid == kReservedFid)
        return field->error("FID " + toHex(*bytes) + " is reserved");
    return std::optional<std::uint16_t>(fid);
}
} // namespace

FileTreeParser::FileTreeParser(int maxDepth, std::size_t maxFiles)
    : m_maxDepth(maxDepth), m_maxFiles(maxFiles)
{}

Result<void> FileTreeParser::parseInto(const JsonField& files, FileNode& mf)
{
    m_count = 0;
    return parseChildren(files, mf, 1);
}

Result<void> FileTreeParser::parseChildren(const JsonField& files, FileNode& parent, int depth)
{
    if (!files.isArray())
        return files.error(std::string("expected an array, found ") + files.json().type_name());
    std::set<std::uint16_t> fids;
    std::set<std::uint8_t> sfis;
    for (std::size_t i = 0; i < files.arraySize(); ++i) {
        const JsonField field = files.element(i);
        if (++m_count > m_maxFiles)
            return field.error("more than " + std::to_string(m_maxFiles) + " files");
        auto node = parseFile(field, depth);
        if (!node)
            return node.error();
        if (node->fid) {
            if (parent.fid && *node->fid == *parent.fid)
                return field.error("FID equals the parent DF's FID");
            if (!fids.insert(*node->fid).second)
                return field.error("FID used twice in the same DF");
        }
        if (node->sfi && !sfis.insert(*node->sfi).second)
            return field.error("SFI used twice in the same DF");
        parent.children.push_back(std::move(*node));
    }
    return {};
}

Result<FileNode> FileTreeParser::parseFile(const JsonField& field, int depth)
{
    auto shape = field.requireObject(
        {"type", "fid", "name", "sfi", "fci", "content", "records", "files", "label"});
    if (!shape)
        return shape.error();
    auto typeField = field.requiredMember("type");
    if (!typeField)
        return typeField.error();
    auto type = typeField->toString();
    if (!type)
        return type.error();

    FileNode node;
    if (*type == "DF")
        node.kind = FileKind::Dedicated;
    else if (*type == "transparent")
        node.kind = FileKind::Transparent;
    else if (*type == "records")
        node.kind = FileKind::Records;
    else
        return typeField->error("must be \"DF\", \"transparent\" or \"records\"");

    auto fid = parseFid(field);
    if (!fid)
        return fid.error();
    node.fid = *fid;
    if (auto label = field.member("label")) {
        auto text = label->toString();
        if (!text)
            return text.error();
        node.label = *text;
    }
    auto body = node.isDf() ? parseDedicated(field, node, depth) : parseElementary(field, node);
    if (!body)
        return body.error();
    return node;
}

Result<void> FileTreeParser::parseDedicated(const JsonField& field, FileNode& node, int depth)
{
    for (const char* key : {"sfi", "content", "records"}) {
        if (field.member(key))
            return field.error(std::string("\"") + key + "\" is not allowed on a DF");
    }
    if (depth > m_maxDepth)
        return field.error("DFs nested deeper than " + std::to_string(m_maxDepth) + " levels");
    if (auto name = field.member("name")) {
        auto bytes = name->toHex(1, kMaxDfName);
        if (!bytes)
            return bytes.error();
        node.dfName = std::move(*bytes);
    }
    if (!node.fid && node.dfName.empty())
        return field.error("a DF needs a \"fid\" or a \"name\"");
    if (auto fci = field.member("fci")) {
        auto bytes = fci->toHex(0, kMaxFci);
        if (!bytes)
            return bytes.error();
        // It goes into template A5 of the FCI: it must be BER-TLV itself.
        if (auto objects = tlv::parse(*bytes); !objects)
            return fci->error("not BER-TLV (" + objects.error().message + ")");
        node.fciProprietary = std::move(*bytes);
    }
    if (auto files = field.member("files"))
        return parseChildren(*files, node, depth + 1);
    return {};
}

Result<void> FileTreeParser::parseElementary(const JsonField& field, FileNode& node)
{
    for (const char* key : {"name", "fci", "files"}) {
        if (field.member(key))
            return field.error(std::string("\"") + key + "\" is only allowed on a DF");
    }
    if (auto sfi = field.member("sfi")) {
        auto value = sfi->toInteger(kMinSfi, kMaxSfi);
        if (!value)
            return value.error();
        node.sfi = static_cast<std::uint8_t>(*value);
    }
    if (!node.fid && !node.sfi)
        return field.error("an EF needs a \"fid\" or an \"sfi\"");

    if (node.kind == FileKind::Transparent) {
        if (field.member("records"))
            return field.error("\"records\" is not allowed on a transparent EF");
        auto content = field.requiredMember("content");
        if (!content)
            return content.error();
        auto bytes = content->toHex(0, kMaxContent);
        if (!bytes)
            return bytes.error();
        node.content = std::move(*bytes);
        return {};
    }

    if (field.member("content"))
        return field.error("\"content\" is not allowed on a record EF");
    auto records = field.requiredMember("records");
    if (!records)
        return records.error();
    if (!records->isArray())
        return records->error(std::string("expected an array, found ") +
                              records->json().type_name());
    if (records->arraySize() > kMaxRecords)
        return records->error("more than " + std::to_string(kMaxRecords) + " records");
    for (std::size_t i = 0; i < records->arraySize(); ++i) {
        auto bytes = records->element(i).toHex(1, kMaxRecordSize);
        if (!bytes)
            return bytes.error();
        node.records.push_back(std::move(*bytes));
    }
    return {};
}

} // namespace cardlink::sim
