#pragma once

#include "emv/Cardholder.h"
#include "emv/TerminalConfig.h"
#include "iso7816/CardChannel.h"
#include "tlv/TlvObject.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <vector>

namespace cardlink::emv {

enum class SelectionStatus {
    Selected,
    NoCommonApplication, // empty candidate list, or every final SELECT failed
    CardBlocked,         // SELECT answered 6A81 (EMV 4.4 Book 1, 12.3.2 / 12.3.3)
    Cancelled,           // the cardholder declined the choice or confirmation
};

struct SelectedApplication
{
    ApplicationChoice choice;
    Bytes dfName;                    // 84 from the FCI of the final SELECT
    std::vector<tlv::TlvObject> fci; // the parsed FCI (6F template)
};

// Application selection, EMV 4.4 Book 1, 12: builds the candidate list (PSE
// directory, else the terminal's AID list with partial selection), orders it
// by priority, lets the cardholder choose or confirm, and performs the final
// SELECT. A failed final SELECT removes the application and lets the choice
// start over (12.4); so does removeCurrent() when GET PROCESSING OPTIONS
// answers 6985 (Book 3, 10.1). Errors are transport failures only: a card
// that answers nonsense leads to fewer candidates, not to an Error.
class ApplicationSelection
{
public:
    ApplicationSelection(iso7816::CardChannel& card, Cardholder& cardholder,
                         const TerminalConfig& config);

    // Book 1, 12.3. Returns NoCommonApplication / CardBlocked, or Selected
    // meaning "the candidate list is not empty".
    Result<SelectionStatus> buildCandidateList();
    // Book 1, 12.4: choose and SELECT; fills `selected` on Selected.
    Result<SelectionStatus> selectNext(SelectedApplication& selected);
    // Book 3, 10.1: the last selected application may not be offered again.
    void removeCurrent();

    const std::vector<ApplicationChoice>& candidates() const { return m_candidates; }
    bool usedPse() const { return m_usedPse; }

private:
    // Result<bool>: true when the PSE gave at least one candidate. CardBlocked
    // is reported through m_cardBlocked.
    Result<bool> tryPse();
    Result<void> tryAidList();
    Result<void> readDirectory(std::uint8_t sfi, bool& ok);
    void addFromDirectoryEntry(const tlv::TlvObject& entry);
    bool terminalSupports(ByteView adfName) const;
    void sortCandidates();

    iso7816::CardChannel& m_card;
    Cardholder& m_cardholder;
    const TerminalConfig& m_config;
    std::vector<ApplicationChoice> m_candidates;
    Bytes m_current;
    bool m_cardBlocked = false;
    bool m_usedPse = false;
};

} // namespace cardlink::emv
