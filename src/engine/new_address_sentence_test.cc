// Issue 14 (round 34, open since an earlier round): the new-address
// sentence said the domain "is a known correspondent", more than the
// history shows (a domain written to once is none). It now states the
// history's facts: nobody here wrote to the address; people here wrote to
// the domain so many times, last on a day.
#include <gtest/gtest.h>

#include <string>

#include "engine/acknowledgement_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

std::string NewAddressSentence(const Engine& e, const std::string& to) {
  RecipientCheck c = e.CheckRecipient(to);
  for (const Reason& r : c.reasons) {
    if (r.code != ReasonCode::kNewAddress) continue;
    std::string out;
    AppendReasonMessage(r, &out);
    return out;
  }
  return "";
}

TEST(NewAddressSentence, StatesOnlyWhatTheHistoryShows) {
  auto e = Compile(R"(
[history]
flag_new_addresses = true
address_typo = false
)");
  ASSERT_NE(e, nullptr);
  // partner.example: 40 messages, last 2023-12-31; newpartner.example: 4.
  EXPECT_EQ(NewAddressSentence(*e, "zoe.quinn@partner.example"),
            "nobody here has written to zoe.quinn@partner.example before; people here have "
            "written to partner.example (written to 40 times, last on 2023-12-31)");
  EXPECT_EQ(NewAddressSentence(*e, "zoe.quinn@newpartner.example"),
            "nobody here has written to zoe.quinn@newpartner.example before; people here "
            "have written to newpartner.example (written to 4 times, last on 2023-12-31)");
  const std::string said = NewAddressSentence(*e, "ann.other@newpartner.example");
  EXPECT_EQ(said.find("known correspondent"), std::string::npos) << said;
  // Written to: no new-address at all.
  EXPECT_EQ(NewAddressSentence(*e, "john.smith@partner.example"), "");
  // A stored reason from before the facts were kept says only the first part.
  Reason old;
  old.code = ReasonCode::kNewAddress;
  old.subject = "zoe@partner.example";
  old.object = "partner.example";
  std::string out;
  AppendReasonMessage(old, &out);
  EXPECT_EQ(out, "nobody here has written to zoe@partner.example before; people here have "
                 "written to partner.example");
}

}  // namespace
}  // namespace nearmiss
