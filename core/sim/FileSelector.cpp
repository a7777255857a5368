#include "sim/FileSelector.h"

#include "iso7816/StatusWord.h"
#include "sim/FileControlInfo.h"

#include <algorithm>

namespace cardlink::sim {

namespace {
using iso7816::ResponseApdu;
namespace sw = iso7816::sw;

constexpr std::uint16_t kMfFid = 0x3F00;
constexpr std::size_t kFidSize = 2;
constexpr std::size_t kMaxDfName = 16;

enum class SelectBy : std::uint8_t {
    Fid = 0x00,
    ChildDf = 0x01,
    ChildEf = 0x02,
    ParentDf = 0x03,
    DfName = 0x04,
    PathFromMf = 0x08,
    PathFromCurrentDf = 0x09,
};

constexpr std::uint8_t kP2Rfu = 0xF0;
constexpr std::uint8_t kP2ResponseMask = 0x0C;
constexpr std::uint8_t kP2OccurrenceMask = 0x03;
constexpr std::uint8_t kReturnFci = 0x00;
constexpr std::uint8_t kReturnFcp = 0x04;
constexpr std::uint8_t kReturnFmd = 0x08;
constexpr std::uint8_t kOccurrenceFirst = 0x00;
constexpr std::uint8_t kOccurrenceLast = 0x01;
constexpr std::uint8_t kOccurrenceNext = 0x02;

const FileNode* findChild(const FileNode& df, std::uint16_t fid)
{
    for (const auto& child : df.children) {
        if (child.fid && *child.fid == fid)
            return &child;
    }
    return nullptr;
}

struct NamedDf
{
    std::vector<const FileNode*> path;
};

void collectByName(const FileNode& df, std::vector<const FileNode*>& path, ByteView name,
                   std::vector<NamedDf>& out)
{
    path.push_back(&df);
    if (df.dfName.size() >= name.size() && std::equal(name.begin(), name.end(), df.dfName.begin()))
        out.push_back({path});
    for (const auto& child : df.children) {
        if (child.isDf())
            collectByName(child, path, name, out); // depth bounded by the profile loader
    }
    path.pop_back();
}
} // namespace

FileSelector::FileSelector(const FileNode& mf) : m_mf(mf) {}

std::optional<FileSelector::Target> FileSelector::child(const CardState& state, std::uint16_t fid,
                                                        bool wantDf) const
{
    const FileNode* node = findChild(state.currentDf(), fid);
    if (!node || node->isDf() != wantDf)
        return std::nullopt;
    Target target{state.dfPath, nullptr};
    if (wantDf)
        target.dfPath.push_back(node);
    else
        target.ef = node;
    return target;
}

std::optional<FileSelector::Target> FileSelector::byFid(std::uint16_t fid,
                                                        const CardState& state) const
{
    if (fid == kMfFid)
        return Target{{&m_mf}, nullptr};
    auto make = [](std::vector<const FileNode*> dfs, const FileNode* node) {
        Target target{std::move(dfs), nullptr};
        if (node->isDf())
            target.dfPath.push_back(node);
        else
            target.ef = node;
        return target;
    };
    if (const FileNode* node = findChild(state.currentDf(), fid))
        return make(state.dfPath, node);
    if (state.currentDf().fid == fid)
        return Target{state.dfPath, nullptr};
    if (const FileNode* parent = state.parentDf()) {
        std::vector<const FileNode*> upper(state.dfPath.begin(), state.dfPath.end() - 1);
        if (parent->fid == fid)
            return Target{upper, nullptr};
        if (const FileNode* node = findChild(*parent, fid))
            return make(upper, node);
    }
    return std::nullopt;
}

std::optional<FileSelector::Target> FileSelector::byPath(std::vector<const FileNode*> start,
                                                         ByteView path) const
{
    Target target{std::move(start), nullptr};
    for (std::size_t i = 0; i < path.size(); i += kFidSize) {
        if (target.ef)
            return std::nullopt; // an EF has no children
        const FileNode* node = findChild(*target.dfPath.back(), readU16(path, i));
        if (!node)
            return std::nullopt;
        if (node->isDf())
            target.dfPath.push_back(node);
        else
            target.ef = node;
    }
    return target;
}

std::optional<FileSelector::Target> FileSelector::byName(ByteView name, std::uint8_t occurrence,
                                                         const CardState& state) const
{
    std::vector<NamedDf> matches;
    std::vector<const FileNode*> path;
    collectByName(m_mf, path, name, matches);
    if (matches.empty())
        return std::nullopt;
    const auto current = std::find_if(matches.begin(), matches.end(), [&](const NamedDf& m) {
        return m.path.back() == &state.currentDf();
    });
    const bool haveCurrent = current != matches.end();
    const NamedDf* chosen = nullptr;
    switch (occurrence) {
    case kOccurrenceFirst:
        chosen = &matches.front();
        break;
    case kOccurrenceLast:
        chosen = &matches.back();
        break;
    case kOccurrenceNext:
        if (!haveCurrent)
            chosen = &matches.front();
        else if (current + 1 != matches.end())
            chosen = &*(current + 1);
        break;
    default: // previous
        if (!haveCurrent)
            chosen = &matches.back();
        else if (current != matches.begin())
            chosen = &*(current - 1);
        break;
    }
    if (!chosen)
        return std::nullopt;
    return Target{chosen->path, nullptr};
}

ResponseApdu FileSelector::select(const iso7816::CommandApdu& command, CardState& state) const
{
    if ((command.p2 & kP2Rfu) != 0)
        return {{}, sw::kIncorrectP1P2};
    const auto by = static_cast<SelectBy>(command.p1);
    const std::uint8_t occurrence = command.p2 & kP2OccurrenceMask;
    if (occurrence != kOccurrenceFirst && by != SelectBy::DfName)
        return {{}, sw::kIncorrectP1P2};
    const ByteView data = command.data;
    const bool twoBytes = data.size() == kFidSize;

    std::optional<Target> target;
    switch (by) {
    case SelectBy::Fid:
        if (data.empty())
            target = Target{{&m_mf}, nullptr};
        else if (twoBytes)
            target = byFid(readU16(data, 0), state);
        else
            return {{}, sw::kWrongLength};
        break;
    case SelectBy::ChildDf:
    case SelectBy::ChildEf:
        if (!twoBytes)
            return {{}, sw::kWrongLength};
        target = child(state, readU16(data, 0), by == SelectBy::ChildDf);
        break;
    case SelectBy::ParentDf:
        if (!data.empty())
            return {{}, sw::kWrongLength};
        if (state.parentDf())
            target =
                Target{std::vector<const FileNode*>(state.dfPath.begin(), state.dfPath.end() - 1),
                       nullptr};
        break;
    case SelectBy::DfName:
        if (data.empty() || data.size() > kMaxDfName)
            return {{}, sw::kWrongLength};
        target = byName(data, occurrence, state);
        break;
    case SelectBy::PathFromMf:
    case SelectBy::PathFromCurrentDf:
        if (data.empty() || data.size() % kFidSize != 0)
            return {{}, sw::kWrongLength};
        target = byPath(
            by == SelectBy::PathFromMf ? std::vector<const FileNode*>{&m_mf} : state.dfPath, data);
        break;
    default:
        return {{}, sw::kIncorrectP1P2};
    }
    if (!target)
        return {{}, sw::kFileNotFound};

    state.dfPath = std::move(target->dfPath);
    state.currentEf = target->ef;
    state.currentRecord.reset();
    const FileNode& selected = target->ef ? *target->ef : state.currentDf();
    switch (command.p2 & kP2ResponseMask) {
    case kReturnFci:
        return {FileControlInfo::fci(selected), sw::kNormal};
    case kReturnFcp:
        return {FileControlInfo::fcp(selected), sw::kNormal};
    case kReturnFmd:
        return {FileControlInfo::fmd(selected), sw::kNormal};
    default:
        return {{}, sw::kNormal};
    }
}

} // namespace cardlink::sim
