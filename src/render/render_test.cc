// JsonWriter and OpenCheckJson print exactly what nlohmann's dump prints for
// the same values: scan's JSON Lines and the goldens depend on it.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "render/json_writer.h"
#include "render/render.h"

namespace nearmiss::render {
namespace {

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string Written(const std::string& s) {
  std::string out;
  JsonWriter(&out).String(s);
  return out;
}

TEST(JsonWriterTest, StringsMatchNlohmann) {
  std::vector<std::string> cases = {
      "", "plain", "quote \" and backslash \\", "tab\tnew\nline\rcr\bbs\fff",
      std::string("nul \0 inside", 12), "\x01\x1f\x7f", "caf\xc3\xa9 \xe2\x80\x94 dash",
      "\xf0\x9f\x93\xa7 mail", "bad \xc3 byte", "\xff\xfe", "overlong \xc0\xaf",
      "surrogate \xed\xa0\x80", "cut \xe2\x80"};
  for (int b = 0; b < 256; ++b) cases.push_back(std::string(1, static_cast<char>(b)) + "x");
  for (const std::string& s : cases) {
    EXPECT_EQ(Written(s), Dump(nlohmann::ordered_json(s))) << "for '" << s << "'";
  }
}

TEST(JsonWriterTest, NumbersMatchNlohmann) {
  for (double d : {0.0, 1.0, 0.85, 0.1, 0.33, 1e-05, 123456789012345678.0, -0.5,
                   std::numeric_limits<double>::quiet_NaN()}) {
    std::string out;
    JsonWriter(&out).Double(d);
    EXPECT_EQ(out, Dump(nlohmann::ordered_json(d)));
  }
  for (std::uint64_t n : {std::uint64_t{0}, std::uint64_t{42},
                          std::numeric_limits<std::uint64_t>::max()}) {
    std::string out;
    JsonWriter(&out).Uint(n);
    EXPECT_EQ(out, Dump(nlohmann::ordered_json(n)));
  }
}

TEST(JsonWriterTest, NestingAndCommas) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("a").BeginArray().EndArray().Key("b").BeginObject().EndObject();
  w.Key("c").StringArray({"x", "y"}).Key("d").Null().Key("e").StringOrNull("");
  w.Key("t").Bool(true).Key("u").Bool(false);
  w.Key("f").BeginArray().BeginObject().Key("g").Uint(1).EndObject().BeginObject().EndObject();
  w.EndArray().EndObject();
  nlohmann::ordered_json j = {{"a", nlohmann::ordered_json::array()},
                              {"b", nlohmann::ordered_json::object()},
                              {"c", {"x", "y"}},
                              {"d", nullptr},
                              {"e", nullptr},
                              {"t", true},
                              {"u", false},
                              {"f", {{{"g", 1}}, nlohmann::ordered_json::object()}}};
  EXPECT_EQ(out, Dump(j));
}

TEST(OpenCheckJsonTest, MatchesCheckToJson) {
  RecipientCheck invalid;
  invalid.input = "not an \"address\"\n";
  invalid.reasons.push_back({ReasonCode::kInvalidAddress, "", "", "no @ in it"});

  RecipientCheck lookalike;
  lookalike.input = "Bob <bob@army.ml>";
  lookalike.address = "bob@army.ml";
  lookalike.domain = "army.ml";
  lookalike.domain_unicode = "army.ml";
  lookalike.verdict = Verdict::kLookalike;
  lookalike.target = "army.mil";
  lookalike.suggestion = "bob@army.mil";
  lookalike.score = 0.8749;
  lookalike.reasons = {{ReasonCode::kSuffixEdit, "army.ml", "army.mil", "the TLD .ml is missing an 'i'"},
                       {ReasonCode::kNewDomain, "army.ml", "army.mil", ""}};

  RecipientCheck idn;
  idn.input = "a@xn--rmy-qdd.mil";
  idn.address = "a@xn--rmy-qdd.mil";
  idn.domain = "xn--rmy-qdd.mil";
  idn.domain_unicode = "\xd0\xb0rmy.mil";
  idn.verdict = Verdict::kTrusted;
  idn.score = 1;

  for (const RecipientCheck& c : {invalid, lookalike, idn}) {
    std::string out;
    JsonWriter w(&out);
    OpenCheckJson(c, w);
    w.EndObject();
    EXPECT_EQ(out, Dump(CheckToJson(c)));
  }
}

}  // namespace
}  // namespace nearmiss::render
