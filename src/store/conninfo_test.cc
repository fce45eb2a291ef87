// Store URLs: which backend each form names, and that no password in one
// reaches a message (issue 17: a password= parameter was printed; a libpq
// keyword/value string was taken for a SQLite file name).
#include <gtest/gtest.h>

#include "nearmiss/store.h"

namespace nearmiss {
namespace {

TEST(StoreUrlTest, KeywordValueStringIsPostgres) {
  EXPECT_TRUE(IsPostgresStoreUrl("host=db.example.org dbname=nearmiss"));
  EXPECT_TRUE(IsPostgresStoreUrl("  dbname = nearmiss"));
  EXPECT_TRUE(IsPostgresStoreUrl("postgresql://nm@db/nearmiss"));
  EXPECT_TRUE(IsPostgresStoreUrl("postgres://db"));
  EXPECT_FALSE(IsPostgresStoreUrl("/var/lib/nearmiss/nearmiss.db"));
  EXPECT_FALSE(IsPostgresStoreUrl("sqlite:host=x.db"));
  EXPECT_FALSE(IsPostgresStoreUrl("nearmiss.db"));
  EXPECT_FALSE(IsPostgresStoreUrl("./a=b.db"));
}

TEST(StoreUrlTest, UriPasswordsAreHidden) {
  EXPECT_EQ(StoreDisplayName("postgresql://nm:s3cret@db:5432/nearmiss"),
            "postgresql://nm:***@db:5432/nearmiss");
  EXPECT_EQ(StoreDisplayName("postgresql://nm@db/nearmiss?sslmode=require&password=s3cret"),
            "postgresql://nm@db/nearmiss?sslmode=require&password=***");
  EXPECT_EQ(StoreDisplayName("postgresql://db/nm?sslpassword=k&password=p&application_name=x"),
            "postgresql://db/nm?sslpassword=***&password=***&application_name=x");
  EXPECT_EQ(StoreDisplayName("postgresql:///nm?%70assword=p"), "postgresql:///nm?%70assword=***");
  // An unescaped '@' in the password: still all of it.
  EXPECT_EQ(StoreDisplayName("postgresql://nm:a@b@db/nm"), "postgresql://nm:***@db/nm");
  EXPECT_TRUE(StoreUrlHasPassword("postgresql://db/nm?password=p"));
  EXPECT_FALSE(StoreUrlHasPassword("postgresql://nm@db:5432/nm?sslmode=require"));
  EXPECT_EQ(StoreDisplayName("postgresql://nm@db:5432/nm"), "postgresql://nm@db:5432/nm");
}

TEST(StoreUrlTest, KeywordValuePasswordsAreHidden) {
  EXPECT_EQ(StoreDisplayName("host=db password=s3cret dbname=nm"),
            "host=db password=*** dbname=nm");
  EXPECT_EQ(StoreDisplayName("host=db password = 'a b\\'c' dbname=nm"),
            "host=db password = *** dbname=nm");
  EXPECT_TRUE(StoreUrlHasPassword("dbname=nm password=x"));
  EXPECT_FALSE(StoreUrlHasPassword("host=db dbname=nm"));
  // Off the grammar (an unclosed quote): the rest is hidden.
  EXPECT_EQ(StoreDisplayName("host=db password='s3cret dbname=nm"), "host=db ***");
  EXPECT_EQ(StoreDisplayName("/var/lib/nearmiss/nearmiss.db"), "/var/lib/nearmiss/nearmiss.db");
}

TEST(StoreUrlTest, ErrorTextLosesTheSecrets) {
  // libpq quotes a URI it cannot parse whole.
  std::string bad = "postgresql://nm:p%40ss@[::1/nm";
  EXPECT_EQ(WithoutStoreSecrets("bad URI: \"" + bad + "\"", bad),
            "bad URI: \"postgresql://nm:***@[::1/nm\"");
  // A valid one: the password as written and as decoded.
  std::string url = "postgresql://nm:p%40ss@db/nm";
  EXPECT_EQ(WithoutStoreSecrets("p%40ss or p@ss", url), "*** or ***");
  std::string kv = "host=db password=top dbname=nm";
  EXPECT_EQ(WithoutStoreSecrets("no route to db with password top", kv),
            "no route to db with password ***");
}

// The store is opened as PostgreSQL, not created as a SQLite file named
// after the string, and the error never shows the password.
TEST(StoreUrlTest, KeywordValueStringOpensPostgres) {
  Result<std::unique_ptr<Store>> store =
      Store::Open("host=127.0.0.1 port=1 dbname=nm connect_timeout=2 password=s3cret");
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message().find("host=127.0.0.1 port=1"), std::string::npos)
      << store.error().message();
  EXPECT_EQ(store.error().message().find("s3cret"), std::string::npos) << store.error().message();
  Result<std::unique_ptr<Store>> uri =
      Store::Open("postgresql://nm@127.0.0.1:1/nm?connect_timeout=2&password=s3cret");
  ASSERT_FALSE(uri.ok());
  EXPECT_EQ(uri.error().message().find("s3cret"), std::string::npos) << uri.error().message();
}

}  // namespace
}  // namespace nearmiss
