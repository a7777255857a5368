#include "sim/emv/EmvFileTree.h"

#include "sim/emv/EmvTlv.h"

#include <string_view>

namespace cardlink::sim::emv {

namespace {
constexpr tlv::Tag kRecordTemplate = 0x70;
constexpr std::string_view kPseName = "1PAY.SYS.DDF01";

FileNode directoryFile(const EmvProfile& emv)
{
    // Book 1, 12.2.3: a directory record is 70 { 61 { 4F ADF name, 50 label,
    // 87 priority } } for each application.
    Bytes entry;
    appendTlv(entry, 0x4F, emv.aid);
    if (!emv.label.empty())
        appendTlv(
            entry, 0x50,
            ByteView(reinterpret_cast<const std::uint8_t*>(emv.label.data()), emv.label.size()));
    if (emv.priority)
        appendTlv(entry, 0x87, ByteView(&*emv.priority, 1));
    FileNode file;
    file.kind = FileKind::Records;
    file.sfi = 1;
    file.label = "PSE directory";
    file.records.push_back(makeTlv(kRecordTemplate, makeTlv(0x61, entry)));
    return file;
}

Bytes languageBytes(const std::string& language)
{
    return Bytes(language.begin(), language.end());
}
} // namespace

Result<void> EmvFileTree::addTo(const EmvProfile& emv, FileNode& mf)
{
    const Bytes pseName(kPseName.begin(), kPseName.end());
    for (const auto& child : mf.children) {
        if (child.isDf() && (child.dfName == emv.aid || (emv.pse && child.dfName == pseName)))
            return makeError(ErrorCode::Malformed,
                             "\"files\" already has a DF named like the EMV ADF or PSE");
    }
    // Book 1, 12.3.1, table 45: A5 { 50, 87, 9F38, 5F2D, BF0C }.
    FileNode adf;
    adf.kind = FileKind::Dedicated;
    adf.dfName = emv.aid;
    adf.label = "EMV payment application";
    if (!emv.label.empty())
        appendTlv(
            adf.fciProprietary, 0x50,
            ByteView(reinterpret_cast<const std::uint8_t*>(emv.label.data()), emv.label.size()));
    if (emv.priority)
        appendTlv(adf.fciProprietary, 0x87, ByteView(&*emv.priority, 1));
    if (!emv.pdol.empty())
        appendTlv(adf.fciProprietary, 0x9F38, emv.pdol);
    if (!emv.languagePreference.empty())
        appendTlv(adf.fciProprietary, 0x5F2D, languageBytes(emv.languagePreference));
    if (!emv.fciIssuerDiscretionary.empty())
        appendTlv(adf.fciProprietary, 0xBF0C, emv.fciIssuerDiscretionary);
    mf.children.push_back(std::move(adf));

    if (emv.pse) {
        // Book 1, 12.2.3: PSE FCI A5 { 88 SFI of the directory, 5F2D }.
        FileNode pse;
        pse.kind = FileKind::Dedicated;
        pse.dfName = pseName;
        pse.label = "Payment System Environment";
        const std::uint8_t sfi = 1;
        appendTlv(pse.fciProprietary, 0x88, ByteView(&sfi, 1));
        if (!emv.languagePreference.empty())
            appendTlv(pse.fciProprietary, 0x5F2D, languageBytes(emv.languagePreference));
        pse.children.push_back(directoryFile(emv));
        mf.children.push_back(std::move(pse));
    }
    return {};
}

} // namespace cardlink::sim::emv
