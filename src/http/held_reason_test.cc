// The held view's reason (issue 14 breaker, item 6): the reason that chose
// the rule and its suggestion, from the milter's decision record in the
// store, not the tag header's first clause (an address typo's trusted note).
#include "http/held_reason.h"

#include <gtest/gtest.h>

#include <memory>

namespace nearmiss::http {
namespace {

DecisionRecord TypoRecord(const std::string& queue_id) {
  DecisionRecord r;
  r.source = "milter";
  r.queue_id = queue_id;
  r.sender = "carol@ourorg.example";
  r.action = "confirm";
  r.rule = "address-typo";
  r.time_ms = 1'764'000'000'000;
  r.recipients.push_back({"maria.garsia@client.example", "trusted", "confirm",
                          {"trusted", "address-typo"}, "", "maria.garcia@client.example"});
  r.recipients.push_back({"wei.zhang@client.example", "trusted", "accept", {"trusted"}, "", ""});
  return r;
}

TEST(HeldReasonTest, NamesTheFlaggedRecipientsReasonAndSuggestion) {
  EXPECT_EQ(HeldReason(TypoRecord("08CE711C0E5")),
            "maria.garsia@client.example: address-typo; did you mean "
            "maria.garcia@client.example?");
  DecisionRecord accepted = TypoRecord("08CE711C0E5");
  accepted.recipients.erase(accepted.recipients.begin());
  EXPECT_EQ(HeldReason(accepted), "");
}

TEST(HeldReasonTest, ReadsTheRecordOfTheHeldMessageFromTheStore) {
  Result<std::unique_ptr<Store>> store = Store::Open("sqlite::memory:");
  ASSERT_TRUE(store.ok()) << store.error().message();
  DecisionRecord other = TypoRecord("08CE711C0E");  // a prefix of the held id
  other.recipients[0].suggestion = "someone.else@client.example";
  ASSERT_TRUE((*store)->AppendAudit({other, TypoRecord("08CE711C0E5")}).ok());
  HeldMessage m;
  m.id = "08CE711C0E5";
  m.reason = "reasons=address-typo";  // the tag header's words
  HeldReasonFromStore(store->get(), m);
  EXPECT_EQ(m.reason,
            "maria.garsia@client.example: address-typo; did you mean "
            "maria.garcia@client.example?");
  // No record (or no store): the header's words stay.
  HeldMessage unknown;
  unknown.id = "1234567ABC";
  unknown.reason = "reasons=address-typo";
  HeldReasonFromStore(store->get(), unknown);
  EXPECT_EQ(unknown.reason, "reasons=address-typo");
  HeldReasonFromStore(nullptr, unknown);
  EXPECT_EQ(unknown.reason, "reasons=address-typo");
}

}  // namespace
}  // namespace nearmiss::http
