// The PC/SC adapter's pure parts, without pcscd: every return code maps to
// the ErrorCode callers act on, with pcsc-lite's text and the code in hex;
// and the reader-name multi-string splits as PC/SC defines it.
#include "MultiString.h"
#include "PcscError.h"

#include <QTest>

#include <cstdio>

using namespace cardlink;
using namespace cardlink::pcsc;

Q_DECLARE_METATYPE(cardlink::ErrorCode)

namespace {
// A string literal with its embedded NULs, without the compiler's final one.
template <std::size_t N> QByteArray raw(const char (&text)[N])
{
    return QByteArray(text, N - 1);
}
} // namespace

class TestPcscErrors : public QObject
{
    Q_OBJECT

private slots:
    void mapsReturnCodes_data()
    {
        QTest::addColumn<qint64>("rv");
        QTest::addColumn<ErrorCode>("code");
        QTest::addRow("no-service") << qint64(SCARD_E_NO_SERVICE) << ErrorCode::NoService;
        QTest::addRow("service-stopped") << qint64(SCARD_E_SERVICE_STOPPED) << ErrorCode::NoService;
        QTest::addRow("no-readers") << qint64(SCARD_E_NO_READERS_AVAILABLE) << ErrorCode::NoReaders;
        QTest::addRow("removed-card") << qint64(SCARD_W_REMOVED_CARD) << ErrorCode::CardRemoved;
        QTest::addRow("no-smartcard") << qint64(SCARD_E_NO_SMARTCARD) << ErrorCode::CardRemoved;
        QTest::addRow("timeout") << qint64(SCARD_E_TIMEOUT) << ErrorCode::Timeout;
        QTest::addRow("cancelled") << qint64(SCARD_E_CANCELLED) << ErrorCode::Cancelled;
        QTest::addRow("unknown-reader") << qint64(SCARD_E_UNKNOWN_READER) << ErrorCode::NotFound;
        QTest::addRow("sharing-violation") << qint64(SCARD_E_SHARING_VIOLATION) << ErrorCode::Io;
        QTest::addRow("unresponsive") << qint64(SCARD_W_UNRESPONSIVE_CARD) << ErrorCode::Io;
        QTest::addRow("reset-card") << qint64(SCARD_W_RESET_CARD) << ErrorCode::Io;
        QTest::addRow("comm-error") << qint64(SCARD_F_COMM_ERROR) << ErrorCode::Io;
        QTest::addRow("proto-mismatch") << qint64(SCARD_E_PROTO_MISMATCH) << ErrorCode::Unsupported;
        QTest::addRow("invalid-handle")
            << qint64(SCARD_E_INVALID_HANDLE) << ErrorCode::InvalidArgument;
        QTest::addRow("no-memory") << qint64(SCARD_E_NO_MEMORY) << ErrorCode::Internal;
        QTest::addRow("unlisted") << qint64(0x801000FF) << ErrorCode::Io;
    }
    void mapsReturnCodes()
    {
        QFETCH(qint64, rv);
        QFETCH(ErrorCode, code);
        const LONG value = static_cast<LONG>(rv);
        QCOMPARE(pcscErrorCode(value), code);

        const Error error = pcscError(value, "SCardTransmit");
        QCOMPARE(error.code, code);
        char hex[16];
        std::snprintf(hex, sizeof hex, "0x%08lX", static_cast<unsigned long>(rv) & 0xFFFFFFFFul);
        QVERIFY2(error.message.rfind("SCardTransmit: ", 0) == 0, error.message.c_str());
        QVERIFY2(error.message.find(hex) != std::string::npos, error.message.c_str());
        if (code == ErrorCode::NoService)
            QVERIFY(error.message.find("the PC/SC service (pcscd) is not running") !=
                    std::string::npos);
        else
            QVERIFY(error.message.find(pcsc_stringify_error(value)) != std::string::npos);
    }

    void splitsMultiStrings_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("strings");
        QTest::addRow("two") << raw("Reader A\0Reader B\0\0")
                             << QStringList{"Reader A", "Reader B"};
        QTest::addRow("one") << raw("Reader A\0\0") << QStringList{"Reader A"};
        QTest::addRow("empty-list") << raw("\0") << QStringList{};
        QTest::addRow("nothing") << QByteArray() << QStringList{};
        QTest::addRow("unterminated") << raw("Reader A\0Read") << QStringList{"Reader A", "Read"};
        QTest::addRow("stops-at-empty") << raw("A\0\0B\0\0") << QStringList{"A"};
    }
    void splitsMultiStrings()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, strings);
        const auto split =
            splitMultiString(input.constData(), static_cast<std::size_t>(input.size()));
        QStringList got;
        for (const auto& s : split)
            got << QString::fromStdString(s);
        QCOMPARE(got, strings);
    }
};

QTEST_GUILESS_MAIN(TestPcscErrors)
#include "tst_pcsc_errors.moc"
