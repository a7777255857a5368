#include "emv/ApplicationSelection.h"

#include "emv/CardCommands.h"
#include "iso7816/StatusWord.h"
#include "tlv/TlvParser.h"

#include <algorithm>
#include <string_view>

namespace cardlink::emv {

namespace {
// Book 1, 12.2.2: the name of the Payment System Environment.
constexpr std::string_view kPseName = "1PAY.SYS.DDF01";
// Bounds on what a card can make us do: directory records per SFI and
// "next occurrence" SELECTs per terminal AID.
constexpr std::uint8_t kMaxDirectoryRecords = 32;
constexpr int kMaxOccurrences = 32;

std::string printable(ByteView value)
{
    std::string text;
    for (const auto byte : value)
        text.push_back(byte >= 0x20 && byte < 0x7F ? static_cast<char>(byte) : '?');
    return text;
}

// Fills label, priority and confirmation from tags 50, 9F12 and 87 found
// under `entry` (an ADF directory entry 61 or an FCI proprietary template A5).
void describe(const tlv::TlvObject& entry, ApplicationChoice& choice)
{
    if (const auto* label = entry.find(0x50))
        choice.label = printable(label->value);
    else if (const auto* preferred = entry.find(0x9F12))
        choice.label = printable(preferred->value);
    if (choice.label.empty())
        choice.label = toHex(choice.aid);
    // Book 1, 12.2.3, table 13: 87 b8 = confirmation required, b4-b1 = priority.
    if (const auto* priority = entry.find(0x87); priority && priority->value.size() == 1) {
        choice.needsConfirmation = (priority->value[0] & 0x80) != 0;
        const std::uint8_t order = priority->value[0] & 0x0F;
        if (order != 0)
            choice.priority = order;
    }
}

// The FCI of a SELECTed ADF: a 6F template holding the DF name 84.
const tlv::TlvObject* fciTemplate(const std::vector<tlv::TlvObject>& objects)
{
    if (objects.empty() || objects.front().tag != 0x6F)
        return nullptr;
    const auto* name = objects.front().find(0x84);
    if (!name || name->value.empty())
        return nullptr;
    return &objects.front();
}
} // namespace

ApplicationSelection::ApplicationSelection(iso7816::CardChannel& card, Cardholder& cardholder,
                                           const TerminalConfig& config)
    : m_card(card), m_cardholder(cardholder), m_config(config)
{}

Result<SelectionStatus> ApplicationSelection::buildCandidateList()
{
    m_candidates.clear();
    auto pse = tryPse();
    if (!pse)
        return pse.error();
    if (m_cardBlocked)
        return SelectionStatus::CardBlocked;
    m_usedPse = *pse;
    if (!m_usedPse) {
        // Book 1, 12.3.2, step 6 / 12.3.3: no usable PSE, use the AID list.
        m_candidates.clear();
        if (auto r = tryAidList(); !r)
            return r.error();
        if (m_cardBlocked)
            return SelectionStatus::CardBlocked;
    }
    if (m_candidates.empty())
        return SelectionStatus::NoCommonApplication;
    sortCandidates();
    return SelectionStatus::Selected;
}

Result<bool> ApplicationSelection::tryPse()
{
    const Bytes name(kPseName.begin(), kPseName.end());
    auto response = m_card.transmit(commands::select(name));
    if (!response)
        return response.error();
    // Book 1, 12.3.2 step 1: 6A81 = card blocked or SELECT not supported.
    if (response->sw == iso7816::sw::kFunctionNotSupported) {
        m_cardBlocked = true;
        return false;
    }
    if (!response->isSuccess())
        return false; // 6A82, 6283 (PSE blocked), anything else: AID list
    auto fci = tlv::parse(response->data);
    if (!fci || fci->empty() || fci->front().tag != 0x6F)
        return false;
    const auto* sfi = tlv::findPath(*fci, {0x6F, 0xA5, 0x88});
    if (!sfi || sfi->value.size() != 1 || sfi->value[0] < 1 || sfi->value[0] > 30)
        return false;
    bool ok = true;
    if (auto r = readDirectory(sfi->value[0], ok); !r)
        return r.error();
    return ok && !m_candidates.empty();
}

Result<void> ApplicationSelection::readDirectory(std::uint8_t sfi, bool& ok)
{
    // Book 1, 12.3.2 steps 2-5: records 1, 2, ... until 6A83.
    for (std::uint8_t record = 1; record <= kMaxDirectoryRecords; ++record) {
        auto response = m_card.transmit(commands::readRecord(sfi, record));
        if (!response)
            return response.error();
        if (response->sw == iso7816::sw::kRecordNotFound)
            return {};
        if (!response->isSuccess()) {
            ok = false;
            return {};
        }
        auto objects = tlv::parse(response->data);
        if (!objects || objects->size() != 1 || objects->front().tag != 0x70) {
            ok = false; // not a directory record: the PSE method fails
            return {};
        }
        for (const auto& entry : objects->front().children) {
            if (entry.tag == 0x61)
                addFromDirectoryEntry(entry);
        }
    }
    return {};
}

void ApplicationSelection::addFromDirectoryEntry(const tlv::TlvObject& entry)
{
    // Book 1, 12.2.3: an ADF entry holds its name in 4F (DDF entries, 9D,
    // are not followed: nested directories are optional and rare).
    const auto* adf = entry.find(0x4F);
    if (!adf || adf->value.size() < 5 || adf->value.size() > 16)
        return;
    if (!terminalSupports(adf->value))
        return;
    ApplicationChoice choice;
    choice.aid = adf->value;
    describe(entry, choice);
    m_candidates.push_back(std::move(choice));
}

bool ApplicationSelection::terminalSupports(ByteView adfName) const
{
    // Book 1, 12.3.1: exact match, or the card's name starts with the
    // terminal's AID and the terminal allows partial selection for it.
    return std::any_of(m_config.aids.begin(), m_config.aids.end(), [&](const SupportedAid& aid) {
        if (adfName.size() < aid.aid.size())
            return false;
        if (!std::equal(aid.aid.begin(), aid.aid.end(), adfName.begin()))
            return false;
        return adfName.size() == aid.aid.size() || aid.partialSelection;
    });
}

Result<void> ApplicationSelection::tryAidList()
{
    // Book 1, 12.3.3.
    for (const auto& aid : m_config.aids) {
        bool next = false;
        for (int occurrence = 0; occurrence < kMaxOccurrences; ++occurrence) {
            auto response = m_card.transmit(commands::select(aid.aid, next));
            if (!response)
                return response.error();
            if (response->sw == iso7816::sw::kFunctionNotSupported && m_candidates.empty() &&
                !next && &aid == &m_config.aids.front()) {
                m_cardBlocked = true; // step 1: the first SELECT says card blocked
                return {};
            }
            const bool blocked = response->sw == iso7816::sw::kSelectedFileInvalidated;
            if (!response->isSuccess() && !blocked)
                break;
            auto objects = tlv::parse(response->data);
            const tlv::TlvObject* fci = objects ? fciTemplate(*objects) : nullptr;
            if (!fci)
                break;
            const Bytes& dfName = fci->find(0x84)->value;
            const bool exact = dfName == aid.aid;
            const bool partial = !exact && dfName.size() > aid.aid.size() &&
                                 std::equal(aid.aid.begin(), aid.aid.end(), dfName.begin());
            // Step 4: a blocked application (6283) is not a candidate.
            if (!blocked && (exact || (partial && aid.partialSelection))) {
                ApplicationChoice choice;
                choice.aid = dfName;
                if (const auto* proprietary = fci->find(0xA5))
                    describe(*proprietary, choice);
                else
                    choice.label = toHex(dfName);
                m_candidates.push_back(std::move(choice));
            }
            // Step 5: look for further occurrences only with partial selection
            // and when the card's name was longer than ours.
            if (exact || !aid.partialSelection || !(partial || blocked))
                break;
            next = true;
        }
    }
    return {};
}

void ApplicationSelection::sortCandidates()
{
    // Book 1, 12.4: highest priority (1) first; no priority after all others;
    // equal priorities keep the card's order.
    std::stable_sort(m_candidates.begin(), m_candidates.end(),
                     [](const ApplicationChoice& a, const ApplicationChoice& b) {
                         return a.priority.value_or(16) < b.priority.value_or(16);
                     });
}

Result<SelectionStatus> ApplicationSelection::selectNext(SelectedApplication& selected)
{
    while (!m_candidates.empty()) {
        std::size_t index = 0;
        // Book 1, 12.4: the cardholder chooses among several; a single
        // application that asks for confirmation must be confirmed.
        if (m_candidates.size() > 1) {
            const auto choice = m_cardholder.chooseApplication(m_candidates);
            if (!choice || *choice >= m_candidates.size())
                return SelectionStatus::Cancelled;
            index = *choice;
        } else if (m_candidates.front().needsConfirmation &&
                   !m_cardholder.confirmApplication(m_candidates.front())) {
            return SelectionStatus::Cancelled;
        }
        ApplicationChoice choice = m_candidates[index];
        m_candidates.erase(m_candidates.begin() + static_cast<std::ptrdiff_t>(index));

        auto response = m_card.transmit(commands::select(choice.aid));
        if (!response)
            return response.error();
        if (!response->isSuccess())
            continue; // 12.4: remove it and choose again
        auto objects = tlv::parse(response->data);
        if (!objects || !fciTemplate(*objects))
            continue;
        selected.choice = std::move(choice);
        selected.dfName = fciTemplate(*objects)->find(0x84)->value;
        selected.fci = std::move(*objects);
        m_current = selected.dfName;
        return SelectionStatus::Selected;
    }
    return SelectionStatus::NoCommonApplication;
}

void ApplicationSelection::removeCurrent()
{
    std::erase_if(m_candidates, [&](const ApplicationChoice& c) { return c.aid == m_current; });
}

} // namespace cardlink::emv
