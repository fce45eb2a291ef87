// Defect 2 of the issue-14 tester's round 4: a held message released by its
// sender's link and deleted by an admin at the same moment was both, each
// answered success, and the audit said "deleted" of a delivered message.
// Now one action at a time holds the message's claim, shared by every serve
// node on the store, and postsuper's own count says whether it acted.
#include "http/held_claim.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "http/fake_postfix_testing.h"
#include "http/postfix_queue.h"

namespace nearmiss::http {
namespace {

TEST(HeldClaimsTest, OneActionAtATimeAcrossNodesSharingTheStore) {
  std::string path = ::testing::TempDir() + "/nearmiss_held_claim_test.db";
  std::filesystem::remove(path);
  // Two serve nodes: two connections to one store.
  Result<std::unique_ptr<Store>> a = Store::Open(path);
  ASSERT_TRUE(a.ok()) << a.error().message();
  Result<std::unique_ptr<Store>> b = Store::Open(path);
  ASSERT_TRUE(b.ok()) << b.error().message();
  HeldClaims node_a(a->get()), node_b(b->get());
  EXPECT_TRUE(*node_a.Claim("4F2A91C3B", 1000));
  EXPECT_FALSE(*node_b.Claim("4F2A91C3B", 1001)) << "the other node's action is under way";
  EXPECT_FALSE(*node_a.Claim("4F2A91C3B", 1001)) << "and this node's other request too";
  EXPECT_TRUE(*node_b.Claim("5A1B2C3D4", 1001)) << "another message is not held up";
  node_a.Give("4F2A91C3B");
  EXPECT_TRUE(*node_b.Claim("4F2A91C3B", 1002)) << "given back when the action ended";
  // A node that died holding a claim: it lapses.
  EXPECT_FALSE(*node_a.Claim("4F2A91C3B", 1002 + kClaimSeconds - 1));
  EXPECT_TRUE(*node_a.Claim("4F2A91C3B", 1003 + kClaimSeconds));
}

TEST(HeldClaimsTest, WithoutAStoreClaimsAreThisProcesss) {
  HeldClaims claims(nullptr);
  EXPECT_TRUE(*claims.Claim("4F2A91C3B", 1000));
  EXPECT_FALSE(*claims.Claim("4F2A91C3B", 1000));
  claims.Give("4F2A91C3B");
  EXPECT_TRUE(*claims.Claim("4F2A91C3B", 1000));
}

// What postsuper (Postfix 3.7, this machine) writes on its standard error,
// through a pipe: "0 messages" when the id matched nothing.
TEST(PostsuperCountTest, ReadsTheReport) {
  EXPECT_EQ(PostsuperCount("postsuper: 02E6111613C: released from hold\n"
                           "postsuper: Released from hold: 1 message\n",
                           "Released from hold"),
            1);
  EXPECT_EQ(PostsuperCount("postsuper: Released from hold: 0 messages\n", "Released from hold"),
            0);
  EXPECT_EQ(PostsuperCount("postsuper: 02E6111613C: removed\npostsuper: Deleted: 1 message\n",
                           "Deleted"),
            1);
  EXPECT_EQ(PostsuperCount("postsuper: Deleted: 0 messages\n", "Deleted"), 0);
  EXPECT_EQ(PostsuperCount("postsuper: Deleted: 12 messages\n", "Deleted"), 12);
  // Another report, or none, is no count.
  EXPECT_EQ(PostsuperCount("postsuper: Released from hold: 1 message\n", "Deleted"), -1);
  EXPECT_EQ(PostsuperCount("", "Deleted"), -1);
  EXPECT_EQ(PostsuperCount("x postsuper: Deleted: 1 message\n", "Deleted"), -1);
  EXPECT_EQ(PostsuperCount("postsuper: Deleted: lots\n", "Deleted"), -1);
}

// A count of 0 and the message gone: another action took it (false, the
// caller's 409). A count of 0 and the message still held is not that (the
// issue-14 tester, round 43, finding 9: "another release or delete came
// first" while nobody had acted): an error with postsuper's words.
TEST(PostfixQueueTest, ACountOfZeroIsNoRelease) {
  PostfixOptions o;
  o.command_dir = FakeTools("zero", "postsuper: Released from hold: 0 messages\\n");
  // postqueue lists it until postsuper ran (the other action's move).
  const std::string gone = o.command_dir + "/gone";
  std::ofstream(o.command_dir + "/postqueue")
      << "#!/bin/sh\n[ -e " << gone << " ] && exit 0\n"
      << "[ \"$1\" = -j ] && echo '{\"queue_name\": \"hold\", \"queue_id\": \"4F2A91C3B\", "
         "\"sender\": \"alice@mod.gov.uk\", \"recipients\": []}'\nexit 0\n";
  std::ofstream(o.command_dir + "/postsuper")
      << "#!/bin/sh\ntouch " << gone << "\nprintf 'postsuper: Released from hold: 0 messages\\n' >&2\n";
  PostfixQueue q(o);
  Result<bool> released = q.Release("4F2A91C3B");
  ASSERT_TRUE(released.ok()) << released.error().message();
  EXPECT_FALSE(*released);
  // Still held after the 0: postsuper's words, not "another came first".
  o.command_dir = FakeTools("zero_delete", "postsuper: warning: cannot rename hold/4F2A91C3B\\n"
                                           "postsuper: Deleted: 0 messages\\n");
  Result<bool> deleted = PostfixQueue(o).Delete("4F2A91C3B");
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(deleted.error().message(),
            "postsuper deleted 0 messages and 4F2A91C3B is still in the hold queue (postsuper "
            "said: postsuper: warning: cannot rename hold/4F2A91C3B postsuper: Deleted: 0 "
            "messages); see the mail log");
}

TEST(PostfixQueueTest, ACountOfOneIsDone) {
  PostfixOptions o;
  o.command_dir = FakeTools("one", "postsuper: 4F2A91C3B: released from hold\\n"
                                   "postsuper: Released from hold: 1 message\\n");
  Result<bool> released = PostfixQueue(o).Release("4F2A91C3B");
  ASSERT_TRUE(released.ok()) << released.error().message();
  EXPECT_TRUE(*released);
}

// No count printed and the message still held: an error, never "done".
TEST(PostfixQueueTest, NoCountAndStillHeldIsAnError) {
  PostfixOptions o;
  o.command_dir = FakeTools("silent", "");
  Result<bool> deleted = PostfixQueue(o).Delete("4F2A91C3B");
  ASSERT_FALSE(deleted.ok());
  EXPECT_NE(deleted.error().message().find("still in the hold queue"), std::string::npos)
      << deleted.error().message();
}

}  // namespace
}  // namespace nearmiss::http
