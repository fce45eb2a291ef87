#include "confirm/link.h"

#include <gtest/gtest.h>

#include "confirm/link_testing.h"
#include "confirm/notice.h"
#include "confirm/notice_testing.h"

namespace nearmiss::confirm {
namespace {

const std::string kKey(32, 'k');

ConfirmLink Release() {
  ConfirmLink l;
  l.action = "release";
  l.queue_id = "4F2A91C3B";
  l.sender = "alice@example.org";
  l.recipients = {{"jon@gmial.com", "label-typo", "jon@gmail.com"},
                  {"bob@gmial.com", "label-typo", "bob@gmail.com"}};
  l.expires_at = 2'000'000'000;
  return l;
}

TEST(LinkSigner, SignedLinkVerifiesWithItsFields) {
  LinkSigner signer(kKey);
  Result<ConfirmLink> l = signer.Verify(signer.Sign(Release()));
  ASSERT_TRUE(l.ok()) << l.error().message();
  EXPECT_EQ(l->action, "release");
  EXPECT_EQ(l->queue_id, "4F2A91C3B");
  EXPECT_EQ(l->sender, "alice@example.org");
  EXPECT_EQ(l->recipients, Release().recipients);
  EXPECT_EQ(l->Addresses(), (std::vector<std::string>{"jon@gmial.com", "bob@gmial.com"}));
  EXPECT_EQ(l->version, 4);
  EXPECT_EQ(l->expires_at, 2'000'000'000);
  EXPECT_EQ(l->nonce.size(), 32u);
  EXPECT_FALSE(Expired(*l, 1'999'999'999));
  EXPECT_TRUE(Expired(*l, 2'000'000'000));
}

// Issue-14 tester, round 42, item 3: a link names its held message beyond
// the queue id Postfix reuses: the hold id of its tag header and its
// Message-ID, whatever their characters.
TEST(LinkSigner, CarriesTheHeldMessagesHoldIdAndMessageId) {
  LinkSigner signer(kKey);
  ConfirmLink l = Release();
  l.hold_id = "5ca1ab1e5ca1ab1e";
  l.message_id = "a\tb%0A@host.example";
  Result<ConfirmLink> back = signer.Verify(signer.Sign(l));
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(back->version, 4);
  EXPECT_EQ(back->hold_id, "5ca1ab1e5ca1ab1e");
  EXPECT_EQ(back->message_id, "a\tb%0A@host.example");
  EXPECT_EQ(back->recipients, l.recipients);
  // A version-3 token (signed before) reads with neither.
  const std::string v3 =
      "v3\nrelease\n4F2A91C3B\nalice@example.org\n2000000000\n00112233445566778899aabbccddeeff"
      "\njon@gmial.com\tlabel-typo\tjon@gmail.com\t";
  back = signer.Verify(SignPayload(kKey, v3));
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(back->version, 3);
  EXPECT_EQ(back->hold_id, "");
  EXPECT_EQ(back->message_id, "");
  ASSERT_EQ(back->recipients.size(), 1u);
}

// Issue 14 (warn once): a release acknowledges the warning the notice
// showed, so the link carries each recipient's codes and suggestion, and
// no value can pose as another field (a quoted local part may hold a tab
// or a '%'; RFC 5321 section 4.1.2's quoted-pair).
TEST(LinkSigner, CarriesEachRecipientsWarningWhateverItsCharacters) {
  LinkSigner signer(kKey);
  ConfirmLink l = Release();
  l.recipients = {{"\"jon\tsmith\"@partner.example", "address-typo irregular-address",
                   "john.smith@partner.example"},
                  {"a%09b@x.example", "new-domain", ""},
                  {"kim@mailo.com", "real-neighbour address-typo", "kim@mail.com"}};
  Result<ConfirmLink> back = signer.Verify(signer.Sign(l));
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(back->recipients, l.recipients);
  EXPECT_EQ(back->sender, "alice@example.org");
  l.recipients.clear();
  back = signer.Verify(signer.Sign(l));
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->recipients.empty());
}

// Issue 14's fresh tester, defect 1: a release acknowledges the warning's
// address-typo kind too, so "one letter differs" released does not settle
// a later display name that names the suggested person.
TEST(LinkSigner, CarriesEachRecipientsAddressTypoKind) {
  LinkSigner signer(kKey);
  ConfirmLink l = Release();
  l.recipients = {{"jon.smith@partner.example", "address-typo", "john.smith@partner.example",
                   "edit"},
                  {"li.wie@partner.example", "address-typo", "li.wei@partner.example",
                   "display-name"},
                  {"jon@gmial.com", "label-typo", "jon@gmail.com", ""}};
  Result<ConfirmLink> back = signer.Verify(signer.Sign(l));
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(back->recipients, l.recipients);
  EXPECT_EQ(back->recipients[1].typo_kind, "display-name");
}

// A notice sent before the kind was carried holds a version-2 token: it
// still releases, with no kind (which settles no address-typo:
// acknowledgement.h); a version-2 line with a fourth field is refused.
TEST(LinkSigner, AVersion2TokenVerifiesWithoutTheKind) {
  const std::string head =
      "v2\nrelease\n4F2A91C3B\nalice@example.org\n2000000000\n00112233445566778899aabbccddeeff";
  Result<ConfirmLink> l = LinkSigner(kKey).Verify(
      SignPayload(kKey, head + "\njon.smith@partner.example\taddress-typo\tjohn.smith@partner.example"));
  ASSERT_TRUE(l.ok()) << l.error().message();
  EXPECT_EQ(l->version, 2);
  ASSERT_EQ(l->recipients.size(), 1u);
  EXPECT_EQ(l->recipients[0].reasons, "address-typo");
  EXPECT_EQ(l->recipients[0].suggestion, "john.smith@partner.example");
  EXPECT_EQ(l->recipients[0].typo_kind, "");
  EXPECT_FALSE(LinkSigner(kKey)
                   .Verify(SignPayload(kKey, head + "\njon@x.example\tlabel-typo\tjon@y.example\tedit"))
                   .ok());
}

// A notice sent before the upgrade carries a version-1 token: it still
// verifies (the message can still be released), with no warning for its
// recipients (a release by it acknowledges nothing: routes_confirm.cc).
TEST(LinkSigner, AVersion1TokenStillVerifiesWithoutWarnings) {
  const std::string token =
      SignVersion1(kKey, "release", "4F2A91C3B", "alice@example.org",
                   "jon@gmial.com bob@gmial.com", "2000000000", "00112233445566778899aabbccddeeff");
  Result<ConfirmLink> l = LinkSigner(kKey).Verify(token);
  ASSERT_TRUE(l.ok()) << l.error().message();
  EXPECT_EQ(l->version, 1);
  EXPECT_EQ(l->queue_id, "4F2A91C3B");
  EXPECT_EQ(l->Addresses(), (std::vector<std::string>{"jon@gmial.com", "bob@gmial.com"}));
  EXPECT_EQ(l->recipients[0].reasons, "");
  EXPECT_EQ(l->recipients[0].suggestion, "");
  EXPECT_EQ(l->nonce, "00112233445566778899aabbccddeeff");
  // Signed with another key it is refused like any forgery.
  EXPECT_FALSE(LinkSigner(std::string(32, 'x')).Verify(token).ok());
}

TEST(LinkSigner, EachSignatureHasItsOwnNonce) {
  LinkSigner signer(kKey);
  EXPECT_NE(signer.Sign(Release()), signer.Sign(Release()));
}

TEST(LinkSigner, RefusesATamperedOrForeignToken) {
  LinkSigner signer(kKey);
  std::string token = signer.Sign(Release());
  // Flip one hex digit of the payload: the queue id or sender changes.
  std::string tampered = token;
  tampered[10] = tampered[10] == '0' ? '1' : '0';
  EXPECT_EQ(signer.Verify(tampered).error().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(LinkSigner(std::string(32, 'x')).Verify(token).ok());
  EXPECT_FALSE(signer.Verify("").ok());
  EXPECT_FALSE(signer.Verify("zz.zz").ok());
  EXPECT_FALSE(signer.Verify(token.substr(0, token.size() - 2)).ok());
}

TEST(LinkSigner, KeyFileNeeds32Bytes) {
  EXPECT_EQ(LinkSigner::FromKeyFile("/nonexistent/key").error().code(), StatusCode::kNotFound);
}

TEST(ComposeNotice, NamesRecipientReasonSuggestionAndBothLinks) {
  Notice n;
  n.from = "nearmiss@example.org";
  n.to = "alice@example.org";
  n.queue_id = "4F2A91C3B";
  n.subject = "Quarterly\r\nBcc: evil@x";
  n.recipients = {{"jon@gmial.com", "gmial.com looks like gmail.com", "jon@gmail.com"}};
  n.release_url = "http://127.0.0.1:8025/confirm?t=R";
  n.delete_url = "http://127.0.0.1:8025/confirm?t=D";
  n.expires_at = 2'000'000'000;
  n.acknowledgement_days = 180;
  n.date = 1'800'000'000;
  std::string whole = ComposeNotice(n);
  EXPECT_NE(whole.find("To: alice@example.org\r\n"), std::string::npos);
  // The held message's subject cannot add a header.
  EXPECT_EQ(whole.find("\r\nBcc:"), std::string::npos);
  EXPECT_EQ(whole.find("\nBcc:"), std::string::npos);
  std::string m = DecodedBody(whole);
  EXPECT_NE(m.find("Did you mean jon@gmail.com?"), std::string::npos);
  EXPECT_NE(m.find("gmial.com looks like gmail.com"), std::string::npos);
  EXPECT_NE(m.find("confirm?t=R"), std::string::npos);
  EXPECT_NE(m.find("confirm?t=D"), std::string::npos);
  EXPECT_NE(m.find("180 days"), std::string::npos);
  EXPECT_NE(m.find("2033-05-18 03:33 UTC"), std::string::npos);
}

}  // namespace
}  // namespace nearmiss::confirm
