// JsonWriter prints exactly what nlohmann's dump prints for the same
// values; the recipient check and sensitivity schemas each have one golden
// (tests/testdata/render/), which every shell's output shares.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "render/json_writer.h"
#include "render/render.h"
#include "render/decision.h"
#include "render/decision_record.h"
#include "render/sensitivity.h"

namespace nearmiss::render {
namespace {

// A reason with its facts (the address-typo history clause and scope left
// empty; set where a test needs them).
Reason MakeReason(ReasonCode code, std::string subject, std::string object, std::string detail) {
  Reason r;
  r.code = code;
  r.subject = std::move(subject);
  r.object = std::move(object);
  r.detail = std::move(detail);
  return r;
}

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// tests/testdata/render/NAME holds `text`; NM_UPDATE_GOLDEN=1 rewrites it.
void ExpectGolden(const std::string& name, const std::string& text) {
  std::string path = "tests/testdata/render/" + name;
  if (const char* update = std::getenv("NM_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << text;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << ": missing (run with NM_UPDATE_GOLDEN=1 to write it)";
  std::ostringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(text, golden.str()) << path;
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

// The eight-byte look (json_writer.cc, PlainPrefix) at every offset of a
// word and past it, and strings and keys longer than the one-append buffer.
TEST(JsonWriterTest, EscapesFoundAtEveryOffset) {
  for (int b : {0x00, 0x01, 0x1f, 0x20, 0x21, 0x22, 0x5c, 0x5b, 0x7f, 0x80, 0xc3, 0xff}) {
    for (std::size_t at = 0; at < 24; ++at) {
      std::string s(24, 'a');
      s[at] = static_cast<char>(b);
      EXPECT_EQ(Written(s), Dump(nlohmann::ordered_json(s))) << b << " at " << at;
    }
  }
  for (std::size_t n : {std::size_t{123}, std::size_t{124}, std::size_t{125}, std::size_t{300}}) {
    std::string s(n, 'k');
    std::string out;
    JsonWriter w(&out);
    w.BeginObject().Key(s).String(s).Key("x\n").String(s + "\"").EndObject();
    EXPECT_EQ(out, Dump(nlohmann::ordered_json{{s, s}, {"x\n", s + "\""}})) << n;
  }
}

// A literal key (PlainKey, checked when compiled) is written as Key writes
// it, first in an object and after a member.
TEST(JsonWriterTest, PlainKeysAsKeys) {
  std::string a, b;
  JsonWriter(&a).BeginObject().PlainKey("event").String("message").PlainKey("n").Uint(2)
      .PlainKey("list").BeginArray().EndArray().EndObject();
  JsonWriter(&b).BeginObject().Key("event").String("message").Key("n").Uint(2)
      .Key("list").BeginArray().EndArray().EndObject();
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, R"({"event":"message","n":2,"list":[]})");
}

// Every whole number of thousandths the direct form covers, and its edges.
TEST(JsonWriterTest, ThousandthsMatchNlohmann) {
  std::string out;
  for (std::int64_t k = 0; k < 1'000'000; ++k) {
    double d = static_cast<double>(k) / 1000;
    out.clear();
    JsonWriter(&out).Double(d);
    ASSERT_EQ(out, Dump(nlohmann::ordered_json(d))) << k;
  }
  for (double d : {-0.0, 1000.0, 1000.001, 999.9995, 0.0005, 1e-300, 0.1 + 0.2,
                   std::numeric_limits<double>::infinity()}) {
    out.clear();
    JsonWriter(&out).Double(d);
    EXPECT_EQ(out, Dump(nlohmann::ordered_json(d))) << d;
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

TEST(RenderGoldenTest, RecipientCheck) {
  RecipientCheck invalid;
  invalid.input = "not an \"address\"\n";
  invalid.reasons.push_back(MakeReason(ReasonCode::kInvalidAddress, "", "", "no @ in it"));

  RecipientCheck lookalike;
  lookalike.input = "Bob <bob@army.ml>";
  lookalike.address = "bob@army.ml";
  lookalike.domain = "army.ml";
  lookalike.domain_unicode = "army.ml";
  lookalike.verdict = Verdict::kLookalike;
  lookalike.target = "army.mil";
  lookalike.suggestion = "bob@army.mil";
  lookalike.score = 0.8749;
  lookalike.reasons = {
      MakeReason(ReasonCode::kSuffixEdit, "army.ml", "army.mil", "the TLD .ml is missing an 'i'"),
      MakeReason(ReasonCode::kNewDomain, "army.ml", "army.mil", "")};

  RecipientCheck idn;
  idn.input = "a@xn--rmy-qdd.mil";
  idn.address = "a@xn--rmy-qdd.mil";
  idn.domain = "xn--rmy-qdd.mil";
  idn.domain_unicode = "\xd0\xb0rmy.mil";
  idn.verdict = Verdict::kTrusted;
  idn.score = 1;

  // The wrong person at the right domain: the finding's kind and score.
  RecipientCheck slip;
  slip.input = "jon.smith@partner.example";
  slip.address = "jon.smith@partner.example";
  slip.domain = "partner.example";
  slip.domain_unicode = "partner.example";
  slip.verdict = Verdict::kExternal;
  slip.target = "john.smith@partner.example";
  slip.suggestion = "john.smith@partner.example";
  slip.score = 0.8;
  slip.address_typo = AddressTypo{AddressTypoKind::kEdit, 0.8};
  slip.reasons = {MakeReason(ReasonCode::kAddressTypo, "jon.smith@partner.example",
                              "john.smith@partner.example", "one character differs")};
  slip.reasons[0].history = "has never been written to here";

  std::string lines;
  for (const RecipientCheck& c : {invalid, lookalike, idn, slip}) {
    std::string out;
    JsonWriter w(&out);
    OpenCheckJson(c, w);
    w.EndObject();
    EXPECT_EQ(out, Dump(CheckToJson(c))) << "the tree is the text, parsed";
    lines += out + "\n";
  }
  ExpectGolden("check.golden.jsonl", lines);
}

TEST(RenderGoldenTest, Sensitivity) {
  content::Sensitivity none;
  // Findings set by hand: Sensitivity::Add (which also raises the level)
  // lives in the content library, which render does not link.
  content::Sensitivity marked;
  marked.level = content::Level::kSecret;
  marked.findings.push_back({"SECRET//NOFORN", "us-classified", content::Level::kSecret,
                             "subject", 0, "SECRET//NOFORN", content::Strength::kStrong});
  marked.findings.push_back({"OFFICIAL", "uk", content::Level::kOfficial, "body", 120,
                             "official", content::Strength::kWeak});
  // The place rule, as policy explain prints it (round 45: "why").
  marked.findings[0].why = "leads the subject";
  marked.findings[1].why = "in running text, not on a banner line";
  content::Sensitivity cut = marked;
  cut.complete = false;
  cut.findings.push_back({"", "limit", content::Level::kNone, "limit", 0,
                          "message larger than 64 bytes", content::Strength::kStrong});

  std::string lines;
  for (const content::Sensitivity* s : {&none, &marked, &cut}) {
    std::string out;
    JsonWriter w(&out);
    WriteSensitivityJson(*s, w);
    EXPECT_EQ(out, Dump(SensitivityToJson(*s)));
    lines += out + "\n";
  }
  std::string first;
  JsonWriter w(&first);
  WriteSensitivityJson(marked, w, 1);
  lines += first + "\n";
  // The milter's decision log leaves "why" out (its lines are bounded).
  std::string logged;
  JsonWriter log_writer(&logged);
  WriteSensitivityJson(marked, log_writer, kAllFindings, false);
  EXPECT_EQ(logged.find("\"why\""), std::string::npos);
  ExpectGolden("sensitivity.golden.jsonl", lines);
}

TEST(RenderGoldenTest, Decision) {
  Decision held;
  held.action = Action::kHold;
  held.message_action = Action::kHold;
  held.rule = RuleRef{5, "secret-external", "policy.toml:132:1",
                      "rule 5 'secret-external' (policy.toml:132:1)"};
  held.level = content::Level::kSecret;
  held.message = "held for review: the message is marked SECRET";
  Reason marked;
  marked.code = ReasonCode::kSensitivity;
  marked.subject = "SECRET";
  marked.object = "SECRET";
  marked.detail = "subject";
  held.reasons.push_back(marked);
  Decision refused;  // a reject carries its SMTP code; the default rule
  refused.action = refused.message_action = Action::kReject;
  refused.rule = RuleRef{0, "default", "", "default action"};
  refused.smtp_code = "550 5.7.1";
  Decision accepted;

  std::string lines;
  for (const Decision* d : {&held, &refused, &accepted}) {
    std::string out;
    JsonWriter w(&out);
    WriteDecisionJson(*d, w);
    EXPECT_EQ(out, Dump(DecisionToJson(*d)));
    lines += out + "\n";
  }
  ExpectGolden("decision.golden.jsonl", lines);
}

TEST(RenderGoldenTest, DecisionRecord) {
  DecisionRecord r;
  r.id = 7;
  r.key = "node1-42";
  r.time_ms = 1795763669093;
  r.source = "milter";
  r.queue_id = "4XyZ1Q2s3Tz";
  r.sender = "alice@mod.gov.uk";
  r.recipients.push_back({"bob@army.ml", "lookalike", "reject", {"suffix-edit"}, "army.mil",
                          "bob@army.mil"});
  r.recipients.push_back({"dave@example.com", "external", "hold", {"sensitivity"}, "", ""});
  r.level = "SECRET";
  r.action = "reject";
  r.rule = "rule 1 'lookalike' (policy.toml:88:1)";
  r.message_id = "m1@mod.gov.uk";
  r.digest = "sha256:00";
  DecisionRecord api;  // as the API records it: no queue id, no digest
  api.key = "node1-43";
  api.time_ms = 1;
  api.source = "api";
  api.recipients.push_back({"carol@army.mil", "trusted", "accept", {}, "", ""});
  // A recipient whose confirm the sender's release link settled: the record
  // names the acknowledgement, who made it, which way, when, for what, and
  // the rule it settled with that rule's action (schema 8).
  DecisionRecord settled;
  settled.key = "node1-44";
  settled.time_ms = 2;
  settled.source = "milter";
  settled.sender = "alice@mod.gov.uk";
  DecisionRecipient p{"jon.smith@partner.example", "trusted", "accept", {"trusted", "address-typo"},
                      "", "john.smith@partner.example"};
  p.acknowledged_by = 12;
  p.acknowledgement = {"alice@mod.gov.uk", "confirm-link", 1795763000, "address"};
  p.settled_rule = "rule 9 'address-typo' (policy.toml:120:1)";
  p.rule_action = "confirm";
  settled.recipients.push_back(p);
  settled.action = "accept";

  std::string lines;
  for (const DecisionRecord* x : {&r, &api, &settled}) {
    std::string out;
    JsonWriter w(&out);
    WriteDecisionRecordJson(*x, w);
    EXPECT_EQ(out, Dump(DecisionRecordToJson(*x)));
    DecisionRecord back;
    ASSERT_TRUE(DecisionRecordFromJson(out, &back));
    std::string again;
    JsonWriter w2(&again);
    WriteDecisionRecordJson(back, w2);
    EXPECT_EQ(again, out) << "reads back what it wrote";
    lines += out + "\n";
  }
  ExpectGolden("decision_record.golden.jsonl", lines);

  // A spool line written before 2026-11-30: "time" and "class".
  DecisionRecord old;
  ASSERT_TRUE(DecisionRecordFromJson(
      R"({"key":"k0","time":5,"recipients":[{"address":"a@x","class":"blocked"}]})", &old));
  EXPECT_EQ(old.time_ms, 5);
  ASSERT_EQ(old.recipients.size(), 1u);
  EXPECT_EQ(old.recipients[0].verdict, "blocked");
  EXPECT_FALSE(DecisionRecordFromJson(R"({"time_ms":5})", &old)) << "no key";
  EXPECT_FALSE(DecisionRecordFromJson("not json", &old));
}

}  // namespace
}  // namespace nearmiss::render
