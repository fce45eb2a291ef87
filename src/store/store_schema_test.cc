// The Store's schema: opened at the current version on both backends, a
// newer one refused, and each migration keeping what older stores hold.
#include <gtest/gtest.h>

#include "store/schema.h"
#include "store/store_testing.h"

namespace nearmiss {
namespace {

TEST_P(StoreTest, OpensAtCurrentSchemaAndReopens) {
  EXPECT_EQ(store_->backend(), GetParam());
  ASSERT_TRUE(store_->schema_version().ok());
  EXPECT_EQ(*store_->schema_version(), kSchemaVersion);
  store_.reset();
  auto again = Store::Open(url_);
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_EQ(*(*again)->schema_version(), kSchemaVersion);
}

TEST_P(StoreTest, NewerSchemaIsRefused) {
  store_.reset();
  auto conn = GetParam() == "postgresql" ? store::OpenPostgres(url_)
                                         : store::OpenSqlite((dir_ / "nearmiss.db").string());
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE((*conn)
                  ->Exec("bump", "UPDATE nm_meta SET value = '99' WHERE key = 'schema_version'")
                  .ok());
  auto again = Store::Open(url_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code(), StatusCode::kInvalidArgument);
}

// A store at schema 4 (before the warning was kept) keeps its
// acknowledgements through migration 5: every field as it was, no
// suggestion, and marked as not having recorded the warning, so the engine
// settles with them only what their codes show (acknowledgement.h).
TEST_P(StoreTest, MigrationFromSchema4KeepsAcknowledgements) {
  {
    auto conn = EmptyAt(4);
    ASSERT_NE(conn, nullptr);
    // The rows a schema-4 nearmiss wrote: one through the API (codes, with
    // "trusted"), one by a release link (none).
    for (const char* row :
         {"'alice@mod.gov.uk', 'jon.smith@partner.example', 'partner.example', "
          "'trusted address-typo', 'alice@mod.gov.uk (via outlook)', 'Jon is new', 'api', 1000, "
          "5000",
          "'alice@mod.gov.uk', 'kim@mailo.com', 'mailo.com', '', 'alice@mod.gov.uk', '', "
          "'confirm-link', 1100, 5000"}) {
      ASSERT_TRUE(conn->Exec("schema-4 row",
                             std::string("INSERT INTO nm_acknowledgement (sender, recipient, "
                                         "domain, reasons, who, why, path, created_at, "
                                         "expires_at) VALUES (") +
                                 row + ")")
                      .ok());
    }
  }
  auto opened = Store::Open(url_);
  ASSERT_TRUE(opened.ok()) << opened.error().message();
  store_ = std::move(*opened);
  EXPECT_EQ(*store_->schema_version(), kSchemaVersion);
  auto live = store_->LiveAcknowledgements("alice@mod.gov.uk", 1200);
  ASSERT_TRUE(live.ok()) << live.error().message();
  ASSERT_EQ(live->size(), 2u);
  const Acknowledgement& link = (*live)[0];  // newest first
  const Acknowledgement& api = (*live)[1];
  EXPECT_EQ(api.recipient, "jon.smith@partner.example");
  EXPECT_EQ(api.reasons, "trusted address-typo");
  EXPECT_EQ(api.who, "alice@mod.gov.uk (via outlook)");
  EXPECT_EQ(api.why, "Jon is new");
  EXPECT_EQ(api.path, "api");
  EXPECT_EQ(api.created_at, 1000);
  EXPECT_EQ(api.expires_at, 5000);
  EXPECT_EQ(api.suggestion, "");
  EXPECT_FALSE(api.warning_recorded);
  EXPECT_EQ(api.typo_kind, "");  // migration 7: kept no kind
  EXPECT_EQ(link.recipient, "kim@mailo.com");
  EXPECT_EQ(link.path, "confirm-link");
  EXPECT_EQ(link.reasons, "");
  EXPECT_FALSE(link.warning_recorded);
  // Revocation still works on a migrated row; a new one records its warning.
  ASSERT_TRUE(store_->RevokeAcknowledgement(link.id, "Ann Admin", 1300).ok());
  Acknowledgement fresh = api;
  fresh.domain.clear();  // read back with both; an address one is added by its address
  fresh.suggestion = "john.smith@partner.example";
  fresh.warning_recorded = true;
  ASSERT_TRUE(store_->AddAcknowledgement(fresh).ok());
  live = store_->LiveAcknowledgements("alice@mod.gov.uk", 1400);
  ASSERT_EQ(live->size(), 2u);
  EXPECT_TRUE((*live)[0].warning_recorded);
  EXPECT_EQ((*live)[0].suggestion, "john.smith@partner.example");
  EXPECT_FALSE((*live)[1].warning_recorded);
}

// Issue 14 (learning twice counts once): before schema 6 a Message-ID key
// was stored as the source wrote it, "msgid:abc@EXAMPLE.COM bob@...", while
// learn now names that delivery "msgid:abc@example.com bob@..."
// (learned_keys.h): the same message learned again counted twice.
// Migration 6 folds the stored keys, on both backends, past its page size.
TEST_P(StoreTest, MigrationFromSchema5FoldsMessageIdDomains) {
  {
    auto conn = EmptyAt(5);
    ASSERT_NE(conn, nullptr);
    for (const char* row : {"'msgid:abc@EXAMPLE.COM bob@partner.example', 100",
                            "'msgid:AbC@Mixed.Example bob@partner.example', 200",
                            // One delivery stored in both forms: one row is left.
                            "'msgid:dup@EX.ORG bob@partner.example', 300",
                            "'msgid:dup@ex.org bob@partner.example', 400",
                            "'msgid:NoDomain bob@partner.example', 500",
                            "'log:Q1ABC bob@partner.example 600', 600"}) {
      ASSERT_TRUE(conn->Exec("schema-5 row", std::string("INSERT INTO nm_learned (key, time) "
                                                          "VALUES (") + row + ")")
                      .ok());
    }
    // More than a page of them (FoldLearnedKeys reads 2000 at a time).
    ASSERT_TRUE(conn->Exec("schema-5 rows",
                           "INSERT INTO nm_learned (key, time) WITH RECURSIVE n(i) AS "
                           "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4500) "
                           "SELECT 'msgid:m' || i || '@BULK.EXAMPLE r@x.org', i FROM n")
                    .ok());
  }
  auto opened = Store::Open(url_);
  ASSERT_TRUE(opened.ok()) << opened.error().message();
  store_ = std::move(*opened);
  EXPECT_EQ(*store_->schema_version(), kSchemaVersion);
  auto conn = GetParam() == "postgresql" ? store::OpenPostgres(url_)
                                         : store::OpenSqlite((dir_ / "nearmiss.db").string());
  ASSERT_TRUE(conn.ok());
  auto rows = (*conn)->Query("read keys",
                             "SELECT key, time FROM nm_learned WHERE key NOT LIKE '%@bulk.example%'"
                             " ORDER BY time");
  ASSERT_TRUE(rows.ok()) << rows.error().message();
  EXPECT_EQ(*rows, (std::vector<store::Row>{
                       {"msgid:abc@example.com bob@partner.example", "100"},
                       {"msgid:AbC@mixed.example bob@partner.example", "200"},
                       {"msgid:dup@ex.org bob@partner.example", "400"},
                       {"msgid:NoDomain bob@partner.example", "500"},
                       {"log:Q1ABC bob@partner.example 600", "600"}}));
  // (SQLite's LIKE ignores ASCII case; "= lower(key)" tells folded rows.)
  auto bulk = (*conn)->Query("count bulk",
                             "SELECT count(*), sum(CASE WHEN key = lower(key) THEN 1 ELSE 0 END) "
                             "FROM nm_learned WHERE key LIKE 'msgid:m%'");
  ASSERT_TRUE(bulk.ok()) << bulk.error().message();
  EXPECT_EQ((*bulk)[0], (store::Row{"4500", "4500"}));
  // Learned again as learn names them now: nothing counts twice; an
  // id-left in other capitals is another message.
  RecordedDeliveries out;
  const std::string bob = "bob@partner.example";
  ASSERT_TRUE(store_
                  ->RecordDeliveries({{"a@x.org", bob, 100, "msgid:abc@example.com " + bob},
                                      {"a@x.org", bob, 200, "msgid:AbC@mixed.example " + bob},
                                      {"a@x.org", bob, 300, "msgid:dup@ex.org " + bob},
                                      {"a@x.org", "r@x.org", 7, "msgid:m7@bulk.example r@x.org"},
                                      {"a@x.org", bob, 200, "msgid:abc@mixed.example " + bob}},
                                     &out)
                  .ok());
  EXPECT_EQ(out.counted, (std::vector<bool>{false, false, false, false, true}));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace nearmiss
