// DecodesToItself, BareAddrSpec, PlainMessageId and PlainDate against the
// GMime calls they stand in for,
// over generated values: wherever they answer, GMime gives the same and
// warns of nothing; and they leave to GMime what it reads otherwise.
#include "content/plain_header.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "content/gmime_util.h"
#include "content/message_walk.h"

namespace nearmiss::content {
namespace {

// GMime's decoding of an unfolded value, and the warnings it raised.
std::string GMimeDecoded(const std::string& unfolded, std::vector<std::string>* warnings) {
  ParserOptions options(warnings);
  char* decoded = g_mime_utils_header_decode_text(options.get(), unfolded.c_str());
  std::string out = decoded != nullptr ? decoded : "";
  g_free(decoded);
  return out;
}

// AddressListString over GMime's parse of a From value, as plain_message.cc
// read it before BareAddrSpec; nullopt when GMime finds no address list.
std::optional<std::string> GMimeFrom(const std::string& raw, std::vector<std::string>* warnings) {
  ParserOptions options(warnings);
  GPtr<InternetAddressList> list(internet_address_list_parse(options.get(), raw.c_str()));
  if (!list) return std::nullopt;
  return AddressListString(list.get());
}

std::string RandomText(std::mt19937& rng, std::string_view alphabet, std::size_t max_len) {
  std::string s;
  const std::size_t n = rng() % (max_len + 1);
  for (std::size_t i = 0; i < n; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
  return s;
}

TEST(DecodesToItselfTest, SameAsGMimeWhereItAnswers) {
  EnsureGMimeInitialized();
  std::vector<std::string> values = {
      "", "OFFICIAL: minutes", "Re: budget", "  two  spaces  ", "\ttab\tlead", "trailing ",
      "a =? b", "=?utf-8?q?x?=", "=?", "?=", "x=?y", "(comment) \"quoted\" <angle>",
      "SECRET//NOFORN", "caf\xc3\xa9", "\x01" "ctl", "del\x7f", "<bench-1@mod.gov.uk>",
      "Wed,  2 Dec 2026 03:50:00 +0000 (UTC)", "text/plain; charset=us-ascii"};
  std::mt19937 rng(20);
  const std::string alphabet =
      "abcXYZ019 \t=?_-:;,.()<>\"'\\/@[]*#!~" "\xc3\xa9\x80";
  for (int i = 0; i < 4000; ++i) values.push_back(RandomText(rng, alphabet, 24));
  int answered = 0;
  for (const std::string& v : values) {
    if (!DecodesToItself(v)) continue;
    ++answered;
    std::vector<std::string> warnings;
    const std::string gmime = GMimeDecoded(v, &warnings);
    EXPECT_EQ(v, gmime) << "'" << v << "'";
    EXPECT_TRUE(warnings.empty()) << "'" << v << "'";
  }
  EXPECT_GT(answered, 1000);
  // Encoded words and 8-bit text are GMime's.
  for (const char* v : {"=?utf-8?q?S=C3=A9cret?=", "caf\xc3\xa9", "a\x01"}) {
    EXPECT_FALSE(DecodesToItself(v)) << v;
  }
}

TEST(BareAddrSpecTest, SameAsGMimeWhereItAnswers) {
  EnsureGMimeInitialized();
  std::vector<std::string> values = {
      "alice@mod.gov.uk", " alice@mod.gov.uk\r\n", "\r\n\talice@mod.gov.uk", "Bob@Army.MIL",
      "bob@army.mil.", ".bob@army.mil", "bob.@army.mil", "b..ob@army.mil", "bob@army..mil",
      "bob@-a.com", "bob@a-.com", "bob@a_b.com", "bob@xn--rmy-qdd.mil", "xn--bob@army.mil",
      "bob@XN--RMY-QDD.MIL", "a+tag@x.org", "o'brien@x.org", "a=b?c@x.org", "=?x@y.org",
      "a{b}|c~d@x.org", "bob", "@army.mil", "bob@", "bob@@army.mil", "bob@army.mil@x.org",
      "Bob <bob@army.mil>", "<bob@army.mil>", "bob@army.mil (Bob)", "\"bob\"@army.mil",
      "bob@[192.0.2.1]", "a@b.c, d@e.f", "bob @army.mil", "bob@ army.mil", "bob\r\n @army.mil",
      "b\xc3\xb6" "b@army.mil", "bob@\xd0\xb0rmy.mil", "bob@1.2.3.4", "1@2", "-@-"};
  std::mt19937 rng(5322);
  const std::string local = "abXY09.+-_=?'{}|~!#$%&*/^`";
  const std::string domain = "abXY09.-_";
  for (int i = 0; i < 4000; ++i) {
    std::string v = RandomText(rng, local, 10) + "@" + RandomText(rng, domain, 12);
    if (rng() % 4 == 0) v = " " + v + "\r\n";
    values.push_back(std::move(v));
  }
  int answered = 0;
  for (const std::string& v : values) {
    std::optional<std::string> ours = BareAddrSpec(v);
    if (!ours) continue;
    ++answered;
    std::vector<std::string> warnings;
    std::optional<std::string> gmime = GMimeFrom(v, &warnings);
    ASSERT_TRUE(gmime.has_value()) << "'" << v << "'";
    EXPECT_EQ(*ours, *gmime) << "'" << v << "'";
    EXPECT_TRUE(warnings.empty()) << "'" << v << "'";
  }
  EXPECT_GT(answered, 500);
  for (const char* v : {"Bob <bob@army.mil>", "bob@xn--rmy-qdd.mil", "bob@[192.0.2.1]",
                        "a@b.c, d@e.f", "bob@army.mil (Bob)", "\"bob\"@army.mil", "bob"}) {
    EXPECT_FALSE(BareAddrSpec(v).has_value()) << v;
  }
}

std::optional<std::string> GMimeMessageId(const std::string& value) {
  char* id = g_mime_utils_decode_message_id(value.c_str());
  if (id == nullptr) return std::nullopt;
  std::string out = id;
  g_free(id);
  return out;
}

std::optional<int64_t> GMimeDate(const std::string& value) {
  GDateTime* date = g_mime_utils_header_decode_date(value.c_str());
  if (date == nullptr) return std::nullopt;
  int64_t out = g_date_time_to_unix(date);
  g_date_time_unref(date);
  return out;
}

TEST(PlainMessageIdTest, SameAsGMimeWhereItAnswers) {
  EnsureGMimeInitialized();
  std::vector<std::string> values = {
      "<bench-0@mod.gov.uk>", " <bench-0@mod.gov.uk> ", "\t<a.b@c.d>", "<a@b>", "<A+b=c@X-Y.Z>",
      "<a..b@c.d>", "<.a@c.d>", "<a.@c.d>", "<a@.c.d>", "<a@c..d>", "<a@c.d.>", "<a@[1.2.3.4]>",
      "<\"a b\"@c.d>", "<a@b@c>", "<@c.d>", "<a@>", "<a@c.d", "a@c.d>", "a@c.d", "<a @c.d>",
      "<a@c.d> (comment)", "(comment) <a@c.d>", "<a@c.d><e@f.g>", "<a@c_d.e>", "<>", "<",
      "<a(b)@c.d>", "<a@c.d"};
  std::mt19937 rng(3964);
  const std::string local = "abXY09.+-_=?'{}|~!#$%&*/^`";
  const std::string domain = "abXY09.-_";
  for (int i = 0; i < 4000; ++i) {
    std::string v = "<" + RandomText(rng, local, 10) + "@" + RandomText(rng, domain, 12) + ">";
    if (rng() % 4 == 0) v = " " + v + "\t";
    values.push_back(std::move(v));
  }
  int answered = 0;
  for (const std::string& v : values) {
    std::optional<std::string> ours = PlainMessageId(v);
    if (!ours) continue;
    ++answered;
    std::optional<std::string> gmime = GMimeMessageId(v);
    ASSERT_TRUE(gmime.has_value()) << "'" << v << "'";
    EXPECT_EQ(*ours, *gmime) << "'" << v << "'";
  }
  EXPECT_GT(answered, 500);
  EXPECT_EQ(PlainMessageId("<bench-0@mod.gov.uk>"), "bench-0@mod.gov.uk");
  for (const char* v : {"<a@[1.2.3.4]>", "<\"a b\"@c.d>", "<a@c.d> (comment)", "a@c.d", "<a..b@c.d>"}) {
    EXPECT_FALSE(PlainMessageId(v).has_value()) << v;
  }
}

TEST(PlainDateTest, SameAsGMimeWhereItAnswers) {
  EnsureGMimeInitialized();
  std::vector<std::string> values = {
      "Wed,  2 Dec 2026 03:50:00 +0000 (UTC)", "Wed, 02 Dec 2026 03:50:00 +0000",
      "2 Dec 2026 03:50 +0000", "Thu, 29 Feb 2024 23:59:59 -1130", "Fri, 29 Feb 2023 12:00:00 +0000",
      "Sat, 31 Apr 2026 12:00:00 +0000", "Sun, 1 Jan 1900 00:00:00 +0000",
      "Mon, 1 Jan 1899 00:00:00 +0000", "Mon, 1 Jan 99 00:00:00 +0000",
      "Mon, 1 Jan 2026 00:00:00 GMT", "Mon, 1 Jan 2026 00:00:00 EST",
      "Mon, 1 Jan 2026 24:00:00 +0000", "Mon, 1 Jan 2026 23:60:00 +0000",
      "Mon, 1 Jan 2026 23:59:60 +0000", "Mon, 1 Jan 2026 23:59:59 +2400",
      "Mon, 1 Jan 2026 23:59:59 +0060", "Mon, 1 Jan 2026 23:59:59 +1400 (a (nested) one)",
      "Mon, 1 Jan 2026 23:59:59 +1400 (x) y", "Xyz, 1 Jan 2026 23:59:59 +0000",
      "mon, 1 jan 2026 23:59:59 +0000", "Mon 1 Jan 2026 23:59:59 +0000",
      "Mon, 1 January 2026 23:59:59 +0000", "Mon, 001 Jan 2026 00:00:00 +0000",
      "Mon, 1 Jan 2026 0:00:00 +0000", "Mon, 1 Jan 2026 00:00:00 +000", "2026-01-01T00:00:00Z",
      "", "  ", "Tue, 0 Jan 2026 00:00:00 +0000", "Tue, 10 Dec 9999 23:59:59 -2359"};
  std::mt19937 rng(5322);
  const char* days[] = {"Mon,", "Tue,", "Wed,", "Thu,", "Fri,", "Sat,", "Sun,", ""};
  const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto two = [](unsigned v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  for (int i = 0; i < 4000; ++i) {
    std::string v = days[rng() % 8];
    v += (rng() % 2 ? "  " : " ") + std::to_string(rng() % 32) + " " + months[rng() % 12] + " " +
         std::to_string(1890 + rng() % 300) + " " + two(rng() % 25) + ":" + two(rng() % 61);
    if (rng() % 2) v += ":" + two(rng() % 61);
    v += std::string(rng() % 2 ? " +" : " -") + two(rng() % 25) + two(rng() % 61);
    if (rng() % 2) v += " (UTC)";
    values.push_back(std::move(v));
  }
  int answered = 0;
  for (const std::string& v : values) {
    std::optional<int64_t> ours = PlainDate(v);
    if (!ours) continue;
    ++answered;
    std::optional<int64_t> gmime = GMimeDate(v);
    ASSERT_TRUE(gmime.has_value()) << "'" << v << "'";
    EXPECT_EQ(*ours, *gmime) << "'" << v << "'";
  }
  EXPECT_GT(answered, 1000);
  EXPECT_EQ(PlainDate("Wed,  2 Dec 2026 03:50:00 +0000 (UTC)"), int64_t{1796183400});
  EXPECT_EQ(PlainDate("Wed,  2 Dec 2026 05:50:00 +0200"), int64_t{1796183400});
  for (const char* v : {"Mon, 1 Jan 2026 00:00:00 GMT", "Mon, 1 Jan 99 00:00:00 +0000",
                        "Fri, 29 Feb 2023 12:00:00 +0000", "Mon, 1 Jan 2026 23:59:60 +0000"}) {
    EXPECT_FALSE(PlainDate(v).has_value()) << v;
  }
}

}  // namespace
}  // namespace nearmiss::content
