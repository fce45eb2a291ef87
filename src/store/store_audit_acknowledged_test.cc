// Issue 14 (accountable acknowledgements): a decision record names the
// acknowledgement that settled a recipient's warning (who, which way, when,
// for an address or a domain), the rule it settled and that rule's own
// action (DecisionRecipient), on both backends; records written by schema 7
// read back as settled by none (migration 8).
#include <gtest/gtest.h>

#include "store/store_testing.h"

namespace nearmiss {

namespace {
DecisionRecord Acknowledged(int64_t t) {
  DecisionRecord r;
  r.time_ms = t;
  r.source = "milter";
  r.queue_id = "4XyZ1";
  r.sender = "alice@mod.gov.uk";
  r.action = "accept";
  r.level = "OFFICIAL";
  r.rule = "default action";
  r.message_id = "m1@mod.gov.uk";
  DecisionRecipient p{
      "jon.smith@partner.example", "trusted", "accept",
      {"trusted", "address-typo"}, "",        "john.smith@partner.example"};
  p.acknowledged_by = 7;
  p.acknowledgement = {"alice@mod.gov.uk", "confirm-link", 1764000000,
                       "address"};
  p.settled_rule = "rule 2 'address-typo' (policy.toml:9:1)";
  p.rule_action = "confirm";
  r.recipients.push_back(p);
  // A second recipient no acknowledgement settled.
  r.recipients.push_back(
      {"bob@partner.example", "trusted", "accept", {"trusted"}, "", ""});
  return r;
}
}  // namespace

TEST_P(StoreTest, AuditRecordNamesTheAcknowledgementThatSettledIt) {
  ASSERT_TRUE(store_->AppendAudit({Acknowledged(1000)}).ok());
  auto found = store_->SearchAudit({});
  ASSERT_TRUE(found.ok()) << found.error().message();
  ASSERT_EQ(found->size(), 1u);
  ASSERT_EQ((*found)[0].recipients.size(), 2u);
  const DecisionRecipient& p = (*found)[0].recipients[0];
  EXPECT_EQ(p.acknowledged_by, 7);
  EXPECT_EQ(p.acknowledgement.who, "alice@mod.gov.uk");
  EXPECT_EQ(p.acknowledgement.path, "confirm-link");
  EXPECT_EQ(p.acknowledgement.made_at, 1764000000);
  EXPECT_EQ(p.acknowledgement.scope, "address");
  EXPECT_EQ(p.settled_rule, "rule 2 'address-typo' (policy.toml:9:1)");
  EXPECT_EQ(p.rule_action, "confirm");
  EXPECT_EQ(p.action, "accept");
  const DecisionRecipient& q = (*found)[0].recipients[1];
  EXPECT_EQ(q.acknowledged_by, 0);
  EXPECT_EQ(q.acknowledgement.who, "");
  EXPECT_EQ(q.settled_rule, "");
  EXPECT_EQ(q.rule_action, "");
}

TEST_P(StoreTest, MigrationFromSchema7ReadsOldRecordsAsSettledByNone) {
  {
    auto conn = EmptyAt(7);
    ASSERT_NE(conn, nullptr);
    // What a schema-7 nearmiss wrote: a record, its recipient, a learned pair.
    ASSERT_TRUE(
        conn->Exec(
                "schema-7 record",
                "INSERT INTO nm_audit (time_ms, source, queue_id, sender, "
                "action, "
                "level, rule, message_id, digest, record_key) VALUES (900, "
                "'milter', "
                "'Q9', 'alice@mod.gov.uk', 'accept', 'none', 'default action', "
                "'old@mod.gov.uk', '', 'k-old')")
            .ok());
    auto id = conn->Query("schema-7 id",
                          "SELECT id FROM nm_audit WHERE record_key = 'k-old'");
    ASSERT_TRUE(id.ok() && id->size() == 1u);
    ASSERT_TRUE(
        conn->Exec(
                "schema-7 recipient",
                "INSERT INTO nm_audit_recipient (audit_id, position, address, "
                "domain, "
                "verdict, action, reasons, target, suggestion) VALUES ($1, 0, "
                "'jon.smith@partner.example', 'partner.example', 'trusted', "
                "'accept', "
                "'trusted address-typo', '', 'john.smith@partner.example')",
                {store::ToInt((*id)[0][0])})
            .ok());
    ASSERT_TRUE(
        conn->Exec("schema-7 pair",
                   "INSERT INTO nm_correspondent (sender, recipient, messages, "
                   "first_seen, last_seen) VALUES ('alice@mod.gov.uk', "
                   "'john.smith@partner.example', 3, 100, 200)")
            .ok());
  }
  auto opened = Store::Open(url_);
  ASSERT_TRUE(opened.ok()) << opened.error().message();
  store_ = std::move(*opened);
  EXPECT_EQ(*store_->schema_version(), kSchemaVersion);
  auto pairs = store_->Correspondents("alice@mod.gov.uk");
  ASSERT_TRUE(pairs.ok()) << pairs.error().message();
  ASSERT_EQ(pairs->size(), 1u);
  EXPECT_EQ((*pairs)[0].messages, 3);
  // A new record beside the old one keeps its acknowledgement.
  ASSERT_TRUE(store_->AppendAudit({Acknowledged(1000)}).ok());
  auto found = store_->SearchAudit({});
  ASSERT_TRUE(found.ok()) << found.error().message();
  ASSERT_EQ(found->size(), 2u);
  const DecisionRecipient& fresh = (*found)[0].recipients[0];  // newest first
  EXPECT_EQ(fresh.acknowledged_by, 7);
  EXPECT_EQ(fresh.acknowledgement.path, "confirm-link");
  ASSERT_EQ((*found)[1].recipients.size(), 1u);
  const DecisionRecipient& old = (*found)[1].recipients[0];
  EXPECT_EQ(old.address, "jon.smith@partner.example");
  EXPECT_EQ(old.suggestion, "john.smith@partner.example");
  EXPECT_EQ(old.acknowledged_by, 0);
  EXPECT_EQ(old.acknowledgement.who, "");
  EXPECT_EQ(old.acknowledgement.made_at, 0);
  EXPECT_EQ(old.settled_rule, "");
  EXPECT_EQ(old.rule_action, "");
}

}  // namespace nearmiss

namespace nearmiss {

// Schema 8: the display name a recipient is written under is kept per pair
// (the last seen), read back in Correspondents and the snapshot, and filled
// by a delivery counted before (a store learned before schema 8 kept none;
// learning the folder again counts nothing but names it).
TEST_P(StoreTest, DisplayNamesAreKeptAndFilledByDeliveriesCountedBefore) {
  const std::string alice = "alice@mod.example";
  ASSERT_TRUE(store_
                  ->RecordDeliveries({{alice, "js@partner.example", 100,
                                       "msgid:1@x js@partner.example"},
                                      {alice,
                                       "bob@partner.example",
                                       100,
                                       "msgid:1@x bob@partner.example",
                                       {},
                                       "Bob Brown"}})
                  .ok());
  auto pairs = store_->Correspondents(alice);
  ASSERT_TRUE(pairs.ok()) << pairs.error().message();
  ASSERT_EQ(pairs->size(), 2u);
  for (const AddressStats& a : *pairs) {
    EXPECT_EQ(a.display_name,
              a.recipient == "bob@partner.example" ? "Bob Brown" : "")
        << a.recipient;
  }
  // The same delivery again, now with the name: no count, the name kept.
  RecordedDeliveries out;
  ASSERT_TRUE(store_
                  ->RecordDeliveries({{alice,
                                       "js@partner.example",
                                       100,
                                       "msgid:1@x js@partner.example",
                                       {},
                                       "\"Jon Smythe\""}},
                                     &out)
                  .ok());
  EXPECT_EQ(out.counted_total, 0u);
  auto snap = store_->Snapshot(/*with_addresses=*/true);
  ASSERT_TRUE(snap.ok()) << snap.error().message();
  bool seen = false;
  for (const AddressStats& a : snap->correspondents) {
    if (a.recipient != "js@partner.example") continue;
    seen = true;
    EXPECT_EQ(a.messages, 1);
    EXPECT_EQ(a.display_name, "\"Jon Smythe\"");
  }
  EXPECT_TRUE(seen);
  // A later delivery with no name keeps the one known.
  ASSERT_TRUE(store_
                  ->RecordDeliveries({{alice, "bob@partner.example", 200,
                                       "msgid:2@x bob@partner.example"}})
                  .ok());
  pairs = store_->Correspondents(alice);
  for (const AddressStats& a : *pairs) {
    if (a.recipient == "bob@partner.example") {
      EXPECT_EQ(a.messages, 2);
      EXPECT_EQ(a.display_name, "Bob Brown");
    }
  }
}

}  // namespace nearmiss
