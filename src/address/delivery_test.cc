// Each test is named after the Postfix behaviour it mirrors (trivial-rewrite
// resolve.c / rewrite.c, postconf(5)); tests/postfix/ checks the same forms
// against a running Postfix.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nearmiss/delivery.h"

namespace nearmiss {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

DeliveryOptions Local(std::vector<std::string> domains) {
  DeliveryOptions o;
  o.local_domains = std::move(domains);
  return o;
}

const DeliveryOptions kDefault;

Recipient Parse(std::string_view in, const DeliveryOptions& o = {}) {
  Result<Recipient> r = ParseRecipient(in, o);
  EXPECT_TRUE(r.ok()) << in << ": " << r.status().ToString();
  return r.ok() ? *r : Recipient{};
}

std::string Refusal(std::string_view in, const DeliveryOptions& o = {}) {
  Result<Recipient> r = ParseRecipient(in, o);
  if (r.ok()) {
    ADD_FAILURE() << in << " was accepted, delivery domain "
                  << r->domain.ascii;
    return "";
  }
  EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
  return r.error().message();
}

std::vector<std::string> RouteDomains(const Recipient& r) {
  std::vector<std::string> out;
  for (const RouteHop& h : r.route) out.push_back(h.domain.ascii);
  return out;
}

TEST(ResolveTest, RightmostAtOutsideQuotesIsTheDomain) {
  EXPECT_EQ(Parse("a@b@army.ml").domain.ascii, "army.ml");
  EXPECT_EQ(Parse("<x@army.mil@army.ml>").domain.ascii, "army.ml");
  EXPECT_EQ(Parse("\"x@army.ml\"@army.mil").domain.ascii, "army.mil");
  EXPECT_EQ(Parse("eve@army.mil@army.ml").local, "eve@army.mil");
}

TEST(ResolveTest, OddLocalPartIsJudgedOnItsDomainAndNoted) {
  // strict_rfc821_envelopes = no (the default) lets these through.
  Recipient r = Parse("<bob.@army.ml>");
  EXPECT_EQ(r.domain.ascii, "army.ml");
  EXPECT_EQ(r.local, "bob.");
  EXPECT_THAT(r.irregular, HasSubstr("dot"));
  EXPECT_THAT(Parse("a..b@army.ml").irregular, HasSubstr("dot"));
  EXPECT_THAT(Parse("bob@army.ml").irregular, IsEmpty());
}

TEST(ResolveTest, StripTrailingDotButNotDotDot) {
  EXPECT_EQ(Parse("bob@army.ml.").domain.ascii, "army.ml");
  EXPECT_THAT(Refusal("bob@army.ml.."), HasSubstr("army.ml.."));
}

TEST(ResolveTest, SourceRouteIsDropped) {
  Recipient r = Parse("<@relay.army.mil:bob@army.ml>");
  EXPECT_EQ(r.domain.ascii, "army.ml");
  EXPECT_THAT(r.route, IsEmpty());
}

TEST(ResolveTest, PercentHackAtALocalDomain) {
  // allow_percent_hack = yes: the rightmost '%' becomes '@' once the local
  // domain is stripped.
  Recipient r = Parse("bob%army.ml@mail.example.org", Local({"mail.example.org"}));
  EXPECT_EQ(r.domain.ascii, "army.ml");
  EXPECT_EQ(r.local, "bob");
  EXPECT_EQ(Parse("a%b%army.ml@Mail.Example.ORG.", Local({"mail.example.org"}))
                .domain.ascii,
            "army.ml");
}

TEST(ResolveTest, PercentHackOffLeavesTheLocalDomain) {
  DeliveryOptions o = Local({"mail.example.org"});
  o.allow_percent_hack = false;
  Recipient r = Parse("bob%army.ml@mail.example.org", o);
  EXPECT_EQ(r.domain.ascii, "mail.example.org");
  // The next hop may still apply it: the routed domain is judged anyway.
  EXPECT_THAT(RouteDomains(r), ElementsAre("army.ml"));
}

TEST(ResolveTest, SwapBangpathAtTheFirstBang) {
  Recipient r = Parse("army.ml!bob@mail.example.org", Local({"mail.example.org"}));
  EXPECT_EQ(r.domain.ascii, "army.ml");
  EXPECT_EQ(r.local, "bob");
  // site!user without '@' is rewritten by cleanup(8) before resolving.
  EXPECT_EQ(Parse("army.ml!bob").domain.ascii, "army.ml");
  EXPECT_EQ(Parse("army.ml!x!bob").domain.ascii, "army.ml");
}

TEST(ResolveTest, BangPathBeforePercentHack) {
  // rewrite_tree swaps a bang path first; "%" is promoted only without one.
  EXPECT_EQ(Parse("army.ml!bob%gmail.com").domain.ascii, "army.ml");
  EXPECT_EQ(Parse("bob%army.ml").domain.ascii, "army.ml");
}

TEST(ResolveTest, RoutedDomainsAtARemoteDomainAreJudgedToo) {
  // RESOLVE_FLAG_ROUTED: the next hop may rewrite them.
  EXPECT_THAT(RouteDomains(Parse("bob%army.ml@mail.example.org")),
              ElementsAre("army.ml"));
  EXPECT_THAT(RouteDomains(Parse("army.ml!bob@mail.example.org")),
              ElementsAre("army.ml"));
  EXPECT_THAT(RouteDomains(Parse("x@army.mil@army.ml")),
              ElementsAre("army.mil"));
  EXPECT_THAT(RouteDomains(Parse("\"bob@army.ml\"@partner.example.com")),
              ElementsAre("army.ml"));
  EXPECT_THAT(RouteDomains(Parse("bob@army.mil")), IsEmpty());
}

TEST(ResolveTest, QuotedLocalPartIsCrackedOpenAtALocalDomain) {
  // resolve_dequoted_address = yes.
  DeliveryOptions o = Local({"mail.example.org"});
  EXPECT_EQ(Parse("\"bob@army.ml\"@mail.example.org", o).domain.ascii, "army.ml");
  EXPECT_EQ(Parse("\"bob%army.ml\"@mail.example.org", o).domain.ascii, "army.ml");
  EXPECT_EQ(Parse("\"army.ml!bob\"@mail.example.org", o).domain.ascii, "army.ml");
}

TEST(ResolveTest, LocalDeliveryStaysLocal) {
  Recipient r = Parse("bob@mail.example.org", Local({"mail.example.org"}));
  EXPECT_EQ(r.domain.ascii, "mail.example.org");
  EXPECT_THAT(r.route, IsEmpty());
}

TEST(ResolveTest, NoDeliveryDomainIsRefused) {
  EXPECT_THAT(Refusal("bob"), HasSubstr("no '@'"));
  EXPECT_THAT(Refusal("bob@"), HasSubstr("empty domain"));
  EXPECT_THAT(Refusal("bob@[192.0.2.1]"), HasSubstr("IP literal"));
  EXPECT_THAT(Refusal("\"bob@army.ml"), HasSubstr("unterminated"));
  EXPECT_THAT(Refusal("bob@army.ml)<alice@army.mil>"), HasSubstr("')'"));
  EXPECT_THAT(Refusal("mailto:bob@army.mil?to=eve@army.ml"),
              HasSubstr("several recipients"));
}

TEST(ResolveTest, MailtoIsPercentDecoded) {
  EXPECT_EQ(Parse("mailto:eve%40gmial.com").domain.ascii, "gmial.com");
  EXPECT_EQ(Parse("MAILTO:bob@army.ml?subject=hi").domain.ascii, "army.ml");
}

TEST(ResolveTest, DisplayNamesAndUnicode) {
  Recipient r = Parse("Bob Smith <bob@Army.ML>");
  EXPECT_EQ(r.display_name, "Bob Smith");
  EXPECT_EQ(r.domain.ascii, "army.ml");
  EXPECT_EQ(Parse("bob@\xD0\xB0rmy.mil").domain.ascii, "xn--rmy-5cd.mil");
  EXPECT_EQ(Parse("\xC3\xA9ric@army.ml").local, "\xC3\xA9ric");
}

TEST(ResolveTest, SuggestionKeepsTheLocalPart) {
  EXPECT_EQ(Parse("bob.@army.ml").WithDomain("army.mil"), "\"bob.\"@army.mil");
  EXPECT_EQ(Parse("Bob <bob@army.ml>").ToString(), "bob@army.ml");
}

// smtpd and cleanup unquote an address to Postfix's internal form before it
// is resolved: quoting that covers only part of a local part hides nothing.
TEST(ResolveTest, PartlyQuotedLocalPartIsReadUnquoted) {
  DeliveryOptions local = Local({"mx.example.org"});
  EXPECT_EQ(Parse("<bob.\"@army.ml\"@mx.example.org>", local).domain.ascii, "army.ml");
  EXPECT_EQ(Parse("<\"bob\".\"@army.ml\"@mx.example.org>", local).domain.ascii, "army.ml");
  EXPECT_EQ(Parse("<bob.\"%army.ml\"@mx.example.org>", local).domain.ascii, "army.ml");
  EXPECT_EQ(Parse("<x.\"army.ml!bob\"@mx.example.org>", local).domain.ascii, "x.army.ml");
  // Elsewhere the routed domain is judged too.
  EXPECT_THAT(RouteDomains(Parse("bob.\"@army.ml\"@army.mil")), ElementsAre("army.ml"));
  EXPECT_THAT(RouteDomains(Parse("\"bob\"@\"army.ml\"@army.mil")), ElementsAre("army.ml"));
  EXPECT_THAT(RouteDomains(Parse("\"army\".ml!bob@army.mil")), ElementsAre("army.ml"));
}

// tok822 drops white space between tokens; a routed domain that still
// cannot be judged makes the recipient unjudgeable, never dropped.
TEST(ResolveTest, RoutedDomainThatCannotBeJudgedIsRefused) {
  EXPECT_THAT(RouteDomains(Parse("\"bob@army .ml\"@army.mil")), ElementsAre("army.ml"));
  EXPECT_THAT(RouteDomains(Parse("bob%army .ml@army.mil")), ElementsAre("army.ml"));
  EXPECT_THAT(Refusal("\"bob@army..ml\"@army.mil"), HasSubstr("routes on to 'army..ml'"));
  // A bare name is the next server's own: nothing further to judge.
  EXPECT_THAT(RouteDomains(Parse("a@b@army.mil")), IsEmpty());
}

// resolve_local is mydestination; myhostname counts only through it.
TEST(ResolveTest, MyhostnameAloneIsNotLocal) {
  DeliveryOptions o;
  o.myorigin = "mx.example.org";
  Recipient r = Parse("bob%gmail.com@mx.example.org", o);
  EXPECT_EQ(r.domain.ascii, "mx.example.org");
  EXPECT_THAT(RouteDomains(r), ElementsAre("gmail.com"));
}

// append_at_myorigin: a bare local name is the server's own mail.
TEST(ResolveTest, BareNameGetsMyorigin) {
  DeliveryOptions o;
  o.myorigin = "example.gov.uk";
  EXPECT_EQ(Parse("<root>", o).domain.ascii, "example.gov.uk");
  EXPECT_THAT(Refusal("<root>"), HasSubstr("no '@'"));
}

// The in-place form's plain-address path must answer exactly as the general
// walk (the value form) does, whatever the server's settings, and a
// Recipient reused after a routed, irregular or invalid address keeps
// nothing of it.
TEST(ParseRecipientInPlaceTest, AgreesWithTheGeneralWalk) {
  DeliveryOptions local = Local({"army.mil", "mail.example.org"});
  local.myorigin = "example.org";
  DeliveryOptions strict;
  strict.allow_percent_hack = false;
  strict.swap_bangpath = false;
  const std::string long_local(64, 'x');
  const std::string_view inputs[] = {
      // The plain forms.
      "bob@army.mil", "<bob@army.mil>", "Bob.Smith@ARMY.MIL", "bob@army.mil.",
      "o'brien+tag@army.mil", "a.b.c@hr.army.mil", "bob@xn--rmy-5cd.mil", "bob@army.mil..",
      "bob@.", "bob@-army.mil", "bob@123.45", "bob@com",
      // Forms the general walk must take.
      "bob%army.ml@mail.example.org", "army.ml!bob@mail.example.org", "bob.@army.mil",
      "a@b@army.ml", "\"a b\"@army.mil", "Bob <bob@army.mil>", " bob@army.mil ",
      "<bob@army.mil", "bob@army.mil>", "bob@", "@army.mil", "bob", "mailto:bob@army.mil",
      "bob@Ð°rmy.mil", "bÃ¶b@army.mil", "bob@my_host.army.mil", "bob(x)@army.mil",
      "@relay.mil:bob@army.ml", "bob..x@army.mil", ".bob@army.mil",
  };
  std::vector<std::string> all(std::begin(inputs), std::end(inputs));
  all.push_back(long_local + "@army.mil");
  all.push_back(long_local + "x@army.mil");
  for (const DeliveryOptions* o : std::vector<const DeliveryOptions*>{&kDefault, &local, &strict}) {
    Recipient reused;
    for (const std::string& in : all) {
      Result<Recipient> walk = ParseRecipient(in, *o);
      Status s = ParseRecipient(in, *o, &reused);
      ASSERT_EQ(s.ok(), walk.ok()) << in;
      if (!s.ok()) {
        EXPECT_EQ(s.message(), walk.status().message()) << in;
        continue;
      }
      EXPECT_EQ(reused.display_name, walk->display_name) << in;
      EXPECT_EQ(reused.local, walk->local) << in;
      EXPECT_EQ(reused.domain.ascii, walk->domain.ascii) << in;
      EXPECT_EQ(reused.domain.unicode, walk->domain.unicode) << in;
      EXPECT_EQ(reused.domain.suffix, walk->domain.suffix) << in;
      EXPECT_EQ(reused.domain.registrable, walk->domain.registrable) << in;
      EXPECT_EQ(reused.irregular, walk->irregular) << in;
      ASSERT_EQ(reused.route.size(), walk->route.size()) << in;
      for (std::size_t i = 0; i < reused.route.size(); ++i) {
        EXPECT_EQ(reused.route[i].domain.ascii, walk->route[i].domain.ascii) << in;
        EXPECT_EQ(reused.route[i].local, walk->route[i].local) << in;
        EXPECT_EQ(reused.route[i].how, walk->route[i].how) << in;
      }
      std::string address;
      reused.WriteAddress(&address);
      EXPECT_EQ(address, walk->ToString()) << in;
    }
  }
}

}  // namespace
}  // namespace nearmiss
