#include "AddTerminalCommand.h"

#include "AdminRunner.h"
#include "CertificateAuthority.h"
#include "HostFiles.h"
#include "dukpt/KeyDerivation.h"
#include "dukpt/KeySerialNumber.h"

#include <nlohmann/json.hpp>
#include <openssl/rand.h>

#include <algorithm>
#include <cctype>

namespace cardlink::host {

namespace {
constexpr int kClientCertificateDays = 825;

bool validTerminalId(const std::string& id)
{
    // ISO 8583 field 41: ans 8.
    return id.size() == 8 &&
           std::all_of(id.begin(), id.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

std::string lowerHex(std::string hex)
{
    std::transform(hex.begin(), hex.end(), hex.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return hex;
}

struct Issued
{
    std::string certificatePem;
    std::string keyPem;
    std::string fingerprint;
};

Result<Issued> issueClientCertificate(const HostContext& host, const std::string& terminalId)
{
    const HostFiles files(host.config.file.parent_path());
    auto caKey = readSecretFile(files.caKey());
    auto caCertificate = readTextFile(host.config.clientCa);
    if (!caKey)
        return caKey.error(); // missing, or readable by others
    if (!caCertificate)
        return makeError(ErrorCode::NotFound, "the terminal CA certificate (ca.crt) is missing");
    auto ca = CertificateAuthority::load(*caKey, *caCertificate);
    secureWipe(caKey->data(), caKey->size());
    if (!ca)
        return ca.error();
    auto key = PkiKey::generate();
    if (!key)
        return key.error();
    CertificateRequest request;
    request.commonName = terminalId;
    request.purpose = CertificatePurpose::Client;
    request.days = kClientCertificateDays;
    auto certificate = ca->issue(request, *key);
    if (!certificate)
        return certificate.error();
    auto pem = certificate->pem();
    auto keyPem = key->privatePem();
    auto fingerprint = certificate->sha256();
    if (!pem || !keyPem || !fingerprint)
        return makeError(ErrorCode::Internal, "certificate encoding failed");
    return Issued{*pem, *keyPem, lowerHex(*fingerprint)};
}
} // namespace

const char* AddTerminalCommand::usage()
{
    return "usage: cardlink-host add-terminal --dir DIR --id TID --merchant MID [--mac-required]\n"
           "                                  [--out FILE]\n"
           "TID is field 41 (8 characters). Issues the terminal's TLS client certificate\n"
           "(ECDSA P-256, signed by the terminal CA) and its AES DUKPT initial key, and writes\n"
           "the terminal bundle (JSON, 0600; default DIR/terminals/TID.json): host address and\n"
           "ports, terminal and merchant id, client certificate and key, CA certificate,\n"
           "initial key and initial KSN. Hand it to the terminal over a trusted channel.\n";
}

int AddTerminalCommand::run(const std::vector<std::string>& arguments, std::FILE* out,
                            std::FILE* err)
{
    return AdminRunner::run(
        "add-terminal", usage(), arguments, {"--id", "--merchant", "--out"}, {"--mac-required"},
        out, err, [out](HostContext& host, const CommandArguments& args) -> Result<int> {
            const std::string id = args.value("--id");
            if (!validTerminalId(id) || !args.has("--merchant"))
                return makeError(ErrorCode::InvalidArgument,
                                 "--id must be 8 printable characters; --merchant is required");
            auto merchantField = merchantIdField(args.value("--merchant"), "--merchant");
            if (!merchantField)
                return merchantField.error();
            const std::string& merchantId = *merchantField;
            auto merchant = host.store->findMerchant(merchantId);
            if (!merchant)
                return merchant.error();
            if (!*merchant)
                return makeError(ErrorCode::NotFound, "no merchant '" + merchantId + "'");
            if (host.config.baseDerivationKeyFiles.empty())
                return makeError(ErrorCode::NotFound, "host.json names no DUKPT BDK");
            const auto& [bdkId, bdkFile] = *host.config.baseDerivationKeyFiles.begin();
            auto bdk = readKeyFile(bdkFile);
            if (!bdk)
                return bdk.error();
            // X9.24-3-2017: initial key ID = BDK ID (4 bytes) || derivation ID (4 bytes).
            auto bdkIdBytes = fromHex(bdkId);
            Bytes initialKeyId = bdkIdBytes ? *bdkIdBytes : Bytes{};
            initialKeyId.resize(dukpt::KeySerialNumber::kInitialKeyIdSize - 4);
            Bytes derivationId(4);
            if (!bdkIdBytes || bdkIdBytes->size() != 4 || RAND_bytes(derivationId.data(), 4) != 1)
                return makeError(ErrorCode::Internal, "bad BDK id or no random bytes");
            initialKeyId.insert(initialKeyId.end(), derivationId.begin(), derivationId.end());
            auto initialKey = dukpt::KeyDerivation::initialKey(*bdk, initialKeyId);
            secureWipe(*bdk);
            if (!initialKey)
                return initialKey.error();
            auto ksn = dukpt::KeySerialNumber::make(initialKeyId, 0);
            auto issued = issueClientCertificate(host, id);
            if (!issued)
                return issued.error();
            auto added = host.store->administer([&](SqliteDatabase& db) -> Result<void> {
                auto insert =
                    db.prepare("INSERT INTO terminals (id, merchant_id, cert_fingerprint, bdk_id, "
                               "initial_key_id, mac_required) VALUES (?, ?, ?, ?, ?, ?)");
                if (!insert)
                    return insert.error();
                return insert->bind(1, id)
                    .bind(2, merchantId)
                    .bind(3, issued->fingerprint)
                    .bind(4, bdkId)
                    .bind(5, toHex(initialKeyId))
                    .bind(6, std::int64_t{args.has("--mac-required") ? 1 : 0})
                    .run();
            });
            if (!added)
                return added.error();
            auto caPem = readTextFile(host.config.clientCa);
            if (!caPem)
                return caPem.error();
            nlohmann::ordered_json bundle;
            bundle["version"] = 1;
            bundle["terminalId"] = id;
            bundle["merchantId"] = merchantId;
            bundle["host"] = {{"address", host.config.publicHost},
                              {"tlsPort", host.config.tlsPort},
                              {"dialInPort", host.config.dialInPort},
                              {"serverName", "cardlink-host"}};
            bundle["macRequired"] = args.has("--mac-required");
            bundle["caCertificate"] = *caPem;
            bundle["clientCertificate"] = issued->certificatePem;
            bundle["clientKey"] = issued->keyPem;
            bundle["dukpt"] = {{"initialKey", toHex(initialKey->view())},
                               {"initialKsn", ksn ? ksn->hex() : std::string()}};
            const std::filesystem::path file = args.value(
                "--out",
                (HostFiles(host.config.file.parent_path()).terminals() / (id + ".json")).string());
            std::string text = bundle.dump(2) + "\n";
            auto written = writeTextFile(file, text, 0600);
            secureWipe(text.data(), text.size());
            secureWipe(issued->keyPem.data(), issued->keyPem.size());
            if (!written)
                return written.error();
            std::fprintf(out, "terminal %s of merchant %s\n  certificate SHA-256 %s\n  bundle %s\n",
                         id.c_str(), merchantId.c_str(), issued->fingerprint.c_str(),
                         file.string().c_str());
            return 0;
        });
}

} // namespace cardlink::host
