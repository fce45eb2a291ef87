// The Store's audit log: search, counts for dashboards, retention, keyed
// records stored once, and the journal's StoreWriter batching from threads.
#include <gtest/gtest.h>

#include <memory>
#include <thread>
#include <vector>

#include "journal/store_writer.h"
#include "store/store_testing.h"

namespace nearmiss {
namespace {

TEST_P(StoreTest, AuditSearchFiltersAndPages) {
  std::vector<DecisionRecord> recs = {
      Rec(1000, "alice@mod.gov.uk", "bob@army.ml", "lookalike", "reject"),
      Rec(2000, "carol@mod.gov.uk", "dan@partner.co", "trusted", "accept"),
      Rec(3000, "alice@mod.gov.uk", "eve@gmial.com", "lookalike", "warn"),
  };
  recs[1].recipients.push_back({"x@army.ml", "blocked", "reject", {"blocked"}, "", ""});
  ASSERT_TRUE(store_->AppendAudit(recs).ok());
  auto all = store_->SearchAudit({});
  ASSERT_TRUE(all.ok()) << all.error().message();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].time_ms, 3000);  // newest first
  EXPECT_EQ((*all)[1].recipients.size(), 2u);
  EXPECT_EQ((*all)[2].recipients[0].reasons, std::vector<std::string>{"suffix-edit"});
  EXPECT_EQ((*all)[2].recipients[0].target, "army.mil");
  EXPECT_EQ((*all)[2].digest, MessageDigest("body"));

  AuditQuery by_domain;
  by_domain.domain = "army.ml";
  EXPECT_EQ(store_->SearchAudit(by_domain)->size(), 2u);
  AuditQuery by_verdict;
  by_verdict.verdict = "blocked";
  EXPECT_EQ(store_->SearchAudit(by_verdict)->size(), 1u);
  AuditQuery by_sender;
  by_sender.sender = "alice@mod.gov.uk";
  by_sender.since_ms = 2000;
  EXPECT_EQ(store_->SearchAudit(by_sender)->size(), 1u);
  AuditQuery text;
  text.text = "GMIAL";
  EXPECT_EQ(store_->SearchAudit(text)->size(), 1u);
  AuditQuery literal;
  literal.text = "%";
  EXPECT_EQ(store_->SearchAudit(literal)->size(), 0u);
  AuditQuery page;
  page.limit = 2;
  auto first = store_->SearchAudit(page);
  ASSERT_EQ(first->size(), 2u);
  page.before_id = first->back().id;
  auto second = store_->SearchAudit(page);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ((*second)[0].time_ms, 1000);
}

TEST_P(StoreTest, AuditCountsForDashboards) {
  ASSERT_TRUE(store_
                  ->AppendAudit({Rec(86400000 + 5, "a@x.org", "b@army.ml", "lookalike", "reject"),
                                 Rec(86400000 + 9, "a@x.org", "c@y.org", "external", "accept"),
                                 Rec(2 * 86400000 + 1, "a@x.org", "d@army.ml", "lookalike",
                                     "reject")})
                  .ok());
  auto c = store_->CountAudit({});
  ASSERT_TRUE(c.ok()) << c.error().message();
  EXPECT_EQ(c->total, 3);
  EXPECT_EQ(c->by_action.at("reject"), 2);
  EXPECT_EQ(c->by_verdict.at("lookalike"), 2);
  EXPECT_EQ(c->by_level.at("OFFICIAL"), 3);
  EXPECT_EQ(c->by_day.at(1), 2);
  EXPECT_EQ(c->by_day.at(2), 1);
  AuditQuery q;
  q.action = "accept";
  EXPECT_EQ(store_->CountAudit(q)->total, 1);
}

TEST_P(StoreTest, RetentionPrunesOldRecords) {
  ASSERT_TRUE(store_
                  ->AppendAudit({Rec(1000, "a@x.org", "b@army.ml", "lookalike", "reject"),
                                 Rec(5000, "a@x.org", "b@army.ml", "lookalike", "reject")})
                  .ok());
  auto removed = store_->PruneAudit(2000);
  ASSERT_TRUE(removed.ok()) << removed.error().message();
  EXPECT_EQ(*removed, 1);
  auto left = store_->SearchAudit({});
  ASSERT_EQ(left->size(), 1u);
  EXPECT_EQ((*left)[0].recipients.size(), 1u);
}

// A batch retried after its COMMIT answer was lost must not be stored twice:
// the journal keys every record, and the store keeps one per key.
TEST_P(StoreTest, AppendAuditSkipsKeysAlreadyStored) {
  auto keyed = [](int64_t t, std::string key) {
    DecisionRecord r = Rec(t, "a@x.org", "b@army.ml", "lookalike", "reject");
    r.key = std::move(key);
    return r;
  };
  ASSERT_TRUE(store_->AppendAudit({keyed(1, "k1"), keyed(2, "k2")}).ok());
  ASSERT_TRUE(
      store_->AppendAudit({keyed(1, "k1"), keyed(3, "k3"), keyed(4, ""), keyed(5, "")}).ok());
  auto all = store_->SearchAudit({});
  ASSERT_TRUE(all.ok()) << all.error().message();
  ASSERT_EQ(all->size(), 5u);  // k1 once; records without a key are never merged
  EXPECT_EQ((*all)[2].key, "k3");
  EXPECT_EQ((*all)[4].key, "k1");
  EXPECT_EQ((*all)[4].recipients.size(), 1u);
  EXPECT_EQ(store_->CountAudit({})->by_verdict["lookalike"], 5);
}

TEST_P(StoreTest, StoreWriterBatchesFromThreads) {
  std::shared_ptr<Store> shared(std::move(store_));
  {
    journal::StoreWriter writer(shared, nullptr, nullptr);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&writer, t] {
        for (int i = 0; i < 50; ++i) {
          writer.Record(Rec(t * 1000 + i, "a@x.org", "b@army.ml", "lookalike", "reject"));
        }
      });
    }
    for (std::thread& th : threads) th.join();
    writer.Flush();
    EXPECT_EQ(writer.stats().written, 200u);
    EXPECT_EQ(writer.stats().dropped, 0u);
  }
  EXPECT_EQ(shared->CountAudit({})->total, 200);
}

}  // namespace
}  // namespace nearmiss
