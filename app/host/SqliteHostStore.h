#pragma once

#include "SqliteCommitWriter.h"
#include "SqliteReadPool.h"
#include "host/HostStore.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace cardlink::host {

// core/host's HostStore on SQLite (WAL, synchronous=FULL). Reads use a pool
// of connections; every write goes through one SqliteCommitWriter thread
// that group-commits. open() applies the schema migrations.
//
// Why the sqlite3 C API and not Qt SQL: the writer runs on a std::thread
// and needs exact control of BEGIN IMMEDIATE / COMMIT, prepared
// statements kept per connection and the error codes; QSqlDatabase
// connections are tied to the thread that made them and go through QVariant
// for every value. The store also stays usable without a Qt event loop.
class SqliteHostStore final : public HostStore
{
public:
    struct Options
    {
        std::string path;
        // DUKPT base derivation keys by id (from key files, not the database).
        std::map<std::string, Bytes, std::less<>> baseDerivationKeys;
        // The PIN verification key (IssuerKeys::pinVerification of every key set).
        Bytes pinVerificationKey;
    };

    static Result<std::unique_ptr<SqliteHostStore>> open(Options options);
    ~SqliteHostStore() override;

    Result<std::optional<Terminal>> findTerminal(std::string_view terminalId) override;
    Result<std::optional<Merchant>> findMerchant(std::string_view merchantId) override;
    Result<std::optional<Card>> findCard(std::string_view pan,
                                         std::optional<std::uint8_t> psn) override;
    Result<std::optional<Account>> findAccount(std::string_view accountId) override;
    Result<std::optional<IssuerKeys>> findIssuerKeys(std::string_view keysId) override;
    Result<std::optional<Bytes>> findBaseDerivationKey(std::string_view bdkId) override;
    Result<std::optional<StoredResponse>> findResponse(const RequestKey& key) override;
    Result<BatchTotals> batchTotals(std::string_view terminalId,
                                    std::uint32_t batchNumber) override;
    Result<Money> ledgerSum() override;
    Result<std::vector<CommitStatus>> commit(std::span<const CommitUnit> units) override;

    // The reads of one request in one read transaction on one pooled
    // connection: while a scope lives, this thread's find*() calls use its
    // connection (one snapshot, and one WAL read lock and page cache set up
    // per request instead of per find). Scopes do not nest: an inner one does
    // nothing. Without a connection the finds lease their own, as before.
    class ReadScope
    {
    public:
        explicit ReadScope(SqliteHostStore& store);
        ~ReadScope();
        ReadScope(const ReadScope&) = delete;
        ReadScope& operator=(const ReadScope&) = delete;

    private:
        std::optional<SqliteReadPool::Lease> m_lease;
    };

    // The same without blocking: `done` runs on the writer thread once the
    // group holding these units is durable (or failed).
    void commitAsync(std::vector<CommitUnit> units, SqliteCommitWriter::Completion done);
    SqliteCommitWriter::Stats commitStats() const { return m_writer->stats(); }

    // A read on a pooled connection, for the admin CLI's reports.
    Result<void> read(const std::function<Result<void>(SqliteDatabase&)>& reader);
    // An administrative change (add-merchant, block-card...) in one
    // transaction of its own on a connection beside the writer's.
    Result<void> administer(const std::function<Result<void>(SqliteDatabase&)>& change);

private:
    SqliteHostStore(Options options, std::unique_ptr<SqliteCommitWriter> writer);

    template <typename T>
    Result<std::optional<T>> findOne(std::string_view sql,
                                     const std::function<void(SqliteStatement&)>& bind,
                                     T (*map)(const SqliteStatement&));

    Options m_options;
    SqliteReadPool m_reads;
    std::unique_ptr<SqliteCommitWriter> m_writer;
};

} // namespace cardlink::host
