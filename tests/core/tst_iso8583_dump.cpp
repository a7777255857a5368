#include "Iso8583Samples.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageDump.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::iso8583;

Q_DECLARE_METATYPE(cardlink::iso8583::Message)

namespace {
bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// The ways a PIN block or card data could leak into a text: plain hex, spaced
// hex, and (for digits) the digits themselves.
std::vector<std::string> spellings(const Bytes& bytes)
{
    return {toHex(bytes), toSpacedHex(bytes)};
}

std::string lineOf(const std::string& dump, const std::string& prefix)
{
    const auto start = dump.find("\n" + prefix);
    if (start == std::string::npos)
        return {};
    const auto end = dump.find('\n', start + 1);
    return dump.substr(start + 1, end - start - 1);
}

const std::string kMaskedPan = "476173\xE2\x80\xA6"
                               "0010";
} // namespace

class TestIso8583Dump : public QObject
{
    Q_OBJECT

private slots:
    // For every sample message: no clear PAN, no PIN block bytes, no track 2
    // discretionary data, whatever the field carries them.
    void neverShowsCardholderData_data()
    {
        QTest::addColumn<Message>("message");
        for (auto& [name, message] : samples::all())
            QTest::addRow("%s", name.c_str()) << message;
    }
    void neverShowsCardholderData()
    {
        QFETCH(Message, message);
        const std::string text = dump(message, cardLinkProfile());
        QVERIFY2(!contains(text, samples::kPan), text.c_str());
        QVERIFY(!contains(text, "25122011143804400000"));
        QVERIFY(!contains(text, "D2512201114380440F"));
        for (const auto& spelling : spellings(samples::bytesOf(samples::kPinBlockHex)))
            QVERIFY2(!contains(text, spelling), text.c_str());
        // One line per field, plus the MTI line and the TLV lines of field 55.
        QVERIFY(std::count(text.begin(), text.end(), '\n') >=
                static_cast<std::ptrdiff_t>(message.fields().size() + 1));
    }

    void pan()
    {
        const std::string text = dump(samples::authorizationRequest(), cardLinkProfile());
        QCOMPARE(lineOf(text, "002"), "002 Primary account number [16] " + kMaskedPan);
    }

    void track2()
    {
        const std::string text = dump(samples::financialRequest(), cardLinkProfile());
        QCOMPARE(lineOf(text, "035"), "035 Track 2 data [37] " + kMaskedPan + "=\xE2\x80\xA6");
    }

    void pinBlockIsStars()
    {
        const std::string text = dump(samples::authorizationRequest(), cardLinkProfile());
        // Not even the length of the PIN block is shown.
        QCOMPARE(lineOf(text, "052"), std::string("052 PIN data (enciphered PIN block) ****"));
    }

    void iccDataAsMaskedTlv()
    {
        const std::string text = dump(samples::authorizationRequest(), cardLinkProfile());
        QVERIFY(contains(text, "055 ICC system related data (EMV) [45]\n"));
        QVERIFY2(contains(text, "    5A "), text.c_str());
        QVERIFY(contains(text, kMaskedPan));
        QVERIFY(contains(text, "9F26"));
        QVERIFY(contains(text, "A1B2C3D4E5F60708")); // the cryptogram is not secret
        QVERIFY(contains(text, "    57 "));
    }

    void iccDataNotTlvIsHidden()
    {
        Message m = samples::authorizationRequest();
        const Bytes notTlv = samples::bytesOf("5A FF 4761739001010010");
        m.set(55, notTlv);
        const std::string text = dump(m, cardLinkProfile());
        QCOMPARE(lineOf(text, "055"),
                 std::string("055 ICC system related data (EMV) [10] (not BER-TLV, hidden)"));
        QVERIFY(!contains(text, toHex(notTlv)));
        QVERIFY(!contains(text, samples::kPan));
    }

    void macAndPlainFieldsAreShown()
    {
        const std::string text = dump(samples::authorizationRequest(), cardLinkProfile());
        QCOMPARE(lineOf(text, "064"),
                 std::string("064 Message authentication code [8] 0102030405060708"));
        QCOMPARE(lineOf(text, "004"), std::string("004 Amount, transaction [12] \"000000001234\""));
        QVERIFY(text.rfind("MTI 0100 Authorization request\n", 0) == 0);
    }

    void responseCodeMeaning()
    {
        Message m = samples::authorizationResponse();
        m.set(39, "51");
        const std::string text = dump(m, cardLinkProfile());
        QCOMPARE(lineOf(text, "039"),
                 std::string("039 Response code [2] \"51\" (Not enough funds)"));
    }

    void unknownFieldIsHidden()
    {
        Message m("0800");
        m.set(5, samples::kPan);
        const std::string text = dump(m, cardLinkProfile());
        QCOMPARE(lineOf(text, "005"), std::string("005 (not in profile) [16] ****"));
        QVERIFY(!contains(text, samples::kPan));
    }

    // A message built in code is not validated: control characters in text
    // must not forge extra log lines, and a PAN of the wrong kind stays hidden.
    void hostileValues()
    {
        Message m("08\n0");
        m.set(41, "AB\nMTI 0100 fake");
        m.set(2, Bytes{0x47, 0x61, 0x73, 0x90});
        m.set(52, std::string("1234"));
        const std::string text = dump(m, cardLinkProfile());
        QCOMPARE(std::count(text.begin(), text.end(), '\n'), std::ptrdiff_t(4));
        QVERIFY(contains(text, "\\x0A"));
        QCOMPARE(lineOf(text, "002"), std::string("002 Primary account number ****"));
        QCOMPARE(lineOf(text, "052"), std::string("052 PIN data (enciphered PIN block) ****"));
        QVERIFY(!contains(text, "1234"));
    }
};

QTEST_GUILESS_MAIN(TestIso8583Dump)
#include "tst_iso8583_dump.moc"
