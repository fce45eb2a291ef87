#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "nearmiss/address.h"

namespace nearmiss {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Address Parse(std::string_view in) {
  Result<Address> r = ParseAddress(in);
  EXPECT_TRUE(r.ok()) << in << ": " << r.status().ToString();
  return r.ok() ? *r : Address{};
}

// Refused with kInvalidArgument; returns the message for key-word checks.
std::string Refusal(std::string_view in) {
  Result<Address> r = ParseAddress(in);
  if (r.ok()) {
    ADD_FAILURE() << in << " was accepted as " << r->ToString();
    return "";
  }
  EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument) << in;
  return r.error().message();
}

TEST(ParseAddressTest, AcceptedForms) {
  struct Case {
    const char* in;
    const char* display;
    const char* local;
    const char* ascii;
  };
  const Case kCases[] = {
      {"bob@army.mil", "", "bob", "army.mil"},
      {"Bob Smith <bob@army.mil>", "Bob Smith", "bob", "army.mil"},
      {"\"bob smith\"@army.mil", "", "bob smith", "army.mil"},
      {"<bob@army.mil>", "", "bob", "army.mil"},
      {"\"Smith, Bob\" <bob@army.mil>", "Smith, Bob", "bob", "army.mil"},
      {"bob@army.mil (Bob)", "Bob", "bob", "army.mil"},
      {"Bob.Smith@ARMY.MIL", "", "Bob.Smith", "army.mil"},
      {"bob@army.mil.", "", "bob", "army.mil"},
      {"  bob@army.mil \t", "", "bob", "army.mil"},
      {"\xC2\xA0"
       "bob@army.mil\xC2\xA0",
       "", "bob", "army.mil"},
      {"mailto:bob@army.mil", "", "bob", "army.mil"},
      {"MAILTO:bob@army.mil?subject=hi", "", "bob", "army.mil"},
      {"Bob <mailto:bob@army.mil>", "Bob", "bob", "army.mil"},
      {"  Bob   (work)  Smith <bob@army.mil> (desk)", "Bob Smith", "bob",
       "army.mil"},
      {"<@relay.mil:bob@army.mil>", "", "bob", "army.mil"},
      {"bob(x)@army.mil", "x", "bob", "army.mil"},
      {"\"bob\\\"s\"@army.mil", "", "bob\"s", "army.mil"},
      {"\"a@b\"@army.mil", "", "a@b", "army.mil"},
      {"o'brien+tag@army.mil", "", "o'brien+tag", "army.mil"},
      {"jürgen@bücher.de", "", "jürgen", "xn--bcher-kva.de"},
      {"bob@аrmy.mil", "", "bob", "xn--rmy-5cd.mil"},  // Cyrillic а: valid
      {"bob@gmáil.com", "", "bob", "xn--gmil-6na.com"},
      {"bob@xn--rmy-5cd.mil", "", "bob", "xn--rmy-5cd.mil"},
      {"bob@cba.com.au", "", "bob", "cba.com.au"},
      {"bob@army.zzz", "", "bob", "army.zzz"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.in);
    const Address a = Parse(c.in);
    EXPECT_EQ(a.display_name, c.display);
    EXPECT_EQ(a.local, c.local);
    EXPECT_EQ(a.domain.ascii, c.ascii);
  }
}

TEST(ParseAddressTest, DomainForms) {
  const Address a = Parse("Bob <bob@xn--rmy-5cd.mil>");
  EXPECT_EQ(a.domain.unicode, "аrmy.mil");
  EXPECT_EQ(a.domain.suffix, "mil");
  EXPECT_EQ(a.domain.registrable, "xn--rmy-5cd.mil");
  const Address b = Parse("bob@www.cba.com.au");
  EXPECT_EQ(b.domain.unicode, "www.cba.com.au");
  EXPECT_EQ(b.domain.suffix, "com.au");
  EXPECT_EQ(b.domain.registrable, "cba.com.au");
}

TEST(ParseAddressTest, Refusals) {
  EXPECT_THAT(Refusal("bob.army.mil"), HasSubstr("no '@' in 'bob.army.mil'"));
  EXPECT_THAT(Refusal(""), HasSubstr("empty address"));
  EXPECT_THAT(Refusal("@army.mil"), HasSubstr("empty local part"));
  EXPECT_THAT(Refusal("\"\"@army.mil"), HasSubstr("empty local part"));
  EXPECT_THAT(Refusal("bob@"), HasSubstr("empty domain"));
  EXPECT_THAT(Refusal("bob@[1.2.3.4]"),
              HasSubstr("IP literal [1.2.3.4] is not a domain name"));
  EXPECT_THAT(Refusal("bob@1.2.3.4"), HasSubstr("IP address"));
  EXPECT_THAT(Refusal("bob@" + std::string(64, 'a') + ".mil"),
              HasSubstr("is 64 octets; at most 63"));
  std::string long_domain;
  for (int i = 0; i < 4; ++i) long_domain += std::string(62, 'a') + ".";
  long_domain += "com";  // 4 * 63 + 3 = 255 octets
  EXPECT_THAT(Refusal("bob@" + long_domain),
              HasSubstr("domain is 255 octets; at most 253"));
  EXPECT_THAT(Refusal("bob@ar!my.mil"),
              HasSubstr("illegal character '!' in domain 'ar!my.mil'"));
  EXPECT_THAT(Refusal("bob@army_1.mil"), HasSubstr("illegal character '_'"));
  EXPECT_THAT(Refusal("smith,bob@army.mil"),
              HasSubstr("illegal character ',' in local part"));
  EXPECT_THAT(Refusal("bob smith@army.mil"),
              HasSubstr("illegal character ' ' in local part"));
  EXPECT_THAT(Refusal("bob@smith@army.mil"),
              HasSubstr("illegal character '@' in local part"));
  EXPECT_THAT(Refusal("bob.@army.mil"), HasSubstr("dot"));
  EXPECT_THAT(Refusal("bob..smith@army.mil"), HasSubstr("dot"));
  EXPECT_THAT(Refusal("bob@xn--zz.mil"), HasSubstr("invalid IDN 'xn--zz'"));
  EXPECT_THAT(Refusal("bob@army..mil"),
              HasSubstr("empty label in 'army..mil'"));
  EXPECT_THAT(Refusal("bob@.army.mil"), HasSubstr("empty label"));
  EXPECT_THAT(Refusal("bob@localhost"),
              HasSubstr("'localhost' is not a fully qualified domain"));
  EXPECT_THAT(Refusal("bob@com"), HasSubstr("public suffix"));
  EXPECT_THAT(Refusal("bob@co.uk"),
              HasSubstr("'co.uk' is a public suffix, not a mail domain"));
  EXPECT_THAT(Refusal(std::string(65, 'b') + "@army.mil"),
              HasSubstr("local part is 65 octets; at most 64"));
  EXPECT_THAT(Refusal("bob@-army.mil"), HasSubstr("begins with a hyphen"));
  EXPECT_THAT(Refusal("bob@army-.mil"), HasSubstr("ends with a hyphen"));
  EXPECT_THAT(Refusal("Bob <bob@army.mil"), HasSubstr("missing '>'"));
  EXPECT_THAT(Refusal("bob@army.mil>"), HasSubstr("'>' without '<'"));
  EXPECT_THAT(Refusal("Bob <bob@army.mil> x"), HasSubstr("unexpected text"));
  EXPECT_THAT(Refusal("\"bob@army.mil"), HasSubstr("unterminated quoted"));
  EXPECT_THAT(Refusal("bob@army.mil (Bob"), HasSubstr("unterminated comment"));
  EXPECT_THAT(Refusal("b\xFFob@army.mil"), HasSubstr("not valid UTF-8"));
  EXPECT_THAT(Refusal("bob@arm\xFFy.mil"), HasSubstr("not valid UTF-8"));
  EXPECT_THAT(Refusal("\"a\nb\"@army.mil"), HasSubstr("U+000A"));
  EXPECT_THAT(Refusal("\"bob\"x@army.mil"), HasSubstr("'x' after"));
  // Found by address_fuzz: a quoted-pair let a control through, and the
  // canonical form then failed to re-parse.
  EXPECT_THAT(Refusal("\"\\\b\"@army.mil"), HasSubstr("U+0008"));
}

TEST(ParseAddressTest, EchoIsTruncated) {
  const std::string msg = Refusal(std::string(500, 'x'));
  EXPECT_THAT(msg, HasSubstr("…"));
  EXPECT_LT(msg.size(), 140u);
}

TEST(ParseAddressTest, EchoHidesControlCharacters) {
  EXPECT_THAT(Refusal("bob\r\nX-Evil: 1"), HasSubstr("bob??X-Evil: 1"));
}

TEST(ParseAddressTest, HugeInputIsRefusedCheaply) {
  EXPECT_THAT(Refusal(std::string(100000, '@')), HasSubstr("too long"));
}

TEST(AddressTest, ToStringRequotesWhenNeeded) {
  EXPECT_EQ(Parse("Bob <Bob.Smith@ARMY.mil>").ToString(), "Bob.Smith@army.mil");
  EXPECT_EQ(Parse("\"bob smith\"@army.mil").ToString(),
            "\"bob smith\"@army.mil");
  EXPECT_EQ(Parse("\"bob\"@army.mil").ToString(), "bob@army.mil");
  EXPECT_EQ(Parse("\"a\\\"b\"@army.mil").ToString(), "\"a\\\"b\"@army.mil");
  EXPECT_EQ(Parse("bob@аrmy.mil").ToString(), "bob@xn--rmy-5cd.mil");
}

// Found by address_fuzz: an unquoted no-break space was trimmed on re-parse.
TEST(AddressTest, ToStringQuotesEdgeNoBreakSpace) {
  const std::string canonical = Parse("\"\xC2\xA0\"@a.mil").ToString();
  EXPECT_EQ(canonical, "\"\xC2\xA0\"@a.mil");
  EXPECT_EQ(Parse(canonical).local, "\xC2\xA0");
}

TEST(AddressTest, WithDomain) {
  EXPECT_EQ(Parse("bob@army.ml").WithDomain("army.mil"), "bob@army.mil");
  EXPECT_EQ(Parse("\"b b\"@army.ml").WithDomain("army.mil"),
            "\"b b\"@army.mil");
}

TEST(ParseDomainTest, Forms) {
  auto d = ParseDomain(" Army.MIL. ");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ascii, "army.mil");
  EXPECT_EQ(d->unicode, "army.mil");
  EXPECT_EQ(d->suffix, "mil");
  EXPECT_EQ(d->registrable, "army.mil");

  d = ParseDomain("аrmy.mil");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ascii, "xn--rmy-5cd.mil");
  EXPECT_EQ(d->unicode, "аrmy.mil");

  d = ParseDomain("XN--RMY-5CD.mil");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->unicode, "аrmy.mil");

  d = ParseDomain("mildenhall.af.mil");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->suffix, "mil");
  EXPECT_EQ(d->registrable, "af.mil");

  d = ParseDomain("foo.bar.co.uk");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->suffix, "co.uk");
  EXPECT_EQ(d->registrable, "bar.co.uk");

  d = ParseDomain("пример。рф");  // ideographic full stop
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ascii, "xn--e1afmkfd.xn--p1ai");
  EXPECT_EQ(d->suffix, "xn--p1ai");
}

TEST(ParseDomainTest, LabelAndNameAtTheirLimits) {
  EXPECT_TRUE(ParseDomain(std::string(63, 'a') + ".mil").ok());
  std::string name;
  for (int i = 0; i < 3; ++i) name += std::string(63, 'a') + ".";
  name += std::string(57, 'a') + ".mil";  // 3 * 64 + 57 + 4 = 253 octets
  ASSERT_EQ(name.size(), 253u);
  EXPECT_TRUE(ParseDomain(name).ok());
}

TEST(ParseDomainTest, Refusals) {
  for (const char* in : {"", "com", "co.uk", "localhost", "[::1]", "a..b",
                         "a b.com", "1.2.3.4", "xn--zz.com", "ａ！.com"}) {
    auto d = ParseDomain(in);
    EXPECT_FALSE(d.ok()) << in;
    if (!d.ok()) {
      EXPECT_EQ(d.error().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(SplitAddressListTest, SeparatorsQuotesBracketsComments) {
  EXPECT_THAT(SplitAddressList("a@x.com, b@y.com; c@z.com"),
              ElementsAre("a@x.com", "b@y.com", "c@z.com"));
  EXPECT_THAT(
      SplitAddressList("\"Smith, Bob\" <bob@army.mil>; Ann <ann@army.mil>"),
      ElementsAre("\"Smith, Bob\" <bob@army.mil>", "Ann <ann@army.mil>"));
  EXPECT_THAT(SplitAddressList("<a,b@x.com>, c@x.com (Smith, C; boss)"),
              ElementsAre("<a,b@x.com>", "c@x.com (Smith, C; boss)"));
  EXPECT_THAT(SplitAddressList("\"a\\\",b\"@x.com,d@x.com"),
              ElementsAre("\"a\\\",b\"@x.com", "d@x.com"));
  EXPECT_THAT(SplitAddressList(" , ;;a@x.com,, "), ElementsAre("a@x.com"));
  EXPECT_THAT(SplitAddressList(""), IsEmpty());
  EXPECT_THAT(SplitAddressList("\"open, quote"), ElementsAre("\"open, quote"));
}

// Issue 14 tester, round 41, item 12: Outlook's address box shows and
// copies "Last, First <addr>" unquoted; check split it at the comma.
TEST(SplitPastedAddressListTest, OutlookLastFirstIsOneRecipient) {
  EXPECT_THAT(SplitPastedAddressList("Okafor, Chidi <c.okafor2@nhs.example>"),
              ElementsAre("\"Okafor, Chidi\" <c.okafor2@nhs.example>"));
  EXPECT_THAT(SplitPastedAddressList("Okafor, Chidi <c@nhs.example>; Doe, Jane <d@x.org>"),
              ElementsAre("\"Okafor, Chidi\" <c@nhs.example>", "\"Doe, Jane\" <d@x.org>"));
  EXPECT_THAT(SplitPastedAddressList("Okafor, Chidi <c@nhs.example>, Doe, J. <d@x.org>, e@y.org"),
              ElementsAre("\"Okafor, Chidi\" <c@nhs.example>", "\"Doe, J.\" <d@x.org>",
                          "e@y.org"));
  EXPECT_THAT(SplitPastedAddressList("M\xc3\xbcller, J\xc3\xb6rg <j@x.de>"),
              ElementsAre("\"M\xc3\xbcller, J\xc3\xb6rg\" <j@x.de>"));
  Result<Address> a = ParseAddress(SplitPastedAddressList("Okafor, Chidi <c@nhs.example>")[0]);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->display_name, "Okafor, Chidi");
  EXPECT_EQ(a->ToString(), "c@nhs.example");
  // Quoted names, groups and plain lists read as SplitAddressList reads them.
  EXPECT_THAT(SplitPastedAddressList("\"Okafor, Chidi\" <c@nhs.example>; a@x.org"),
              ElementsAre("\"Okafor, Chidi\" <c@nhs.example>", "a@x.org"));
  EXPECT_THAT(SplitPastedAddressList("team: a@x.org, Bo <b@y.org>;"),
              ElementsAre("a@x.org", "Bo <b@y.org>"));
  EXPECT_THAT(SplitPastedAddressList("a@x.org, b@y.org"), ElementsAre("a@x.org", "b@y.org"));
  // A ';' separates recipients in Outlook: the word before it is its own
  // entry (refused later as no address), as is a word before an address
  // with no name.
  EXPECT_THAT(SplitPastedAddressList("Okafor; Chidi <c@nhs.example>"),
              ElementsAre("Okafor", "Chidi <c@nhs.example>"));
  EXPECT_THAT(SplitPastedAddressList("Okafor, <c@nhs.example>"),
              ElementsAre("Okafor", "<c@nhs.example>"));
  EXPECT_THAT(SplitPastedAddressList("bob@x.org, Chidi <c@nhs.example>"),
              ElementsAre("bob@x.org", "Chidi <c@nhs.example>"));
}

// Issue 15, finding 2: a comma typed for a dot in a domain split the
// address into a domain cut short (x@barclays.co, which could pass) and a
// stray label. Kept whole, it is refused with the address meant.
TEST(SplitPastedAddressListTest, CommaForDotInADomainIsOneRecipient) {
  EXPECT_THAT(SplitPastedAddressList("x@barclays.co,uk"), ElementsAre("x@barclays.co,uk"));
  EXPECT_THAT(SplitPastedAddressList("x@gmail,com"), ElementsAre("x@gmail,com"));
  EXPECT_THAT(SplitPastedAddressList("a@b.org, x@gmail,com, c@d.org"),
              ElementsAre("a@b.org", "x@gmail,com", "c@d.org"));
  // Not one: an address after the comma, a word that makes no delegated
  // TLD, a ';' (no neighbour of '.'), a display name.
  EXPECT_THAT(SplitPastedAddressList("x@gmail.com,b@y.org"), ElementsAre("x@gmail.com", "b@y.org"));
  EXPECT_THAT(SplitPastedAddressList("x@gmail.com,zzq"), ElementsAre("x@gmail.com", "zzq"));
  EXPECT_THAT(SplitPastedAddressList("x@gmail;com"), ElementsAre("x@gmail", "com"));
  EXPECT_THAT(SplitPastedAddressList("x@gmail.com, Bo <b@y.org>"),
              ElementsAre("x@gmail.com", "Bo <b@y.org>"));
}

// Tester round 56b, finding 7: several commas for dots are one recipient
// too (x@hmrc,gov,uk), not a domain cut short and stray labels.
TEST(SplitPastedAddressListTest, SeveralCommasForDotsAreOneRecipient) {
  EXPECT_THAT(SplitPastedAddressList("x@hmrc,gov,uk"), ElementsAre("x@hmrc,gov,uk"));
  EXPECT_THAT(SplitPastedAddressList("x@mail,example,co,uk; b@y.org"),
              ElementsAre("x@mail,example,co,uk", "b@y.org"));
  EXPECT_THAT(SplitPastedAddressList("x@leedsth,nhs,uk"), ElementsAre("x@leedsth,nhs,uk"));
  EXPECT_THAT(SplitPastedAddressList("x@hmrc,gov,uk,b@y.org"),
              ElementsAre("x@hmrc,gov,uk", "b@y.org"));
}

// Tester round 57b, finding 2: loose words around one address are a
// display name typed without quotes or brackets, or a "# comment": that
// address, not phantom recipients. Two addresses stay two; words with no
// address stay (each refused as invalid).
TEST(SplitPastedAddressListTest, LooseWordsAroundOneAddressAreThatAddress) {
  EXPECT_THAT(SplitPastedAddressList("John Smith x@gmail.com"), ElementsAre("x@gmail.com"));
  EXPECT_THAT(SplitPastedAddressList("x@gmail.com John Smith"), ElementsAre("x@gmail.com"));
  EXPECT_THAT(SplitPastedAddressList("x@gmail.com # note"), ElementsAre("x@gmail.com"));
  EXPECT_THAT(SplitPastedAddressList("John Q. Smith x@gmail.com; \"Jo Bo\" b@y.org, c@d.org"),
              ElementsAre("x@gmail.com", "b@y.org", "c@d.org"));
  EXPECT_THAT(SplitPastedAddressList("a@x.org b@y.org"), ElementsAre("a@x.org", "b@y.org"));
  EXPECT_THAT(SplitPastedAddressList("Jo a@x.org b@y.org"),
              ElementsAre("Jo", "a@x.org", "b@y.org"));
  EXPECT_THAT(SplitPastedAddressList("John Smith"), ElementsAre("John", "Smith"));
  // A domain beside it is no name word.
  EXPECT_THAT(SplitPastedAddressList("x@gmail.com army.mil"),
              ElementsAre("x@gmail.com", "army.mil"));
  // Bracketed and commented forms are read as before.
  EXPECT_THAT(SplitPastedAddressList("John Smith <x@gmail.com>"),
              ElementsAre("John Smith <x@gmail.com>"));
  EXPECT_THAT(SplitPastedAddressList("x@gmail.com (John)"), ElementsAre("x@gmail.com (John)"));
}

// Round 58's tester 15, finding 3: the shapes round 57b's fix missed. A
// comma or semicolon piece of words beside one address is a fragment of
// its display name; words after '>' are display text; Unicode's other
// spaces are blanks. Two addresses stay two; words alone stay invalid.
TEST(SplitPastedAddressListTest, NameFragmentsAndUnicodeSpacesAroundOneAddress) {
  EXPECT_THAT(SplitPastedAddressList("x@gmail.com, John Smith"), ElementsAre("x@gmail.com"));
  EXPECT_THAT(SplitPastedAddressList("Smith, John x@gmail.com"), ElementsAre("x@gmail.com"));
  EXPECT_THAT(SplitPastedAddressList("x@gmail.com; John"), ElementsAre("x@gmail.com"));
  EXPECT_THAT(SplitPastedAddressList("<x@gmail.com> John"), ElementsAre("<x@gmail.com>"));
  for (const char* space : {"\u00a0", "\u2007", "\u202f", "\u3000"}) {
    EXPECT_THAT(SplitPastedAddressList(std::string("x@gmial.com") + space + "John"),
                ElementsAre("x@gmial.com"))
        << space;
  }
  EXPECT_THAT(SplitPastedAddressList("x@gmail.com, y@army.mil"),
              ElementsAre("x@gmail.com", "y@army.mil"));
  EXPECT_THAT(SplitPastedAddressList("John, Smith"), ElementsAre("John", "Smith"));
  // A lowercase label or a TLD word may be a domain's, cut by a comma.
  EXPECT_THAT(SplitPastedAddressList("x@gmail,com"), ElementsAre("x@gmail,com"));
  EXPECT_THAT(SplitPastedAddressList("x@gmail.com, zzq"), ElementsAre("x@gmail.com", "zzq"));
  EXPECT_THAT(SplitPastedAddressList("Smith, John <x@gmail.com>"),
              ElementsAre("\"Smith, John\" <x@gmail.com>"));
}

// Postfix's tok822_parse: "adds missing commas between addresses", and a
// ':' starts a group only when a ';' closes it.
TEST(SplitAddressListTest, MissingCommasAsPostfixReadsThem) {
  EXPECT_THAT(SplitAddressList("bob@army.mil eve@army.ml"),
              ElementsAre("bob@army.mil", "eve@army.ml"));
  EXPECT_THAT(SplitAddressList("eve@army.ml (Eve)\tbob@army.mil"),
              ElementsAre("eve@army.ml (Eve)", "bob@army.mil"));
  EXPECT_THAT(SplitAddressList("\"eve\" eve@army.ml"), ElementsAre("\"eve\"", "eve@army.ml"));
  // A display name before <...> stays with its mailbox.
  EXPECT_THAT(SplitAddressList("Bob Smith <bob@army.mil>"), ElementsAre("Bob Smith <bob@army.mil>"));
  // Operators join words: these are one address each.
  EXPECT_THAT(SplitAddressList("bob . smith @ army.mil"), ElementsAre("bob . smith @ army.mil"));
  EXPECT_THAT(SplitAddressList("army.ml!bob"), ElementsAre("army.ml!bob"));
}

TEST(SplitAddressListTest, GroupsNeedTheirSemicolon) {
  EXPECT_THAT(SplitAddressList("team: a@x.com, b@y.com;"), ElementsAre("a@x.com", "b@y.com"));
  EXPECT_THAT(SplitAddressList("undisclosed-recipients:;"), IsEmpty());
  // No ';': the ':' is part of an address (Postfix reads "Cc:eve@army.ml"
  // whole), and a bare CR does not hide the address before it.
  EXPECT_THAT(SplitAddressList("bob@army.mil Cc: eve@army.ml"),
              ElementsAre("bob@army.mil", "Cc: eve@army.ml"));
  EXPECT_THAT(SplitAddressList("mailto:bob@army.mil; x@y.com"),
              ElementsAre("bob@army.mil", "x@y.com"));
}

TEST(SplitAddressListTest, MailtoNamesEveryRecipient) {
  EXPECT_THAT(SplitAddressList("mailto:bob@army.mil,ann@army.mil?to=eve%40army.ml&cc=c@x.com"
                               "&subject=hi&bcc=d@y.com"),
              ElementsAre("bob@army.mil", "ann@army.mil", "eve@army.ml", "c@x.com", "d@y.com"));
}

TEST(SplitAddressListTest, PiecesParse) {
  for (const std::string& piece :
       SplitAddressList("\"Smith, Bob\" <bob@army.mil>, ann@army.mil (Ann, "
                        "HQ); <cy@cba.com.au>")) {
    EXPECT_TRUE(ParseAddress(piece).ok()) << piece;
  }
}

}  // namespace
}  // namespace nearmiss
