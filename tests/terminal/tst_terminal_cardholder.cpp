// QtCardholder: the kernel's worker thread blocks on each question until the
// UI thread answers; cancel() releases it at once and answers every later
// question "cancelled" until reset().
#include "QtCardholder.h"

#include <QSignalSpy>
#include <QTest>

#include <future>

using namespace cardlink;
using cardlink::terminal::QtCardholder;

namespace {
const std::vector<emv::ApplicationChoice> kChoices = {{{0xA0, 0x01}, "ONE", 1, false},
                                                      {{0xA0, 0x02}, "TWO", 2, false}};
} // namespace

class TestQtCardholder : public QObject
{
    Q_OBJECT

private slots:
    void applicationChoice_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addColumn<int>("expected"); // -1: nullopt
        QTest::addRow("first") << 0 << 0;
        QTest::addRow("second") << 1 << 1;
        QTest::addRow("negative-cancels") << -1 << -1;
        QTest::addRow("out-of-range-cancels") << 5 << -1;
    }
    void applicationChoice()
    {
        QFETCH(int, answer);
        QFETCH(int, expected);
        QtCardholder cardholder;
        QSignalSpy asked(&cardholder, &QtCardholder::applicationChoiceRequested);
        auto result =
            std::async(std::launch::async, [&] { return cardholder.chooseApplication(kChoices); });
        QTRY_COMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(0).toStringList(), QStringList({"ONE", "TWO"}));
        QCOMPARE(result.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
        cardholder.answerApplication(answer);
        const auto chosen = result.get();
        QCOMPARE(chosen.has_value(), expected >= 0);
        if (chosen)
            QCOMPARE(int(*chosen), expected);
    }

    void pinIsMovedToTheKernel()
    {
        QtCardholder cardholder;
        QSignalSpy asked(&cardholder, &QtCardholder::pinRequested);
        emv::PinRequest request;
        request.triesLeft = 2;
        auto result = std::async(std::launch::async, [&] { return cardholder.enterPin(request); });
        QTRY_COMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(0).toInt(), 2);
        const std::string digits = "2468";
        emv::PinEntry entry{
            emv::PinEntryStatus::Entered,
            pin::SecretBytes(ByteView(reinterpret_cast<const std::uint8_t*>(digits.data()), 4))};
        cardholder.answerPin(std::move(entry));
        const auto got = result.get();
        QCOMPARE(got.status, emv::PinEntryStatus::Entered);
        QVERIFY(got.digits.equals(
            ByteView(reinterpret_cast<const std::uint8_t*>(digits.data()), digits.size())));
    }

    void confirmation_data()
    {
        QTest::addColumn<bool>("yes");
        QTest::addRow("yes") << true;
        QTest::addRow("no") << false;
    }
    void confirmation()
    {
        QFETCH(bool, yes);
        QtCardholder cardholder;
        QSignalSpy asked(&cardholder, &QtCardholder::amountConfirmationRequested);
        auto result =
            std::async(std::launch::async, [&] { return cardholder.confirmAmount(1500, "EUR"); });
        QTRY_COMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(0).toLongLong(), 1500);
        cardholder.answerConfirmation(yes);
        QCOMPARE(result.get(), yes);
    }

    void cancelReleasesAndSticks()
    {
        QtCardholder cardholder;
        QSignalSpy asked(&cardholder, &QtCardholder::pinRequested);
        auto result =
            std::async(std::launch::async, [&] { return cardholder.enterPin(emv::PinRequest{}); });
        QTRY_COMPARE(asked.size(), 1);
        cardholder.cancel();
        QCOMPARE(result.wait_for(std::chrono::seconds(5)), std::future_status::ready);
        QCOMPARE(result.get().status, emv::PinEntryStatus::Cancelled);
        // Later questions answer at once, without asking the UI.
        QVERIFY(!cardholder.chooseApplication(kChoices).has_value());
        QVERIFY(!cardholder.confirmAmount(1, "EUR"));
        QCOMPARE(asked.size(), 1);
        cardholder.reset();
        QVERIFY(!cardholder.isCancelled());
    }

    void answerWithoutQuestionIgnored()
    {
        QtCardholder cardholder;
        cardholder.answerApplication(0);
        cardholder.answerConfirmation(true);
        QSignalSpy asked(&cardholder, &QtCardholder::applicationConfirmationRequested);
        auto result = std::async(std::launch::async,
                                 [&] { return cardholder.confirmApplication(kChoices[0]); });
        QTRY_COMPARE(asked.size(), 1);
        QCOMPARE(result.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
        cardholder.answerConfirmation(false);
        QCOMPARE(result.get(), false);
    }
};

QTEST_GUILESS_MAIN(TestQtCardholder)
#include "tst_terminal_cardholder.moc"
