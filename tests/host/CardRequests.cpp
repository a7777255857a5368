#include "CardRequests.h"

#include "HostTestBench.h"

namespace cardlink::test {

CardRequests::CardRequests() : m_bench(std::make_unique<HostBench>()) {}

CardRequests::~CardRequests() = default;

std::string CardRequests::addCard(unsigned serial, host::SqliteHostStore& store, host::Money limit,
                                  bool registerAtHost)
{
    const std::string pan =
        m_bench->addCard(sim::emv::CardKind::NoCvm, serial, 0, {}, /*registerAtHost=*/false);
    if (!registerAtHost)
        return pan;
    const auto& perso = *hostbench::Pki::instance().personalizer;
    auto done = store.administer([&](host::SqliteDatabase& db) -> Result<void> {
        if (!m_keysRegistered) {
            for (auto algorithm : {crypto::CipherAlgorithm::Des, crypto::CipherAlgorithm::Aes}) {
                const Bytes& key = perso.issuerMasterKey(algorithm);
                auto insert = db.prepare("INSERT OR IGNORE INTO issuer_keys (id, algorithm, ac, "
                                         "smi, smc) VALUES (?, ?, ?, ?, ?)");
                if (!insert)
                    return insert.error();
                insert->bind(1, HostBench::keysId(algorithm))
                    .bind(2,
                          std::string(algorithm == crypto::CipherAlgorithm::Des ? "3DES" : "AES"))
                    .bind(3, key)
                    .bind(4, key)
                    .bind(5, key);
                if (auto ok = insert->run(); !ok)
                    return ok;
            }
        }
        const std::string account = "card:test-" + std::to_string(serial);
        auto insertAccount = db.prepare("INSERT INTO accounts (id, kind, currency, credit_limit) "
                                        "VALUES (?, 'cardholder', '826', ?)");
        if (!insertAccount)
            return insertAccount.error();
        if (auto ok = insertAccount->bind(1, account).bind(2, limit).run(); !ok)
            return ok;
        auto insertCard = db.prepare(
            "INSERT INTO cards (pan, psn, expiry, kind, status, issuer_keys_id, account_id, "
            "pin_verification_value) VALUES (?, 1, '3012', 'no-cvm', 'active', ?, ?, ?)");
        if (!insertCard)
            return insertCard.error();
        return insertCard->bind(1, pan)
            .bind(2, HostBench::keysId(crypto::CipherAlgorithm::Des))
            .bind(3, account)
            .bind(4, Bytes{})
            .run();
    });
    if (!done)
        qFatal("register card: %s", done.error().describe().c_str());
    m_keysRegistered = true;
    return pan;
}

Bytes CardRequests::purchase(const std::string& pan, std::uint64_t amount,
                             const std::string& terminalId, const std::string& merchantId)
{
    iso8583::Message request = m_bench->capture(pan, amount);
    request.set(iso8583::field::kTerminalId, terminalId);
    request.set(iso8583::field::kMerchantId, merchantId);
    return m_bench->encode(request);
}

} // namespace cardlink::test
