// One warning, at most one live acknowledgement (schema 9; the issue-14
// tester, round 43, finding 1): a second add of the same warning gets the
// first's id, from this store or another on the same database at the same
// time; one whose time ran out is replaced; a store an older nearmiss wrote
// with duplicates is folded on open, and the fold is recorded.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "store/store_testing.h"

namespace nearmiss {
namespace {

Acknowledgement Jon(int64_t made, int64_t days) {
  Acknowledgement a;
  a.sender = "alice@trust.example";
  a.recipient = "jhon.smith@partner.example";
  a.reasons = "address-typo";
  a.suggestion = "john.smith@partner.example";
  a.typo_kind = "edit";
  a.who = "alice@trust.example (via outlook add-in)";
  a.path = "api";
  a.created_at = made;
  a.expires_at = made + days * 86400;
  return a;
}

TEST_P(StoreTest, ASecondAcknowledgementOfOneWarningIsTheFirst) {
  bool existed = true;
  Result<int64_t> first = store_->AddAcknowledgement(Jon(1000, 30), &existed);
  ASSERT_TRUE(first.ok()) << first.error().message();
  EXPECT_FALSE(existed);
  Acknowledgement again = Jon(1005, 30);
  again.sender = "ALICE@Trust.Example";  // folded alike
  again.why = "double click";
  Result<int64_t> second = store_->AddAcknowledgement(again, &existed);
  ASSERT_TRUE(second.ok()) << second.error().message();
  EXPECT_TRUE(existed);
  EXPECT_EQ(*second, *first);
  // Another warning about the same address is its own acknowledgement.
  Acknowledgement other = Jon(1010, 30);
  other.typo_kind = "display-name";
  Result<int64_t> third = store_->AddAcknowledgement(other, &existed);
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE(existed);
  EXPECT_NE(*third, *first);
  EXPECT_EQ(store_->LiveAcknowledgements("alice@trust.example", 2000)->size(), 2u);

  // Revoked: the next acknowledgement of that warning is a new one.
  ASSERT_TRUE(store_->RevokeAcknowledgement(*first, "Ann Admin", 3000).ok());
  Result<int64_t> after = store_->AddAcknowledgement(Jon(3100, 30), &existed);
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(existed);
  EXPECT_NE(*after, *first);
}

TEST_P(StoreTest, AnAcknowledgementWhoseTimeRanOutIsReplaced) {
  Result<int64_t> old = store_->AddAcknowledgement(Jon(1000, 30));
  ASSERT_TRUE(old.ok()) << old.error().message();
  // The policy's days shortened to 1: the row (stored for 30) has ended.
  bool existed = true;
  Result<int64_t> fresh = store_->AddAcknowledgement(Jon(1000 + 2 * 86400, 1), &existed);
  ASSERT_TRUE(fresh.ok()) << fresh.error().message();
  EXPECT_FALSE(existed);
  ASSERT_NE(*fresh, *old);
  // Lengthened again, the old row does not come back beside the new one.
  auto live = store_->LiveAcknowledgements("alice@trust.example", 1000 + 3 * 86400);
  ASSERT_TRUE(live.ok());
  ASSERT_EQ(live->size(), 0u);  // the new one (1 day) has ended too; the old is replaced
  auto all = store_->Acknowledgements(true, 1000 + 2 * 86400);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].id, *old);
  EXPECT_EQ((*all)[1].replaced_by, *fresh);
  EXPECT_FALSE((*all)[1].LiveUnder(1000 + 2 * 86400, 30));
  EXPECT_EQ(store_->RevokeAcknowledgement(*old, "Ann Admin", 1000 + 2 * 86400).code(),
            StatusCode::kNotFound);
}

// Two stores on one database (two serve nodes), eight adds at once from
// each: one row.
TEST_P(StoreTest, AddsAtOnceFromTwoStoresMakeOneAcknowledgement) {
  auto other = Store::Open(url_);
  ASSERT_TRUE(other.ok()) << other.error().message();
  std::vector<std::thread> threads;
  std::vector<int64_t> ids(16, 0);
  std::atomic<int> made{0};
  std::atomic<bool> go{false};
  for (size_t i = 0; i < ids.size(); ++i) {
    threads.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      Store* s = i % 2 ? other->get() : store_.get();
      bool existed = false;
      Result<int64_t> id = s->AddAcknowledgement(Jon(1000 + static_cast<int64_t>(i), 30),
                                                 &existed);
      if (id.ok()) ids[i] = *id;
      if (id.ok() && !existed) ++made;
    });
  }
  go = true;
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(made.load(), 1);
  EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()).size(), 1u) << ids[0] << " " << ids[1];
  EXPECT_NE(ids[0], 0);
  EXPECT_EQ(store_->Acknowledgements(true, 2000)->size(), 1u);
}

TEST_P(StoreTest, MigrationNineFoldsDuplicateAcknowledgements) {
  {
    auto conn = EmptyAt(8);
    ASSERT_NE(conn, nullptr);
    // What a schema-8 nearmiss let in: two live rows of one warning (ids
    // 1, 2; 2 expires later), a revoked third, and another warning's row.
    const char* insert =
        "INSERT INTO nm_acknowledgement (sender, recipient, domain, reasons, who, why, path, "
        "created_at, expires_at, revoked_at, suggestion, warning_recorded, typo_kind) VALUES "
        "('alice@trust.example', 'jhon.smith@partner.example', 'partner.example', "
        "'address-typo', 'alice', '', 'api', $1, $2, $3, 'john.smith@partner.example', 1, $4)";
    for (const auto& [made, expires, revoked, kind] :
         std::vector<std::tuple<int64_t, int64_t, int64_t, std::string>>{
             {1000, 5000, 0, "edit"}, {1001, 5001, 0, "edit"}, {1002, 5002, 1500, "edit"},
             {1003, 5003, 0, "display-name"}}) {
      ASSERT_TRUE(conn->Exec("schema-8 acknowledgement", insert, {made, expires, revoked, kind})
                      .ok());
    }
  }
  auto opened = Store::Open(url_);
  ASSERT_TRUE(opened.ok()) << opened.error().message();
  store_ = std::move(*opened);
  EXPECT_EQ(*store_->schema_version(), kSchemaVersion);
  auto live = store_->LiveAcknowledgements("alice@trust.example", 2000);
  ASSERT_TRUE(live.ok()) << live.error().message();
  ASSERT_EQ(live->size(), 2u);
  EXPECT_EQ((*live)[0].typo_kind, "display-name");
  EXPECT_EQ((*live)[1].expires_at, 5001);  // the one that holds longest is kept
  const int64_t kept = (*live)[1].id;
  auto all = store_->Acknowledgements(true, 2000);
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ((*all)[3].replaced_by, kept);  // the first row, folded into the second
  EXPECT_EQ((*all)[1].replaced_by, 0);     // the revoked one stays as it was
  auto events = store_->AdminEvents();
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].who, "nearmiss schema migration 9");
  EXPECT_EQ((*events)[0].object, "ack:" + std::to_string((*all)[3].id));
  EXPECT_NE((*events)[0].detail.find("folded into it"), std::string::npos) << (*events)[0].detail;
  // The index holds from now on: the same warning again is the kept one.
  bool existed = false;
  Result<int64_t> again = store_->AddAcknowledgement(Jon(2000, 30), &existed);
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_TRUE(existed);
  EXPECT_EQ(*again, kept);
}

}  // namespace
}  // namespace nearmiss
