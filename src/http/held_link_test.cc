// LinkFitOf: a confirm link acts only on the message it was made for
// (issue-14 tester, round 42, items 3 and 15).
#include "http/held_link.h"

#include <gtest/gtest.h>

namespace nearmiss::http {
namespace {

confirm::ConfirmLink Link() {
  confirm::ConfirmLink l;
  l.action = "release";
  l.queue_id = "ABC1C2D3F2";
  l.sender = "alice@ourorg.example";
  l.hold_id = "0123456789abcdef";
  l.message_id = "a1@ourorg.example";
  return l;
}

// As `postcat -h` shows a held message: its tag header and Message-ID.
HeldMessage Held(const std::string& tag, const std::string& message_id) {
  HeldMessage m;
  m.id = "ABC1C2D3F2";
  m.sender = "Alice@OurOrg.example";
  std::string postcat = "*** HEADER EXTRACTED hold/ABC1C2D3F2 ***\nSubject: B\n";
  if (!message_id.empty()) postcat += "Message-ID:  " + message_id + "\n";
  postcat += "X-Nearmiss: " + tag + "\n\nbody\n";
  ParseHeldContent(postcat, "X-Nearmiss", 0, m);
  return m;
}

TEST(LinkFitOf, TheMessageItWasMadeForFits) {
  HeldMessage m = Held("confirm; level=none; reasons=address-typo; hold-id=0123456789abcdef",
                       "<a1@ourorg.example>");
  EXPECT_EQ(m.hold_id, "0123456789abcdef");
  EXPECT_EQ(m.reason, "reasons=address-typo");  // the hold id is not the reason
  EXPECT_EQ(LinkFitOf(Link(), m), LinkFit::kSame);
}

// Postfix gave the queue id to another message of the same sender: another
// hold id (or none: a message held by `hold`, not `confirm`).
TEST(LinkFitOf, AnotherMessageUnderTheQueueIdDoesNot) {
  EXPECT_EQ(LinkFitOf(Link(), Held("confirm; level=none; reasons=address-typo; "
                                   "hold-id=fedcba9876543210", "<a1@ourorg.example>")),
            LinkFit::kOtherMessage);
  EXPECT_EQ(LinkFitOf(Link(), Held("hold; level=SECRET; rule=secret-external", "<b@x>")),
            LinkFit::kOtherMessage);
}

// The milter could add no tag header: the Message-ID decides, brackets and
// blanks aside.
TEST(LinkFitOf, WithNoHoldIdTheMessageIdDecides) {
  confirm::ConfirmLink l = Link();
  l.hold_id.clear();
  EXPECT_EQ(LinkFitOf(l, Held("confirm; level=none", "<a1@ourorg.example>")), LinkFit::kSame);
  EXPECT_EQ(LinkFitOf(l, Held("confirm; level=none", "<a2@ourorg.example>")),
            LinkFit::kOtherMessage);
  EXPECT_EQ(LinkFitOf(l, Held("confirm; level=none", "")), LinkFit::kOtherMessage);
  l.message_id.clear();  // names nothing: cannot tell
  EXPECT_EQ(LinkFitOf(l, Held("confirm; level=none", "<a1@ourorg.example>")), LinkFit::kUnbound);
}

TEST(LinkFitOf, AnotherSendersLinkIsNotForIt) {
  confirm::ConfirmLink l = Link();
  l.sender = "mallory@ourorg.example";
  EXPECT_EQ(LinkFitOf(l, Held("confirm; hold-id=0123456789abcdef", "")), LinkFit::kOtherSender);
}

// Tokens signed before version 4 name no message: never acted on.
TEST(LinkFitOf, AnOldTokenIsUnbound) {
  confirm::ConfirmLink l = Link();
  l.version = 3;
  EXPECT_EQ(LinkFitOf(l, Held("confirm; hold-id=0123456789abcdef", "<a1@ourorg.example>")),
            LinkFit::kUnbound);
}

TEST(BareMessageId, TakesOffBlanksAndOnePairOfBrackets) {
  EXPECT_EQ(BareMessageId(" <a@b> "), "a@b");
  EXPECT_EQ(BareMessageId("a@b"), "a@b");
  EXPECT_EQ(BareMessageId("<<a@b>>"), "<a@b>");
  EXPECT_EQ(BareMessageId("<"), "<");
}

}  // namespace
}  // namespace nearmiss::http
