// The Store contract, run on every backend: SQLite always, PostgreSQL when
// NEARMISS_TEST_PG_URL names a database (tests/postgres/run.sh).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "journal/store_writer.h"
#include "nearmiss/store.h"
#include "store/schema.h"
#include "store/sql.h"

namespace nearmiss {
namespace {

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  // A PostgreSQL database back to empty: every table of every schema.
  static Status DropAll(store::Connection& conn) {
    return conn.Exec("reset", "DROP TABLE IF EXISTS nm_audit_recipient, nm_audit, "
                              "nm_correspondent, nm_domain, nm_learned, nm_meta, "
                              "nm_acknowledgement, nm_admin_event, nm_link_use");
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

// A delivery named by its Message-ID in one read and only by its log key
// in another (its cleanup line in another rotated file: issue 14 breaker,
// round 5, item 5) counts once, whichever comes first, in one batch or
// across calls: Delivery::aliases.
TEST_P(StoreTest, ADeliveryCountsOnceByAnyOfItsKeys) {
  const std::string rcpt = "kate.lee@partner.example";
  auto with_id = [&](std::string id, int64_t t) {
    return Delivery{"a@x.org", rcpt, t, "msgid:" + id + " " + rcpt,
                    {"log:Q" + id + " " + rcpt + " " + std::to_string(t)}};
  };
  auto log_only = [&](std::string id, int64_t t) {
    return Delivery{"a@x.org", rcpt, t, "log:Q" + id + " " + rcpt + " " + std::to_string(t)};
  };
  RecordedDeliveries out;
  // Across calls: the log key first, then the Message-ID with it as alias.
  ASSERT_TRUE(store_->RecordDeliveries({log_only("1", 100)}, &out).ok());
  EXPECT_EQ(out.counted, (std::vector<bool>{true}));
  ASSERT_TRUE(store_->RecordDeliveries({with_id("1", 100)}, &out).ok());
  EXPECT_EQ(out.counted, (std::vector<bool>{false}));
  // ... and the other way round.
  ASSERT_TRUE(store_->RecordDeliveries({with_id("2", 200)}, &out).ok());
  EXPECT_EQ(out.counted, (std::vector<bool>{true}));
  ASSERT_TRUE(store_->RecordDeliveries({log_only("2", 200)}, &out).ok());
  EXPECT_EQ(out.counted, (std::vector<bool>{false}));
  // In one batch, in either order; another delivery still counts.
  ASSERT_TRUE(store_->RecordDeliveries({with_id("3", 300), log_only("3", 300), log_only("4", 400),
                                        with_id("4", 400), log_only("5", 500)},
                                       &out)
                  .ok());
  EXPECT_EQ(out.counted, (std::vector<bool>{true, false, true, false, true}));
  auto pairs = store_->Correspondents("a@x.org");
  ASSERT_TRUE(pairs.ok()) << pairs.error().message();
  ASSERT_EQ(pairs->size(), 1u);
  EXPECT_EQ((*pairs)[0].messages, 5);
}

// Learning twice what names the same deliveries (a Sent folder read again,
// rotated logs that overlap) counts each once, in one batch or across runs.
TEST_P(StoreTest, KeyedDeliveriesCountOnce) {
  std::vector<Delivery> run = {{"a@x.org", "john.smith@partner.example", 100, "msgid:m1@x.org j"},
                               {"a@x.org", "bob@partner.example", 100, "msgid:m1@x.org b"},
                               {"a@x.org", "john.smith@partner.example", 100, "msgid:m1@x.org j"},
                               {"a@x.org", "john.smith@partner.example", 500, "msgid:m2@x.org j"}};
  RecordedDeliveries out;
  ASSERT_TRUE(store_->RecordDeliveries(run, &out).ok());
  EXPECT_EQ(out.counted_total, 3u);
  EXPECT_EQ(out.counted, (std::vector<bool>{true, true, false, true}));
  EXPECT_EQ(out.new_relationships, 2u);  // a -> john.smith, a -> bob
  ASSERT_TRUE(store_->RecordDeliveries(run, &out).ok());
  EXPECT_EQ(out.counted_total, 0u);
  EXPECT_EQ(out.counted, (std::vector<bool>{false, false, false, false}));
  EXPECT_EQ(out.new_relationships, 0u);
  // Unkeyed deliveries (CSV rows) always count; a known pair is no new
  // relationship, a new one is.
  ASSERT_TRUE(store_->RecordDeliveries({{"a@x.org", "bob@partner.example", 700, ""},
                                        {"c@x.org", "bob@partner.example", 700, ""}},
                                       &out)
                  .ok());
  EXPECT_EQ(out.counted_total, 2u);
  EXPECT_EQ(out.new_relationships, 1u);
  auto pairs = store_->Correspondents("a@x.org");
  ASSERT_TRUE(pairs.ok()) << pairs.error().message();
  ASSERT_EQ(pairs->size(), 2u);
  EXPECT_EQ((*pairs)[0].recipient, "bob@partner.example");
  EXPECT_EQ((*pairs)[0].messages, 2);
  EXPECT_EQ((*pairs)[1].recipient, "john.smith@partner.example");
  EXPECT_EQ((*pairs)[1].messages, 2);
  EXPECT_EQ((*pairs)[1].first_seen, 100);
  EXPECT_EQ((*pairs)[1].last_seen, 500);
  auto domain = store_->Domain("partner.example");
  ASSERT_TRUE(domain.ok() && domain->has_value());
  EXPECT_EQ((*domain)->messages, 5);
}

TEST_P(StoreTest, OpensAtCurrentSchemaAndReopens) {
  EXPECT_EQ(store_->backend(), GetParam());
  ASSERT_TRUE(store_->schema_version().ok());
  EXPECT_EQ(*store_->schema_version(), kSchemaVersion);
  store_.reset();
  auto again = Store::Open(url_);
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_EQ(*(*again)->schema_version(), kSchemaVersion);
}

TEST_P(StoreTest, DeliveriesSumAndWiden) {
  ASSERT_TRUE(store_
                  ->RecordDeliveries({{"a@mod.gov.uk", "bob@partner.co", 200, ""},
                                      {"a@mod.gov.uk", "bob@partner.co", 100, ""},
                                      {"c@mod.gov.uk", "eve@Partner.CO", 300, ""},
                                      {"a@mod.gov.uk", "x@army.mil", 150, ""}})
                  .ok());
  ASSERT_TRUE(store_->RecordDeliveries({{"a@mod.gov.uk", "bob@partner.co", 50, ""}}).ok());
  auto domains = store_->Domains(0);
  ASSERT_TRUE(domains.ok()) << domains.error().message();
  ASSERT_EQ(domains->size(), 2u);
  EXPECT_EQ((*domains)[0].domain, "partner.co");
  EXPECT_EQ((*domains)[0].messages, 4);
  EXPECT_EQ((*domains)[0].first_seen, 50);
  EXPECT_EQ((*domains)[0].last_seen, 300);
  auto one = store_->Domain("ARMY.MIL");
  ASSERT_TRUE(one.ok() && one->has_value());
  EXPECT_EQ((*one)->messages, 1);
  auto none = store_->Domain("nowhere.example");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  auto pairs = store_->Correspondents("a@mod.gov.uk", 0);
  ASSERT_TRUE(pairs.ok());
  ASSERT_EQ(pairs->size(), 2u);
  EXPECT_EQ((*pairs)[0].recipient, "bob@partner.co");
  EXPECT_EQ((*pairs)[0].messages, 3);
  EXPECT_EQ((*pairs)[0].first_seen, 50);
}

TEST_P(StoreTest, ConfirmBeforeAnyMailKeepsFirstSeen) {
  ASSERT_TRUE(store_->ConfirmDomain("partner.ml", true).ok());
  ASSERT_TRUE(store_->RecordDeliveries({{"a@x.org", "b@partner.ml", 1000, ""}}).ok());
  auto d = store_->Domain("partner.ml");
  ASSERT_TRUE(d.ok() && d->has_value());
  EXPECT_TRUE((*d)->confirmed);
  EXPECT_EQ((*d)->first_seen, 1000);
  EXPECT_EQ((*d)->messages, 1);
  ASSERT_TRUE(store_->ConfirmDomain("partner.ml", false).ok());
  EXPECT_FALSE((*store_->Domain("partner.ml"))->confirmed);
}

TEST_P(StoreTest, SnapshotCarriesDomainsAndAddresses) {
  ASSERT_TRUE(store_->RecordDeliveries({{"a@x.org", "b@partner.co", 10, ""},
                                        {"a@x.org", "c@partner.co", 20, ""}})
                  .ok());
  auto snap = store_->Snapshot(true);
  ASSERT_TRUE(snap.ok());
  ASSERT_EQ(snap->domains.size(), 1u);
  EXPECT_EQ(snap->addresses, (std::vector<std::string>{"b@partner.co", "c@partner.co"}));
  EXPECT_GT(snap->taken_at, 0);
}

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

TEST_P(StoreTest, AcknowledgementsLiveExpireAndRevoke) {
  Acknowledgement a;
  a.sender = "Alice@Mod.Gov.UK";
  a.recipient = "Jon@Gmial.com";
  a.who = "alice@mod.gov.uk";
  a.why = "Jon's own domain";
  a.path = "confirm-link";
  a.created_at = 1000;
  a.expires_at = 2000;
  Result<int64_t> id = store_->AddAcknowledgement(a);
  ASSERT_TRUE(id.ok()) << id.error().message();
  Acknowledgement d = a;
  d.recipient.clear();
  d.domain = "partner.example";
  d.expires_at = 1500;
  ASSERT_TRUE(store_->AddAcknowledgement(d).ok());
  // Neither a recipient nor a domain, or both: refused.
  Acknowledgement bad = a;
  bad.domain = "x.example";
  EXPECT_EQ(store_->AddAcknowledgement(bad).error().code(), StatusCode::kInvalidArgument);

  auto live = store_->LiveAcknowledgements("alice@mod.gov.uk", 1200);
  ASSERT_TRUE(live.ok()) << live.error().message();
  ASSERT_EQ(live->size(), 2u);
  EXPECT_EQ((*live)[1].id, *id);
  EXPECT_EQ((*live)[1].recipient, "jon@gmial.com");
  EXPECT_EQ((*live)[1].domain, "gmial.com");
  EXPECT_TRUE((*live)[1].Covers("jon@gmial.com", "gmial.com"));
  EXPECT_FALSE((*live)[1].Covers("bob@gmial.com", "gmial.com"));
  // The check's canonical address keeps the case typed: folded alike.
  EXPECT_TRUE((*live)[1].Covers("JON@gmial.com", "gmial.com"));
  EXPECT_TRUE((*live)[0].Covers("x@Partner.Example", "Partner.Example"));
  EXPECT_EQ(store_->LiveAcknowledgements("ALICE@mod.gov.uk", 1200)->size(), 2u);
  EXPECT_TRUE((*live)[0].Covers("anyone@partner.example", "partner.example"));
  EXPECT_EQ(store_->LiveAcknowledgements("alice@mod.gov.uk", 1600)->size(), 1u);  // expired
  EXPECT_TRUE(store_->LiveAcknowledgements("bob@mod.gov.uk", 1200)->empty());

  ASSERT_TRUE(store_->RevokeAcknowledgement(*id, "Ann Admin", 1300).ok());
  EXPECT_EQ(store_->RevokeAcknowledgement(*id, "Ann Admin", 1301).code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->LiveAcknowledgements("alice@mod.gov.uk", 1400)->size(), 1u);
  auto all = store_->Acknowledgements(true, 1400);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].revoked_by, "Ann Admin");
  EXPECT_EQ((*all)[1].revoked_at, 1300);
  EXPECT_EQ(store_->Acknowledgements(false, 1400)->size(), 1u);
}

// Issue 14 (warn once): an acknowledgement keeps the warning it
// acknowledged, its codes and its suggestion (schema 5).
TEST_P(StoreTest, AcknowledgementsKeepTheirWarning) {
  Acknowledgement a;
  a.sender = "alice@mod.gov.uk";
  a.recipient = "jon.smith@partner.example";
  a.reasons = "address-typo";
  a.suggestion = "john.smith@partner.example";
  a.path = "confirm-link";
  a.created_at = 1000;
  a.expires_at = 2000;
  ASSERT_TRUE(store_->AddAcknowledgement(a).ok());
  auto live = store_->LiveAcknowledgements("alice@mod.gov.uk", 1200);
  ASSERT_TRUE(live.ok()) << live.error().message();
  ASSERT_EQ(live->size(), 1u);
  EXPECT_EQ((*live)[0].reasons, "address-typo");
  EXPECT_EQ((*live)[0].suggestion, "john.smith@partner.example");
  EXPECT_TRUE((*live)[0].warning_recorded);
  EXPECT_EQ((*store_->Acknowledgements(true, 1200))[0].suggestion, "john.smith@partner.example");
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

TEST_P(StoreTest, AdminEventsAndSingleUseLinks) {
  ASSERT_TRUE(store_->AppendAdminEvent({0, 5000, "Ann Admin", "admin", "release", "4F2A91C3B",
                                        "released from the hold queue"})
                  .ok());
  ASSERT_TRUE(store_->AppendAdminEvent({0, 6000, "alice@mod.gov.uk", "sender", "acknowledge",
                                        "ack:1", ""})
                  .ok());
  auto events = store_->AdminEvents(0);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].action, "acknowledge");  // newest first
  EXPECT_EQ((*events)[1].who, "Ann Admin");
  EXPECT_EQ((*events)[1].time_ms, 5000);
  EXPECT_EQ(store_->AdminEvents(1)->size(), 1u);

  EXPECT_TRUE(*store_->UseLink("n1", 2000, 1000));
  EXPECT_FALSE(*store_->UseLink("n1", 2000, 1001));
  EXPECT_TRUE(*store_->UseLink("n2", 2000, 1001));
  // Given back after its action failed (postsuper refused): it works again.
  ASSERT_TRUE(store_->ReturnLink("n2").ok());
  EXPECT_TRUE(*store_->UseLink("n2", 2000, 1002));
  EXPECT_FALSE(*store_->UseLink("n2", 2000, 1003));
  // A nonce is forgotten once its link expired: by then the signature
  // check refuses the link anyway.
  EXPECT_TRUE(*store_->UseLink("n1", 4000, 3000));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace nearmiss
