#include "InitCommand.h"

#include "CertificateAuthority.h"
#include "CommandArguments.h"
#include "HostConfig.h"
#include "HostContext.h"
#include "HostFiles.h"
#include "util/Bytes.h"

#include <openssl/rand.h>

namespace cardlink::host {

namespace {
constexpr int kCaDays = 3650;
constexpr std::size_t kPinVerificationKeySize = 32;
constexpr std::size_t kBdkSize = 16;  // AES-128 BDK (X9.24-3-2017)
constexpr std::size_t kBdkIdSize = 4; // the left half of every initial key ID

Result<Bytes> randomBytes(std::size_t size)
{
    Bytes bytes(size);
    if (RAND_bytes(bytes.data(), static_cast<int>(size)) != 1)
        return makeError(ErrorCode::Internal, "no random bytes");
    return bytes;
}

Result<void> writeSecretKey(const std::filesystem::path& path, std::size_t size)
{
    auto key = randomBytes(size);
    if (!key)
        return key.error();
    std::string text = toHex(*key) + "\n";
    secureWipe(*key);
    auto written = writeTextFile(path, text, 0600);
    secureWipe(text.data(), text.size());
    return written;
}

Result<void> initialise(const HostFiles& files, const CommandArguments& args, std::FILE* out)
{
    std::error_code ec;
    std::filesystem::create_directories(files.dir, ec);
    if (ec)
        return makeError(ErrorCode::Io, files.dir.string() + ": " + ec.message());
    if (std::filesystem::exists(files.config()) || std::filesystem::exists(files.database()))
        return makeError(ErrorCode::InvalidArgument,
                         files.dir.string() + " already holds a host (host.json or host.db)");
    HostConfig config;
    config.database = files.database();
    config.certificate = files.serverCertificate();
    config.key = files.serverKey();
    config.clientCa = files.caCertificate();
    config.pinVerificationKeyFile = files.pinVerificationKey();
    config.tlsAddress = args.value("--listen", config.tlsAddress);
    config.dialInAddress = config.tlsAddress;
    config.publicHost = args.value("--public-host", config.tlsAddress);
    config.tlsPort = static_cast<int>(args.number("--tls-port").value_or(8583));
    config.dialInPort = static_cast<int>(args.number("--dial-in-port").value_or(8584));
    if (config.tlsPort > 65535 || config.dialInPort > 65535)
        return makeError(ErrorCode::InvalidArgument, "ports are 0..65535");

    auto ca = CertificateAuthority::create("CardLink terminal CA", kCaDays);
    if (!ca)
        return ca.error();
    auto serverKey = PkiKey::generate();
    if (!serverKey)
        return serverKey.error();
    CertificateRequest request;
    request.commonName = "cardlink-host";
    request.purpose = CertificatePurpose::Server;
    request.dnsNames = {"localhost", "cardlink-host"};
    request.ipAddresses = {"127.0.0.1"};
    const std::string& publicHost = config.publicHost;
    const bool isIp = publicHost.find_first_not_of("0123456789.") == std::string::npos;
    if (publicHost != "127.0.0.1" && publicHost != "localhost")
        (isIp ? request.ipAddresses : request.dnsNames).push_back(publicHost);
    auto serverCertificate = ca->issue(request, *serverKey);
    if (!serverCertificate)
        return serverCertificate.error();

    auto caKeyPem = ca->key().privatePem();
    auto caPem = ca->certificate().pem();
    auto serverKeyPem = serverKey->privatePem();
    auto serverPem = serverCertificate->pem();
    if (!caKeyPem || !caPem || !serverKeyPem || !serverPem)
        return makeError(ErrorCode::Internal, "PEM encoding failed");
    auto bdkId = randomBytes(kBdkIdSize);
    if (!bdkId)
        return bdkId.error();
    config.baseDerivationKeyFiles[toHex(*bdkId)] = files.baseDerivationKey();
    for (auto result : {writeTextFile(files.caKey(), *caKeyPem, 0600),
                        writeTextFile(files.caCertificate(), *caPem),
                        writeTextFile(files.serverKey(), *serverKeyPem, 0600),
                        writeTextFile(files.serverCertificate(), *serverPem),
                        writeSecretKey(files.pinVerificationKey(), kPinVerificationKeySize),
                        writeSecretKey(files.baseDerivationKey(), kBdkSize)}) {
        if (!result)
            return result;
    }
    for (const auto& dir : {files.terminals(), files.cards()}) {
        std::filesystem::create_directories(dir, ec);
        if (ec)
            return makeError(ErrorCode::Io, dir.string() + ": " + ec.message());
    }
    if (auto written = writeTextFile(files.config(), config.toJson(files.dir)); !written)
        return written;
    // The database holds issuer master keys: 0600 before SQLite creates it
    // (its -wal and -shm files copy the database file's permissions).
    if (auto created = writeTextFile(files.database(), "", 0600); !created)
        return created;
    auto context = HostContext::open(files.config()); // schema migrations
    if (!context)
        return context.error();
    std::fprintf(out,
                 "host initialised in %s\n  database %s\n  terminal CA %s\n  TLS %s:%d, dial-in "
                 "%s:%d\n  DUKPT BDK id %s\n",
                 files.dir.string().c_str(), files.database().string().c_str(),
                 files.caCertificate().string().c_str(), config.tlsAddress.c_str(), config.tlsPort,
                 config.dialInAddress.c_str(), config.dialInPort, toHex(*bdkId).c_str());
    return {};
}
} // namespace

const char* InitCommand::usage()
{
    return "usage: cardlink-host init --dir DIR [--listen ADDR] [--tls-port P] "
           "[--dial-in-port P]\n"
           "                          [--public-host NAME]\n"
           "Creates DIR/host.json, host.db (SQLite), the terminal CA (ca.key, ca.crt), the TLS\n"
           "server key and certificate (server.key, server.crt), the PIN verification key\n"
           "(pvk.key) and the AES-128 DUKPT base derivation key (bdk.key). Keys are 0600.\n"
           "Defaults: --listen 127.0.0.1, --tls-port 8583, --dial-in-port 8584 (0 = off).\n";
}

int InitCommand::run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err)
{
    CommandArguments args;
    if (auto problem = CommandArguments::parse(
            arguments, {"--dir", "--listen", "--tls-port", "--dial-in-port", "--public-host"}, {},
            args)) {
        std::fprintf(err, "cardlink-host init: %s\n%s", problem->c_str(), usage());
        return 2;
    }
    if (args.wantsHelp()) {
        std::fputs(usage(), out);
        return 0;
    }
    if (!args.has("--dir")) {
        std::fprintf(err, "cardlink-host init: --dir DIR is required\n%s", usage());
        return 2;
    }
    if (auto done = initialise(HostFiles(args.value("--dir")), args, out); !done) {
        std::fprintf(err, "cardlink-host init: %s\n", done.error().describe().c_str());
        return 1;
    }
    return 0;
}

} // namespace cardlink::host
