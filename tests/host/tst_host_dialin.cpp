// The dial-in listener: plain TCP from the modem pool, where every request
// must carry the AES-CMAC message MAC under the terminal's DUKPT MAC key
// (field 53 KSN, field 64 MAC; docs/dukpt.md). The terminal keys come from
// the bundle add-terminal wrote (initial key + initial KSN).
#include "HostTestEnvironment.h"
#include "dukpt/DukptTerminal.h"
#include "dukpt/KeyDerivation.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"
#include "online/MessageMac.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

using namespace cardlink;
using namespace cardlink::test;
namespace f = iso8583::field;

class TestHostDialIn : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HostDirectory> m_dir;
    std::unique_ptr<HostProcess> m_host;
    std::unique_ptr<dukpt::DukptTerminal> m_keys;
    unsigned m_stan = 1;

    // Framed request over a fresh TCP link; the framed answer or nullopt on close.
    std::optional<Bytes> exchange(const Bytes& request)
    {
        QTcpSocket socket;
        socket.connectToHost("127.0.0.1", m_host->dialInPort());
        if (!socket.waitForConnected(3000))
            return std::nullopt;
        QByteArray framed;
        framed.append(static_cast<char>(request.size() >> 8));
        framed.append(static_cast<char>(request.size() & 0xFF));
        framed.append(reinterpret_cast<const char*>(request.data()),
                      static_cast<qsizetype>(request.size()));
        socket.write(framed);
        QByteArray buffer;
        while (socket.waitForReadyRead(3000)) {
            buffer.append(socket.readAll());
            if (buffer.size() >= 2) {
                const int length =
                    (static_cast<quint8>(buffer[0]) << 8) | static_cast<quint8>(buffer[1]);
                if (buffer.size() >= 2 + length)
                    return Bytes(buffer.begin() + 2, buffer.begin() + 2 + length);
            }
        }
        return std::nullopt;
    }

private slots:
    void initTestCase()
    {
        m_dir = std::make_unique<HostDirectory>(std::vector<std::string>{"TERM0001", "TERM0002"});
        QVERIFY(m_dir->ok());
        m_dir->enableDialIn();
        m_host = std::make_unique<HostProcess>(*m_dir);
        QVERIFY2(m_host->start(), qPrintable(m_host->log()));
        QVERIFY(m_host->dialInPort() != 0);
        QFile file(m_dir->bundle("TERM0001"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject dukptKeys =
            QJsonDocument::fromJson(file.readAll()).object()["dukpt"].toObject();
        auto initialKey = fromHex(dukptKeys["initialKey"].toString().toStdString());
        auto ksn =
            dukpt::KeySerialNumber::fromHex(dukptKeys["initialKsn"].toString().toStdString());
        QVERIFY(initialKey.ok() && ksn.ok());
        auto terminal = dukpt::DukptTerminal::load(*initialKey, ksn->initialKeyId());
        QVERIFY(terminal.ok());
        m_keys = std::make_unique<dukpt::DukptTerminal>(std::move(*terminal));
    }

    void cleanupTestCase() { QCOMPARE(m_host->stop(), 0); }

    void macIsMandatory_data()
    {
        QTest::addColumn<QString>("mac");
        QTest::addColumn<QString>("terminal");
        QTest::addColumn<bool>("answered");
        QTest::addRow("valid-mac") << "valid"
                                   << "TERM0001" << true;
        QTest::addRow("no-mac") << "none"
                                << "TERM0001" << false;
        QTest::addRow("wrong-mac") << "wrong"
                                   << "TERM0001" << false;
        // TERM0001's own keys and a valid MAC, but in TERM0002's name: the
        // KSN's initial key ID is not TERM0002's, so the link is closed.
        QTest::addRow("other-terminals-name") << "valid"
                                              << "TERM0002" << false;
    }
    void macIsMandatory()
    {
        QFETCH(QString, mac);
        QFETCH(QString, terminal);
        QFETCH(bool, answered);
        auto transaction = m_keys->nextTransaction();
        QVERIFY(transaction.ok());
        auto keys = dukpt::KeyDerivation::workingKeys(transaction->key.view(), transaction->ksn);
        QVERIFY(keys.ok());
        iso8583::Message request("0800");
        char stan[8];
        std::snprintf(stan, sizeof stan, "%06u", m_stan++);
        request.set(f::kTransmissionDateTime, "1202010000");
        request.set(f::kStan, stan);
        request.set(f::kTerminalId, terminal.toStdString());
        request.set(f::kNetworkManagementCode, "301");
        request.set(f::kKeySerialNumber, transaction->ksn.toBytes());
        if (mac != "none")
            QVERIFY(online::MessageMac::apply(request, keys->macGeneration.view()).ok());
        if (mac == "wrong")
            (*const_cast<Bytes*>(request.bytes(online::MessageMac::macField(request))))[0] ^= 0x01;
        auto bytes = iso8583::MessageCodec(iso8583::cardLinkProfile()).encode(request);
        QVERIFY2(bytes.ok(), bytes.ok() ? "" : bytes.error().describe().c_str());
        auto response = exchange(*bytes);
        QCOMPARE(response.has_value(), answered);
        if (!answered)
            return;
        QCOMPARE(responseCodeOf(*response), std::string("00"));
        // The answer is MACed under the MAC verification key of the same KSN.
        auto decoded = iso8583::MessageCodec(iso8583::cardLinkProfile()).decode(*response);
        QVERIFY(decoded.ok());
        auto check = online::MessageMac::verify(*decoded, keys->macVerification.view());
        QVERIFY(check.ok());
        QCOMPARE(*check, online::MacCheck::Valid);
    }
};

QTEST_GUILESS_MAIN(TestHostDialIn)
#include "tst_host_dialin.moc"
