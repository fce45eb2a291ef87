#include "maillog/postfix_fields.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::maillog {
namespace {

TEST(PostfixFields, RecipientEndsAtTheBracketOutsideQuotes) {
  DeliveryFields f;
  ASSERT_TRUE(ReadDeliveryFields(
      "to=<\"x>y\"@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=1, delays=0/0/0/1, "
      "dsn=2.0.0, status=sent (250 2.0.0 Ok)",
      &f));
  EXPECT_EQ(f.recipient, "\"x>y\"@army.ml");
  EXPECT_EQ(AddressDomain(f.recipient), "army.ml");
  EXPECT_EQ(f.status, "sent");
  EXPECT_EQ(f.status_text, "250 2.0.0 Ok");
}

TEST(PostfixFields, AQuotedStatusInTheLocalPartIsNotTheStatus) {
  DeliveryFields f;
  ASSERT_TRUE(ReadDeliveryFields(
      "to=<\"a, status=deferred\"@army.ml>, orig_to=<\"b\\\"c>\"@army.ml>, relay=r[192.0.2.7]:25, "
      "conn_use=2, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)",
      &f));
  EXPECT_EQ(f.recipient, "\"a, status=deferred\"@army.ml");
  EXPECT_EQ(f.orig_recipient, "\"b\\\"c>\"@army.ml");
  EXPECT_EQ(f.relay, "r[192.0.2.7]:25");
  EXPECT_EQ(f.dsn, "2.0.0");
  EXPECT_EQ(f.status, "sent");
}

TEST(PostfixFields, StatusWordAndTextApart) {
  DeliveryFields f;
  ASSERT_TRUE(ReadDeliveryFields("to=<a@b.org>, relay=none, delay=432000, delays=0/0/0/0, "
                                 "dsn=4.4.1, status=expired, returned to sender",
                                 &f));
  EXPECT_EQ(f.status, "expired");
  EXPECT_EQ(f.status_text, "returned to sender");
  EXPECT_FALSE(ReadDeliveryFields("to=<a@b.org>, relay=none", &f));
  EXPECT_FALSE(ReadDeliveryFields("to=<a@b.org, relay=none, status=sent (x)", &f));
}

TEST(PostfixFields, InternalFormAddressEndsBeforeTheNextField) {
  EXPECT_EQ(AddressEnd("x>y@army.ml>, relay=none"), 11u);
  EXPECT_EQ(AddressEnd("a\"b@army.ml>, relay=none"), 11u);
  EXPECT_EQ(AddressEnd("unclosed, relay=none"), std::string_view::npos);
}

TEST(PostfixFields, FromAndQueuedAs) {
  std::string_view sender, rest;
  ASSERT_TRUE(ReadFromField("from=<\"a>b\"@mod.gov.uk>, status=expired, returned to sender", &sender,
                            &rest));
  EXPECT_EQ(sender, "\"a>b\"@mod.gov.uk");
  EXPECT_EQ(rest, ", status=expired, returned to sender");
  EXPECT_EQ(QueuedAs("250 2.0.0 Ok: queued as 4F2A1B3C"), "4F2A1B3C");
  EXPECT_EQ(QueuedAs("250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as 4F2A1B3C)"),
            "4F2A1B3C");
  EXPECT_EQ(QueuedAs("250 ok"), "");
}

TEST(JudgeableRecipient, DomainsTheGuardCanClassify) {
  for (const char* ok : {"bob@army.ml", "Bob@ARMY.ML.", "\"x>y\"@army.ml", "\"a b\"@army.ml",
                         "bob@[192.0.2.7]", "bob@xn--rmy-5cd.mil", "bob@\xd0\xb0rmy.mil",
                         "a@b_c.example"}) {
    EXPECT_TRUE(JudgeableRecipient(ok)) << ok;
  }
  for (const char* bad : {"", "bob", "bob@", "@army.ml", "bob@army..ml", "bob@.army.ml",
                          "bob@army ml", "b ob@army.ml", "\"bob@army.ml", "bob@[192.0.2.7",
                          "bob@army.ml@", "bob@arm\x01y.ml", "bob@a/b.ml"}) {
    EXPECT_FALSE(JudgeableRecipient(bad)) << bad;
  }
  std::string long_label = "bob@" + std::string(64, 'a') + ".ml";
  EXPECT_FALSE(JudgeableRecipient(long_label));
}

TEST(FieldValue, KeysAtFieldStarts) {
  std::string_view t = "to=<a@b>, orig_to=<x@y>, relay=r[1]:25, dsn=2.0.0, status=sent (ok)";
  EXPECT_EQ(FieldValue(t, "relay="), "r[1]:25");
  EXPECT_EQ(FieldValue(t, "status="), "sent");
  EXPECT_EQ(FieldValue(t, "size="), "");
}

// A relay inside the organisation takes a hand-off, never the receiving
// domain's acceptance: loopback, private, shared and link-local addresses
// (IPv4 and IPv6, bare or "ipv6:"), and an IPv4-mapped one as its IPv4.
TEST(InternalRelay, PrivateAndLoopbackAddressesOnly) {
  for (const char* in : {"127.0.0.1[127.0.0.1]:10024", "localhost[127.0.0.1]:10025",
                         "gw.army.mil[10.0.0.20]:25", "gw[172.16.0.1]:25", "gw[172.31.255.254]:25",
                         "gw[192.168.1.5]:25", "gw[100.64.0.9]:25", "gw[169.254.3.4]:25",
                         "gw[::1]:25", "gw[ipv6:::1]:25", "gw[fd00:10::25]:25", "gw[fc00::1]:25",
                         "gw[fe80::1]:25", "gw[::ffff:10.1.2.3]:25"}) {
    EXPECT_TRUE(InternalRelay(in)) << in;
  }
  for (const char* out : {"mx.army.ml[192.0.2.1]:25", "mx[172.32.0.1]:25", "mx[172.15.0.1]:25",
                          "mx[100.128.0.1]:25", "mx[8.8.8.8]:25", "mx[2001:db8::25]:25",
                          "mx[::ffff:192.0.2.1]:25", "dfilt", "none", "", "mx[10.0.0]:25",
                          "mx[not-an-address]:25", "mx[10.0.0.1"}) {
    EXPECT_FALSE(InternalRelay(out)) << out;
  }
}

// Issue-16 tester round 34, item 8: the forms an internal relay's address
// takes in a log: a zone id on a scoped IPv6 address, upper case, the
// "IPv6:" tag, a mapped IPv4, a site-local address.
TEST(InternalRelay, AddressForms) {
  for (const char* in : {"gw[fe80::1%eth0]:25", "gw[ipv6:fe80::1%25eth0]:25",
                         "gw[IPv6:FE80::A%ens3]:25", "gw[FD12::1]:25", "gw[fec0::1]:25",
                         "gw[::FFFF:192.168.0.9]:25", "gw[::ffff:100.64.1.1]:25",
                         "gw[::ffff:169.254.1.1]:25", "gw[::1%lo]:25"}) {
    EXPECT_TRUE(InternalRelay(in)) << in;
  }
  for (const char* out : {"mx[2001:db8::1%eth0]:25", "mx[ff02::1%eth0]:25",
                          "mx[192.0.2.1%eth0]:25"}) {
    EXPECT_FALSE(InternalRelay(out)) << out;
  }
}

}  // namespace
}  // namespace nearmiss::maillog
