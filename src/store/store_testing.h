// The Store contract's fixture, run on every backend: SQLite always,
// PostgreSQL when NEARMISS_TEST_PG_URL names a database (tests/postgres/
// run.sh). store_test is built from the store_*_test.cc files, one concept
// each; store_schema_test.cc instantiates the suite for both backends.
#ifndef NEARMISS_STORE_STORE_TESTING_H_
#define NEARMISS_STORE_STORE_TESTING_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "nearmiss/store.h"
#include "store/schema.h"
#include "store/sql.h"

namespace nearmiss {

// Not in an anonymous namespace: every file of store_test names this one
// fixture, as gtest requires of one test suite.
class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  // A PostgreSQL database back to empty: every table of every schema.
  static Status DropAll(store::Connection& conn) {
    return conn.Exec("reset", "DROP TABLE IF EXISTS nm_audit_recipient, nm_audit, "
                              "nm_correspondent, nm_domain, nm_learned, nm_meta, "
                              "nm_acknowledgement, nm_admin_event, nm_link_use, nm_learn_carry");
  }
  void SetUp() override {
    if (GetParam() == "postgresql") {
      const char* url = std::getenv("NEARMISS_TEST_PG_URL");
      if (url == nullptr || *url == 0) GTEST_SKIP() << "NEARMISS_TEST_PG_URL not set";
      url_ = url;
      auto conn = store::OpenPostgres(url_);
      ASSERT_TRUE(conn.ok()) << conn.error().message();
      ASSERT_TRUE(DropAll(**conn).ok());
    } else {
      dir_ = std::filesystem::temp_directory_path() /
             ("nearmiss-store-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      url_ = "sqlite://" + (dir_ / "nearmiss.db").string();
    }
    auto s = Store::Open(url_);
    ASSERT_TRUE(s.ok()) << s.error().message();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // SetUp's store closed and its database started again from nothing, at
  // schema `version`: what an older nearmiss left, for a migration's test.
  // Null (the test failed) when it cannot be made.
  std::unique_ptr<store::Connection> EmptyAt(int version) {
    store_.reset();
    if (GetParam() == "sqlite") std::filesystem::remove(dir_ / "nearmiss.db");
    auto conn = GetParam() == "postgresql" ? store::OpenPostgres(url_)
                                           : store::OpenSqlite((dir_ / "nearmiss.db").string());
    EXPECT_TRUE(conn.ok()) << conn.error().message();
    if (!conn.ok()) return nullptr;
    if (GetParam() == "postgresql") {
      EXPECT_TRUE(DropAll(**conn).ok());
    }
    EXPECT_TRUE(store::MigrateTo(**conn, version).ok());
    EXPECT_EQ(*store::SchemaVersion(**conn), version);
    return std::move(*conn);
  }

  static DecisionRecord Rec(int64_t t, std::string sender, std::string rcpt, std::string verdict,
                         std::string action) {
    DecisionRecord r;
    r.time_ms = t;
    r.source = "milter";
    r.queue_id = "Q" + std::to_string(t);
    r.sender = std::move(sender);
    r.action = action;
    r.level = "OFFICIAL";
    r.rule = "rule 1 'lookalike' (policy.toml:3:1)";
    r.message_id = "id" + std::to_string(t) + "@mod.gov.uk";
    r.digest = MessageDigest("body");
    r.recipients.push_back({rcpt, verdict, action, {"suffix-edit"}, "army.mil", ""});
    return r;
  }

  std::string url_;
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace nearmiss

#endif  // NEARMISS_STORE_STORE_TESTING_H_
