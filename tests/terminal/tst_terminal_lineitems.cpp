// LineItems: the checkout's optional line items (QAbstractItemModelTester),
// what each bad input is refused with, the total in minor units and its
// limit; with the CheckoutController: the items' total is the amount the
// kernel gets, the keypad leaves it alone, and the receipt lists the items.
#include "CheckoutController.h"
#include "LineItems.h"
#include "ReaderStatus.h"
#include "terminal/ScriptedRunner.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cardlink;
using namespace cardlink::terminal;

class TestLineItems : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_items = std::make_unique<LineItems>();
        m_items->setCurrency(QStringLiteral("GBP"));
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_items.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_items.reset();
    }

    void addAndTotal()
    {
        QSignalSpy changed(m_items.get(), &LineItems::changed);
        QVERIFY(
            m_items->add(QStringLiteral("Coffee"), QStringLiteral("2"), QStringLiteral("2.50")));
        QVERIFY(m_items->add(QStringLiteral("  Cake  slice "), QStringLiteral("1"),
                             QStringLiteral("3,2")));
        QVERIFY(m_items->add(QStringLiteral("Water"), QStringLiteral("3"), QStringLiteral("1")));
        QCOMPARE(changed.count(), 3);
        QCOMPARE(m_items->count(), 3);
        QCOMPARE(m_items->total(), qint64{500 + 320 + 300});
        QCOMPARE(m_items->totalText(), QStringLiteral("11.20 GBP"));
        QCOMPARE(m_items->error(), QString());
        const QModelIndex cake = m_items->index(1);
        QCOMPARE(cake.data(LineItems::DescriptionRole).toString(), QStringLiteral("Cake slice"));
        QCOMPARE(cake.data(LineItems::UnitPriceRole).toLongLong(), qint64{320});
        QCOMPARE(cake.data(LineItems::UnitPriceTextRole).toString(), QStringLiteral("3.20"));
        QCOMPARE(m_items->index(0).data(LineItems::LineTotalTextRole).toString(),
                 QStringLiteral("5.00"));
        QCOMPARE(m_items->summary().constFirst(), QStringLiteral("2 × Coffee @ 2.50 = 5.00"));

        m_items->remove(1);
        QCOMPARE(m_items->total(), qint64{800});
        m_items->remove(7); // out of range: nothing
        QCOMPARE(m_items->count(), 2);
        m_items->clear();
        QCOMPARE(m_items->count(), 0);
        QCOMPARE(m_items->total(), qint64{0});
    }

    void refused_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("quantity");
        QTest::addColumn<QString>("price");
        QTest::addColumn<QString>("message");
        QTest::addRow("empty-description") << "  "
                                           << "1"
                                           << "2.50"
                                           << "description";
        QTest::addRow("zero-quantity") << "Tea"
                                       << "0"
                                       << "2.50"
                                       << "at least 1";
        QTest::addRow("negative-quantity") << "Tea"
                                           << "-2"
                                           << "2.50"
                                           << "at least 1";
        QTest::addRow("fractional-quantity") << "Tea"
                                             << "1.5"
                                             << "2.50"
                                             << "at least 1";
        QTest::addRow("huge-quantity") << "Tea"
                                       << "10000"
                                       << "2.50"
                                       << "at most 9999";
        QTest::addRow("negative-price") << "Tea"
                                        << "1"
                                        << "-2.50"
                                        << "such as 2.50";
        QTest::addRow("three-decimals") << "Tea"
                                        << "1"
                                        << "2.505"
                                        << "such as 2.50";
        QTest::addRow("not-a-number") << "Tea"
                                      << "1"
                                      << "two"
                                      << "such as 2.50";
        QTest::addRow("zero-price") << "Tea"
                                    << "1"
                                    << "0.00"
                                    << "more than zero";
        QTest::addRow("line-over-limit") << "Tea"
                                         << "9999"
                                         << "100000.00"
                                         << "most one sale";
        QTest::addRow("price-beyond-int64") << "Tea"
                                            << "1"
                                            << "99999999999999999999"
                                            << "most one sale";
        QTest::addRow("too-long") << QString(41, QLatin1Char('x')) << "1"
                                  << "1"
                                  << "at most 40";
        QTest::addRow("control-character") << "Tea\x01"
                                           << "1"
                                           << "1"
                                           << "cannot be printed";
    }
    void refused()
    {
        QFETCH(QString, description);
        QFETCH(QString, quantity);
        QFETCH(QString, price);
        QFETCH(QString, message);
        QVERIFY(m_items->add(QStringLiteral("Bread"), QStringLiteral("1"), QStringLiteral("1.00")));
        QSignalSpy errors(m_items.get(), &LineItems::errorChanged);
        QVERIFY(!m_items->add(description, quantity, price));
        QVERIFY2(m_items->error().contains(message), qPrintable(m_items->error()));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(m_items->count(), 1);
        QCOMPARE(m_items->total(), qint64{100});
        // The next good item clears the message.
        QVERIFY(m_items->add(QStringLiteral("Milk"), QStringLiteral("1"), QStringLiteral("0.99")));
        QCOMPARE(m_items->error(), QString());
    }

    // The sum of lines that each fit must still fit one sale.
    void totalOverflow()
    {
        QVERIFY(
            m_items->add(QStringLiteral("Car"), QStringLiteral("1"), QStringLiteral("9999999.00")));
        QCOMPARE(m_items->total(), qint64{999999900});
        QVERIFY(m_items->add(QStringLiteral("Mat"), QStringLiteral("1"), QStringLiteral("0.99")));
        QCOMPARE(m_items->total(), LineItems::kMaxTotal);
        QVERIFY(!m_items->add(QStringLiteral("Pen"), QStringLiteral("1"), QStringLiteral("0.01")));
        QVERIFY2(m_items->error().contains(QStringLiteral("9999999.99")),
                 qPrintable(m_items->error()));
        QCOMPARE(m_items->total(), LineItems::kMaxTotal);
    }

    void itemLimit()
    {
        for (int i = 0; i < LineItems::kMaxItems; ++i)
            QVERIFY(
                m_items->add(QStringLiteral("Nail"), QStringLiteral("1"), QStringLiteral("0.10")));
        QVERIFY(!m_items->add(QStringLiteral("Nail"), QStringLiteral("1"), QStringLiteral("0.10")));
        QVERIFY(m_items->error().contains(QStringLiteral("at most 50")));
    }

    void parseAmount_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("exponent");
        QTest::addColumn<qint64>("minor");
        QTest::addRow("whole") << "3" << 2 << qint64{300};
        QTest::addRow("one-decimal") << "3.5" << 2 << qint64{350};
        QTest::addRow("comma") << "3,05" << 2 << qint64{305};
        QTest::addRow("leading-dot") << ".5" << 2 << qint64{50};
        QTest::addRow("no-decimals-currency") << "1200" << 0 << qint64{1200};
        QTest::addRow("no-decimals-refuses-dot") << "12.0" << 0 << qint64{-1};
        QTest::addRow("two-separators") << "1.2.3" << 2 << qint64{-1};
        QTest::addRow("sign") << "+1" << 2 << qint64{-1};
        QTest::addRow("empty") << "" << 2 << qint64{-1};
        QTest::addRow("only-dot") << "." << 2 << qint64{-1};
    }
    void parseAmount()
    {
        QFETCH(QString, text);
        QFETCH(int, exponent);
        QFETCH(qint64, minor);
        QCOMPARE(LineItems::parseAmount(text, exponent), minor);
    }

    // The items' total is the amount; the keypad leaves it alone; clearing
    // the items goes back to typing; the receipt has a line per item.
    void checkoutUsesItems()
    {
        ReaderStatus readers;
        readers.setReaders({QStringLiteral("Virtual PCD 00 00")});
        test::ScriptedRunner runner;
        emv::TerminalConfig config;
        CheckoutController checkout(readers, runner, config);
        LineItems* items = checkout.items();
        QAbstractItemModelTester tester(items,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        checkout.amount()->press(QStringLiteral("9"));
        QVERIFY(items->add(QStringLiteral("Coffee"), QStringLiteral("2"), QStringLiteral("2.50")));
        QVERIFY(items->add(QStringLiteral("Cake"), QStringLiteral("1"), QStringLiteral("3.20")));
        QVERIFY(checkout.amount()->isFixed());
        QCOMPARE(checkout.amount()->minorUnits(), qint64{820});
        checkout.amount()->press(QStringLiteral("5"));
        QVERIFY(checkout.amount()->handleKey(Qt::Key_Backspace));
        QCOMPARE(checkout.amount()->minorUnits(), qint64{820});

        checkout.startPayment();
        QCOMPARE(checkout.state(), CheckoutController::State::InsertCard);
        readers.setCardInserted(QStringLiteral("Virtual PCD 00 00"), QByteArray::fromHex("3B00"));
        QTRY_COMPARE(checkout.state(), CheckoutController::State::Result);
        QCOMPARE(runner.amount(), std::uint64_t(820));
        const QString text = checkout.receipt()->plainText(Receipt::Copy::Customer);
        QVERIFY2(text.contains(QStringLiteral("2 × Coffee @ 2.50: 5.00\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1 × Cake @ 3.20: 3.20\n")), qPrintable(text));
        QVERIFY2(text.indexOf(QStringLiteral("Cake")) <
                     text.indexOf(QStringLiteral("Amount: 8.20")),
                 qPrintable(text));

        checkout.newSale();
        QCOMPARE(items->count(), 0);
        QVERIFY(!checkout.amount()->isFixed());
        QCOMPARE(checkout.amount()->minorUnits(), qint64{0});
        checkout.amount()->press(QStringLiteral("7"));
        QCOMPARE(checkout.amount()->minorUnits(), qint64{7});
        QVERIFY(items->add(QStringLiteral("Tea"), QStringLiteral("1"), QStringLiteral("1")));
        checkout.clearAmount();
        QCOMPARE(items->count(), 0);
        QCOMPARE(checkout.amount()->minorUnits(), qint64{0});
    }

private:
    std::unique_ptr<LineItems> m_items;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestLineItems)
#include "tst_terminal_lineitems.moc"
