// Parses every concrete ATR of pcsc-tools' smartcard_list.txt (about 3,800
// real cards collected by Ludovic Rousseau) as a robustness and plausibility
// check of the ATR parser. The file comes from the Debian package pcsc-tools;
// CARDLINK_SMARTCARD_LIST overrides its path.
#include "iso7816/Atr.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace cardlink;
using namespace cardlink::iso7816;

namespace {
constexpr const char* kDefaultPath = "/usr/share/pcsc/smartcard_list.txt";

struct Entry
{
    int lineNumber = 0;
    QString text;        // the ATR as written, upper case, single spaces
    QString description; // its first description line
    Bytes bytes;
};

struct Outcome
{
    std::optional<Atr> atr;
    std::string reason; // the error message up to ':' when the ATR is malformed
    std::string message;
};

QString listPath()
{
    const QByteArray overridden = qgetenv("CARDLINK_SMARTCARD_LIST");
    return overridden.isEmpty() ? QString(kDefaultPath) : QString::fromLocal8Bit(overridden);
}

Outcome parseEntry(const Entry& entry)
{
    Outcome outcome;
    auto result = Atr::parse(entry.bytes);
    if (result) {
        outcome.atr = std::move(result).value();
    } else {
        outcome.message = result.error().message;
        outcome.reason = outcome.message.substr(0, outcome.message.find(':'));
    }
    return outcome;
}
} // namespace

class TestAtrCorpus : public QObject
{
    Q_OBJECT

private:
    std::vector<Entry> m_entries;
    std::vector<Outcome> m_outcomes;
    int m_skippedWildcards = 0;
    int m_unreadable = 0;

    int m_wellFormed = 0;
    std::map<std::string, int> m_malformedByReason;
    int m_withTck = 0;
    int m_tckOk = 0;
    int m_offersT0 = 0;
    int m_offersT1 = 0;
    int m_offersOther = 0;

    const Entry* find(const QString& text) const
    {
        auto it = std::find_if(m_entries.begin(), m_entries.end(),
                               [&text](const Entry& e) { return e.text == text; });
        return it == m_entries.end() ? nullptr : &*it;
    }

    void load(QFile& file)
    {
        // An ATR line starts in column 0; its descriptions follow, indented by a tab.
        static const QRegularExpression hexPair("^[0-9A-Fa-f]{2}$");
        static const QRegularExpression wildcard(R"([.\[\]*?+()|\\^${}])");
        int lineNumber = 0;
        bool describing = false;
        while (!file.atEnd()) {
            const QString raw = QString::fromUtf8(file.readLine());
            const QString line = raw.trimmed();
            ++lineNumber;
            if (raw.startsWith('\t')) {
                if (describing && m_entries.back().description.isEmpty())
                    m_entries.back().description = line;
                continue;
            }
            describing = false;
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            if (line.contains(wildcard)) {
                ++m_skippedWildcards;
                continue;
            }
            const QStringList tokens = line.split(' ', Qt::SkipEmptyParts);
            const bool concrete = std::all_of(tokens.begin(), tokens.end(), [](const QString& t) {
                return hexPair.match(t).hasMatch();
            });
            if (!concrete) {
                ++m_unreadable;
                continue;
            }
            const QString text = tokens.join(' ').toUpper();
            m_entries.push_back(Entry{lineNumber, text, {}, fromHex(text.toStdString()).value()});
            describing = true;
        }
    }

    void tally()
    {
        for (const auto& entry : m_entries) {
            Outcome outcome = parseEntry(entry);
            if (outcome.atr) {
                const Atr& atr = *outcome.atr;
                ++m_wellFormed;
                if (atr.tckPresent()) {
                    ++m_withTck;
                    m_tckOk += atr.tckValid() ? 1 : 0;
                }
                const auto offered = atr.protocols();
                const bool other = std::any_of(offered.begin(), offered.end(),
                                               [](int t) { return t != 0 && t != 1; });
                m_offersT0 += atr.offers(0) ? 1 : 0;
                m_offersT1 += atr.offers(1) ? 1 : 0;
                m_offersOther += other ? 1 : 0;
            } else {
                ++m_malformedByReason[outcome.reason];
            }
            m_outcomes.push_back(std::move(outcome));
        }
    }

private slots:
    void initTestCase()
    {
        // A missing list fails, it does not skip: pcsc-tools is a declared
        // dependency of the test suite.
        QFile file(listPath());
        QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text),
                 qPrintable("cannot read " + listPath() + " (install pcsc-tools)"));
        load(file);
        tally();

        QString reasons;
        for (const auto& [reason, count] : m_malformedByReason)
            reasons += QStringLiteral("%1%2 %3")
                           .arg(reasons.isEmpty() ? "" : ", ")
                           .arg(count)
                           .arg(QString::fromStdString(reason));
        qInfo().noquote() << QStringLiteral("smartcard_list: %1 concrete ATRs (%2 wildcard entries "
                                            "skipped, %3 unreadable); %4 well-formed, %5 malformed "
                                            "(%6); with TCK %7, TCK ok %8, TCK bad %9; offering "
                                            "T=0 %10, T=1 %11, other %12")
                                 .arg(m_entries.size())
                                 .arg(m_skippedWildcards)
                                 .arg(m_unreadable)
                                 .arg(m_wellFormed)
                                 .arg(int(m_entries.size()) - m_wellFormed)
                                 .arg(reasons)
                                 .arg(m_withTck)
                                 .arg(m_tckOk)
                                 .arg(m_withTck - m_tckOk)
                                 .arg(m_offersT0)
                                 .arg(m_offersT1)
                                 .arg(m_offersOther);
    }

    void holdsManyConcreteAtrs()
    {
        QVERIFY2(m_entries.size() > 1000, qPrintable(QString::number(m_entries.size())));
    }

    // Measured with pcsc-tools 1.6.2 (Debian 12): 3,728 of 3,803 (98%) are
    // well-formed; the 75 others carry a stray byte, lack their TCK or lost
    // bytes in transcription. A parser misreading the TDi chain would reject
    // far more than 10%.
    void mostAreWellFormed()
    {
        QVERIFY2(m_wellFormed * 100 >= int(m_entries.size()) * 90,
                 qPrintable(QString("%1 of %2").arg(m_wellFormed).arg(m_entries.size())));
    }

    void malformedHaveKnownReasons()
    {
        static const std::set<std::string> known = {"empty",       "bad TS",      "truncated",
                                                    "missing TCK", "extra bytes", "too long"};
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            if (!m_outcomes[i].atr) {
                QVERIFY2(known.count(m_outcomes[i].reason),
                         qPrintable(m_entries[i].text + ": " +
                                    QString::fromStdString(m_outcomes[i].message)));
            }
        }
    }

    void wellFormedOfferProtocols()
    {
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            const auto& atr = m_outcomes[i].atr;
            if (!atr)
                continue;
            const auto protocols = atr->protocols();
            QVERIFY2(!protocols.empty(), qPrintable(m_entries[i].text));
            for (int t : protocols)
                QVERIFY2(t >= 0 && t < 15, qPrintable(m_entries[i].text));
            // TCK is present exactly when some T other than 0 is indicated (8.2.5).
            const auto types = atr->indicatedTypes();
            const bool nonZero = std::any_of(types.begin(), types.end(), [](int t) { return t; });
            QCOMPARE(atr->tckPresent(), nonZero);
            QCOMPARE(atr->raw(), m_entries[i].bytes);
            QVERIFY(atr->describe().starts_with("ATR: " + m_entries[i].text.toStdString() + "\n"));
        }
    }

    // Measured with pcsc-tools 1.6.2: 1,877 of 1,894 TCKs verify (99.1%); the
    // 17 others look like transcription slips or non-compliant cards. A wrong
    // checksum range or a misplaced TCK would match only by chance (about 1 in
    // 256), so 95% leaves room for new list versions and still catches such bugs.
    void tckMostlyVerifies()
    {
        QVERIFY(m_withTck > 500);
        QVERIFY2(m_tckOk * 100 >= m_withTck * 95,
                 qPrintable(QString("%1 of %2").arg(m_tckOk).arg(m_withTck)));
    }

    // Well-known entries, found in the list by their ATR and description.
    void knownEntries_data()
    {
        QTest::addColumn<QString>("atr");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("reason"); // empty when well-formed
        QTest::addColumn<QList<int>>("protocols");
        QTest::addColumn<int>("fi");
        QTest::addColumn<int>("di");
        QTest::addColumn<int>("historicalCount");
        QTest::addColumn<bool>("tckPresent");

        QTest::addRow("yubikey4") << "3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4"
                                  << "Yubikey 4"
                                  << "" << QList<int>{1} << 372 << 4 << 8 << true;
        QTest::addRow("openpgp-v2")
            << "3B DA 18 FF 81 B1 FE 75 1F 03 00 31 C5 73 C0 01 40 00 90 00 0C"
            << "OpenPGP Card V2"
            << "" << QList<int>{1} << 372 << 12 << 10 << true;
        QTest::addRow("mifare-1k") << "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A"
                                   << "MIFARE Classic 1K"
                                   << "" << QList<int>{0, 1} << 372 << 1 << 15 << true;
        QTest::addRow("multiflex-3k") << "3B 02 14 50"
                                      << "Schlumberger Multiflex 3k"
                                      << "" << QList<int>{0} << 372 << 1 << 2 << false;
        QTest::addRow("gemsafexpresso") << "3B 7D 94 00 00 80 31 80 65 B0 83 01 01 90 83 00 90 00"
                                        << "GemSafeXpresso 16k"
                                        << "" << QList<int>{0} << 512 << 8 << 13 << false;
        QTest::addRow("sim-inverse") << "3F 2F 00 36 AF 69 02 04 01 80 00 00 0A 0E 83 3E 9F 16"
                                     << "SIM Card GSM"
                                     << "" << QList<int>{0} << 372 << 1 << 15 << false;
        // Listed with a byte too many for an ATR that indicates only T=0.
        QTest::addRow("extra-byte") << "3B 02 14 50 11"
                                    << ""
                                    << "extra bytes" << QList<int>{} << 0 << 0 << 0 << false;
    }
    void knownEntries()
    {
        QFETCH(QString, atr);
        QFETCH(QString, description);
        QFETCH(QString, reason);
        QFETCH(QList<int>, protocols);
        QFETCH(int, fi);
        QFETCH(int, di);
        QFETCH(int, historicalCount);
        QFETCH(bool, tckPresent);

        const Entry* entry = find(atr);
        QVERIFY2(entry, qPrintable(atr + " is not in the list"));
        QVERIFY2(entry->description.contains(description), qPrintable(entry->description));
        const Outcome outcome = parseEntry(*entry);
        if (!reason.isEmpty()) {
            QVERIFY(!outcome.atr);
            QCOMPARE(QString::fromStdString(outcome.reason), reason);
            return;
        }
        QVERIFY2(outcome.atr, outcome.message.c_str());
        const Atr& a = *outcome.atr;
        const auto offered = a.protocols();
        QCOMPARE(QList<int>(offered.begin(), offered.end()), protocols);
        QCOMPARE(a.fi().value_or(-1), fi);
        QCOMPARE(a.di().value_or(-1), di);
        QCOMPARE(int(a.historicalBytes().size()), historicalCount);
        QCOMPARE(a.tckPresent(), tckPresent);
        if (tckPresent)
            QVERIFY(a.tckValid());
    }
};

QTEST_GUILESS_MAIN(TestAtrCorpus)
#include "tst_atr_corpus.moc"
