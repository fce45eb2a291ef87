// The one folding rule of learned keys (learned_keys.h): a Message-ID's
// id-right folded, its id-left as written; a stored key read back to its
// Message-ID and recipient, whatever they hold.
#include "store/learned_keys.h"

#include <gtest/gtest.h>

namespace nearmiss::store {
namespace {

TEST(LearnedKeysTest, FoldsTheIdRightOnly) {
  EXPECT_EQ(FoldMessageId("ABC.123@EX01.MOD.EXAMPLE"), "ABC.123@ex01.mod.example");
  EXPECT_EQ(FoldMessageId("abc@example.com"), "abc@example.com");
  // The last '@' starts the id-right (an obsolete quoted id-left may hold one).
  EXPECT_EQ(FoldMessageId("\"A@B\"@HOST.Example"), "\"A@B\"@host.example");
  EXPECT_EQ(FoldMessageId("[1.2.3.4]@[IPv6:FE80::1]"), "[1.2.3.4]@[ipv6:fe80::1]");
  EXPECT_EQ(FoldMessageId("NoDomain"), "NoDomain");
  EXPECT_EQ(FoldMessageId(""), "");
}

TEST(LearnedKeysTest, FoldsAStoredKeysMessageIdOnly) {
  EXPECT_EQ(FoldStoredKey("msgid:AbC@EXAMPLE.COM bob@partner.example"),
            "msgid:AbC@example.com bob@partner.example");
  // A quoted recipient with a blank: the Message-ID still ends at the first.
  EXPECT_EQ(FoldStoredKey("msgid:Id@X.ORG \"jon smith\"@partner.example"),
            "msgid:Id@x.org \"jon smith\"@partner.example");
  // No '@' in the Message-ID: the recipient's is no id-right.
  EXPECT_EQ(FoldStoredKey("msgid:NoDomain bob@PARTNER.example"),
            "msgid:NoDomain bob@PARTNER.example");
  EXPECT_EQ(FoldStoredKey("msgid:NoDomain \"a b\"@X.ORG"), "msgid:NoDomain \"a b\"@X.ORG");
  // Other kinds of keys are not Message-IDs.
  EXPECT_EQ(FoldStoredKey("log:Q1ABC bob@partner.example 600"),
            "log:Q1ABC bob@partner.example 600");
  EXPECT_EQ(FoldStoredKey("nomsgid:a@X.ORG 1700000000 Subject"),
            "nomsgid:a@X.ORG 1700000000 Subject");
  EXPECT_EQ(FoldStoredKey("msgid:"), "msgid:");
}

}  // namespace
}  // namespace nearmiss::store
