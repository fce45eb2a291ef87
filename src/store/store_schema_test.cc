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
  // SetUp's store is at the current schema: start again from nothing.
  store_.reset();
  if (GetParam() == "sqlite") std::filesystem::remove(dir_ / "nearmiss.db");
  {
    auto conn = GetParam() == "postgresql" ? store::OpenPostgres(url_)
                                           : store::OpenSqlite((dir_ / "nearmiss.db").string());
    ASSERT_TRUE(conn.ok());
    if (GetParam() == "postgresql") {
      ASSERT_TRUE(DropAll(**conn).ok());
    }
    ASSERT_TRUE(store::MigrateTo(**conn, 4).ok());
    ASSERT_EQ(*store::SchemaVersion(**conn), 4);
    // The rows a schema-4 nearmiss wrote: one through the API (codes, with
    // "trusted"), one by a release link (none).
    for (const char* row :
         {"'alice@mod.gov.uk', 'jon.smith@partner.example', 'partner.example', "
          "'trusted address-typo', 'alice@mod.gov.uk (via outlook)', 'Jon is new', 'api', 1000, "
          "5000",
          "'alice@mod.gov.uk', 'kim@mailo.com', 'mailo.com', '', 'alice@mod.gov.uk', '', "
          "'confirm-link', 1100, 5000"}) {
      ASSERT_TRUE((*conn)
                      ->Exec("schema-4 row",
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
  EXPECT_EQ(*store_->schema_version(), 5);
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

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace nearmiss
