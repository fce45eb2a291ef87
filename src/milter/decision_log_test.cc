// The decision log's lines, written with render::JsonWriter, must stay byte
// for byte what the nlohmann tree they replaced printed: scripts and
// journal/milter_log_reader.cc read them. The reference below is that
// tree, kept here only to hold the writer to it; "time" is the one member
// that differs between two calls, so it is cut out of both before the
// comparison.
#include "milter/decision_log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "render/sensitivity.h"

namespace nearmiss::milter {
namespace {

using Json = nlohmann::ordered_json;

std::string Cut(std::string_view s) { return std::string(s.substr(0, 256)); }

Json Base(const Transaction& tx, std::string_view event) {
  Json j;
  j["time"] = 0;
  j["event"] = event;
  j["session"] = tx.session_id;
  j["queue_id"] = Cut(tx.queue_id);
  j["sender"] = Cut(tx.sender);
  if (!tx.auth_user.empty()) j["auth_user"] = Cut(tx.auth_user);
  j["path"] = MailPathName(tx.path);
  return j;
}

Json Codes(const std::vector<Reason>& reasons) {
  Json codes = Json::array();
  for (const Reason& r : reasons) codes.push_back(ReasonCodeName(r.code));
  return codes;
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string ReferenceMessage(const Transaction& tx, const Decision& d,
                             const content::Sensitivity& s, std::string_view milter,
                             double check_ms, const std::vector<std::string>& errors) {
  Json j = Base(tx, "message");
  Json rcpts = Json::array();
  for (const RecipientDecision& r : d.recipients) {
    Json one = {{"address", Cut(r.recipient)}, {"verdict", VerdictName(r.verdict)},
                {"action", ActionName(r.action)}, {"rule", r.rule.id},
                {"reasons", Codes(r.reasons)}};
    if (r.acknowledged_by != 0) one["acknowledged_by"] = r.acknowledged_by;
    rcpts.push_back(std::move(one));
  }
  for (const TxRecipient& r : tx.recipients) {
    if (!r.refused) continue;
    rcpts.push_back({{"address", Cut(r.check.address.empty() ? r.raw : r.check.address)},
                     {"verdict", VerdictName(r.check.verdict)},
                     {"action", r.tempfailed ? "tempfail" : "reject"},
                     {"rule", r.decision.rule.id}, {"at_rcpt", true}});
  }
  j["recipients"] = std::move(rcpts);
  j["level"] = content::LevelName(d.level);
  content::Sensitivity logged;
  logged.level = s.level;
  logged.complete = s.complete;
  for (const content::Finding& f : s.findings) {
    if (logged.findings.size() >= 16) break;
    if (f.strength != content::Strength::kStrong && f.pack != "limit") continue;
    content::Finding& cut = logged.findings.emplace_back(f);
    cut.marking = Cut(f.marking);
    cut.where = Cut(f.where);
    cut.text = Cut(f.text);
  }
  j["sensitivity"] = render::SensitivityToJson(logged);
  if (!errors.empty()) {
    Json e = Json::array();
    for (size_t i = 0; i < errors.size() && i < 8; ++i) e.push_back(Cut(errors[i]));
    j["errors"] = std::move(e);
  }
  j["bytes"] = tx.seen_bytes;
  j["check_ms"] = static_cast<double>(static_cast<int64_t>(check_ms * 1000)) / 1000;
  j["rule"] = d.rule.id;
  j["action"] = ActionName(d.message_action);
  j["milter"] = milter;
  if (!d.message.empty()) j["message"] = Cut(d.message);
  return Dump(j);
}

// The line with its leading "time" member's value replaced by 0.
std::string ZeroTime(std::string line) {
  const std::string key = "{\"time\":";
  EXPECT_EQ(line.rfind(key, 0), 0u) << line;
  size_t end = line.find(',', key.size());
  return key + "0" + line.substr(end);
}

Transaction HostileTransaction() {
  Transaction tx;
  tx.session_id = 42;
  tx.queue_id = "4Q1x2y3z";
  tx.sender = "al\"ice\\@mod.gov.uk\n\x01";
  tx.auth_user = std::string(300, 'u');  // past the cut
  tx.path = MailPath::kSendmail;
  tx.seen_bytes = 10240;
  TxRecipient refused;
  refused.raw = "<bob@army.ml>";
  refused.refused = true;
  refused.tempfailed = true;
  refused.decision.rule.id = "rule 1 'lookalike' (policy.toml:3:1)";
  tx.recipients.push_back(refused);
  TxRecipient kept;  // not refused: only in the decision's list
  kept.raw = "<carol@army.mil>";
  tx.recipients.push_back(kept);
  return tx;
}

Decision SomeDecision() {
  Decision d;
  RecipientDecision r;
  r.recipient = "carol@army.mil\xff\xfe";  // invalid UTF-8 off the wire
  r.verdict = Verdict::kTrusted;
  r.action = Action::kTag;
  r.rule.id = "rule 4 'tag-sensitive'";
  r.reasons.push_back(Reason{});
  d.recipients.push_back(r);
  d.level = content::Level::kOfficialSensitive;
  d.message_action = Action::kTag;
  d.rule.id = r.rule.id;
  d.message = std::string(400, 'm');
  return d;
}

content::Finding MakeFinding(std::string marking, content::Strength strength,
                             std::string pack = "uk") {
  content::Finding f;
  f.marking = std::move(marking);
  f.pack = std::move(pack);
  f.level = content::Level::kOfficialSensitive;
  f.where = "subject";
  f.offset = 3;
  f.text = "OFFICIAL-SENSITIVE";
  f.strength = strength;
  return f;
}

TEST(DecisionLogTest, MessageLineMatchesTheNlohmannTreeWithFewStrongFindings) {
  Transaction tx = HostileTransaction();
  Decision d = SomeDecision();
  content::Sensitivity s;
  s.level = content::Level::kOfficialSensitive;
  s.findings.push_back(MakeFinding("OFFICIAL-SENSITIVE", content::Strength::kStrong));
  EXPECT_EQ(ZeroTime(MessageLogLine(tx, d, s, "tag", 0.12345)),
            ReferenceMessage(tx, d, s, "tag", 0.12345, {}));
}

TEST(DecisionLogTest, MessageLineMatchesWhenFindingsAreDroppedOrCut) {
  Transaction tx = HostileTransaction();
  Decision d = SomeDecision();
  content::Sensitivity s;
  s.complete = false;
  s.findings.push_back(MakeFinding("weak one", content::Strength::kWeak));
  s.findings.push_back(MakeFinding(std::string(500, 'L'), content::Strength::kWeak, "limit"));
  for (int i = 0; i < 20; ++i) {
    s.findings.push_back(MakeFinding("SECRET " + std::to_string(i), content::Strength::kStrong));
  }
  std::vector<std::string> errors(10, "attachment:a.zip: encrypted\t\"member\"");
  EXPECT_EQ(ZeroTime(MessageLogLine(tx, d, s, "quarantine", 3.0, errors)),
            ReferenceMessage(tx, d, s, "quarantine", 3.0, errors));
}

// The issue-14 tester, round 43, finding 17g: a recipient let through by
// an acknowledgement did not name it in the log, as /v1/audit does.
TEST(DecisionLogTest, AnAcknowledgedRecipientNamesItsAcknowledgement) {
  Transaction tx = HostileTransaction();
  Decision d = SomeDecision();
  d.recipients[0].acknowledged_by = 42;
  const std::string line = MessageLogLine(tx, d, {}, "accept", 1.0);
  EXPECT_NE(line.find("\"acknowledged_by\":42"), std::string::npos) << line;
  EXPECT_EQ(ZeroTime(line), ReferenceMessage(tx, d, {}, "accept", 1.0, {}));
}

TEST(DecisionLogTest, RcptAndFailLinesMatchTheNlohmannTree) {
  Transaction tx = HostileTransaction();
  TxRecipient& r = tx.recipients[0];
  r.check.address = "bob@army.ml";
  r.check.suggestion = "bob@army.mil";
  r.decision.deferred = true;
  r.decision.message = "did you mean army.mil?";
  Json j = Base(tx, "rcpt");
  j["recipient"] = Cut(r.check.address);
  j["verdict"] = VerdictName(r.check.verdict);
  j["reasons"] = Codes(r.check.reasons);
  j["suggestion"] = Cut(r.check.suggestion);
  j["rule"] = r.decision.rule.id;
  j["action"] = ActionName(r.decision.action);
  j["deferred"] = true;
  j["milter"] = "reject";
  j["message"] = Cut(r.decision.message);
  EXPECT_EQ(ZeroTime(RcptLogLine(tx, r, "reject")), Dump(j));

  Json f = Base(tx, "error");
  f["error"] = Cut(std::string(300, 'e'));
  f["milter"] = "tempfail";
  EXPECT_EQ(ZeroTime(FailLogLine(tx, std::string(300, 'e'), "tempfail")), Dump(f));
}

}  // namespace
}  // namespace nearmiss::milter
