#include "milter/decision_log.h"

#include <algorithm>
#include <chrono>

#include "render/json_writer.h"
#include "render/render.h"
#include "render/sensitivity.h"

// Written with render::JsonWriter, byte for byte what the nlohmann tree
// this file built until 2026-11-30 printed (decision_log_test.cc holds it
// to that): the tree, its ordered maps and a parse of the sensitivity's
// text cost the milter about a tenth of its CPU per message.
namespace nearmiss::milter {
namespace {

using render::JsonWriter;

constexpr size_t kMaxField = 256;
constexpr size_t kMaxFindings = 16;

std::string_view Cut(std::string_view s) { return s.substr(0, kMaxField); }

// Opens the object and writes the members every line starts with.
void Base(const Transaction& tx, std::string_view event, JsonWriter& w) {
  w.BeginObject();
  w.PlainKey("time").Uint(static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::system_clock::now().time_since_epoch())
          .count()));
  w.PlainKey("event").String(event);
  w.PlainKey("session").Uint(tx.session_id);
  w.PlainKey("queue_id").String(Cut(tx.queue_id));
  w.PlainKey("sender").String(Cut(tx.sender));
  if (!tx.auth_user.empty()) w.PlainKey("auth_user").String(Cut(tx.auth_user));
  w.PlainKey("path").String(MailPathName(tx.path));
}

void ReasonCodes(const std::vector<Reason>& reasons, JsonWriter& w) {
  w.BeginArray();
  for (const Reason& r : reasons) w.String(ReasonCodeName(r.code));
  w.EndArray();
}

// The DNS facts of the transaction's recipient `address`, when it has
// some (a message line's recipients are the decision's, which hold none).
void DnsOf(const Transaction& tx, std::string_view address, JsonWriter& w) {
  for (const TxRecipient& r : tx.recipients) {
    if (!r.refused && r.check.dns && r.check.address == address) {
      render::WriteDnsFacts(*r.check.dns, w);
      return;
    }
  }
}

}  // namespace

std::string RcptLogLine(const Transaction& tx, const TxRecipient& rcpt,
                        std::string_view milter_action) {
  std::string line;
  JsonWriter w(&line);
  Base(tx, "rcpt", w);
  const RecipientDecision& d = rcpt.decision;
  w.PlainKey("recipient").String(Cut(rcpt.check.address.empty() ? rcpt.raw : rcpt.check.address));
  w.PlainKey("verdict").String(VerdictName(rcpt.check.verdict));
  w.PlainKey("reasons");
  ReasonCodes(rcpt.check.reasons, w);
  if (!rcpt.check.suggestion.empty()) w.PlainKey("suggestion").String(Cut(rcpt.check.suggestion));
  // What DNS said when [dns] looked the domain up: a decision made on "no
  // answer" (counted as able to receive) is told apart afterwards (issue
  // 15, round 42's tester, finding 13).
  if (rcpt.check.dns) render::WriteDnsFacts(*rcpt.check.dns, w);
  w.PlainKey("rule").String(d.rule.id);
  w.PlainKey("action").String(ActionName(d.action));
  w.PlainKey("deferred").Bool(d.deferred);
  w.PlainKey("milter").String(milter_action);
  if (!d.message.empty()) w.PlainKey("message").String(Cut(d.message));
  w.EndObject();
  return line;
}

std::string MessageLogLine(const Transaction& tx, const Decision& decision,
                           const content::Sensitivity& sensitivity,
                           std::string_view milter_action, double check_ms,
                           const std::vector<std::string>& errors) {
  std::string line;
  // A marked message's line (a recipient, a finding or two) passes 512
  // bytes: reserved once rather than grown and copied.
  line.reserve(1024);
  JsonWriter w(&line);
  Base(tx, "message", w);
  w.PlainKey("recipients").BeginArray();
  const bool any_dns = std::any_of(tx.recipients.begin(), tx.recipients.end(),
                                   [](const TxRecipient& r) { return r.check.dns.has_value(); });
  for (const RecipientDecision& r : decision.recipients) {
    w.BeginObject();
    w.PlainKey("address").String(Cut(r.recipient));
    w.PlainKey("verdict").String(VerdictName(r.verdict));
    w.PlainKey("action").String(ActionName(r.action));
    w.PlainKey("rule").String(r.rule.id);
    w.PlainKey("reasons");
    ReasonCodes(r.reasons, w);
    // The acknowledgement that settled its warning, as the API's record
    // and /v1/audit name it: the log is what a SIEM and `serve
    // --milter-log` read (the issue-14 tester, round 43, finding 17g).
    if (r.acknowledged_by != 0) {
      w.PlainKey("acknowledged_by").Uint(static_cast<uint64_t>(r.acknowledged_by));
    }
    if (any_dns) DnsOf(tx, r.recipient, w);
    w.EndObject();
  }
  for (const TxRecipient& r : tx.recipients) {
    if (!r.refused) continue;
    w.BeginObject();
    w.PlainKey("address").String(Cut(r.check.address.empty() ? r.raw : r.check.address));
    w.PlainKey("verdict").String(VerdictName(r.check.verdict));
    w.PlainKey("action").String(r.tempfailed ? "tempfail" : "reject");
    w.PlainKey("rule").String(r.decision.rule.id);
    w.PlainKey("at_rcpt").Bool(true);
    if (r.check.dns) render::WriteDnsFacts(*r.check.dns, w);
    w.EndObject();
  }
  w.EndArray();
  w.PlainKey("level").String(content::LevelName(decision.level));
  // The sensitivity in the one shape (render/sensitivity.h), its findings
  // the ones that count (strong markings, limits hit), cut like every
  // untrusted string, so a log line stays short whatever the message holds.
  // Copied only when a finding is left out or cut (rare): the common
  // message has none or a few short strong ones.
  bool as_is = sensitivity.findings.size() <= kMaxFindings;
  for (const content::Finding& f : sensitivity.findings) {
    if (!as_is) break;
    as_is = (f.strength == content::Strength::kStrong || f.pack == "limit") &&
            f.marking.size() <= kMaxField && f.where.size() <= kMaxField &&
            f.text.size() <= kMaxField;
  }
  w.PlainKey("sensitivity");
  if (as_is) {
    render::WriteSensitivityJson(sensitivity, w, render::kAllFindings, false);
  } else {
    content::Sensitivity logged;
    logged.level = sensitivity.level;
    logged.complete = sensitivity.complete;
    for (const content::Finding& f : sensitivity.findings) {
      if (logged.findings.size() >= kMaxFindings) break;
      if (f.strength != content::Strength::kStrong && f.pack != "limit") continue;
      content::Finding& cut = logged.findings.emplace_back(f);
      cut.marking = std::string(Cut(f.marking));
      cut.where = std::string(Cut(f.where));
      cut.text = std::string(Cut(f.text));
    }
    render::WriteSensitivityJson(logged, w, render::kAllFindings, false);
  }
  if (!errors.empty()) {
    w.PlainKey("errors").BeginArray();
    for (size_t i = 0; i < errors.size() && i < 8; ++i) w.String(Cut(errors[i]));
    w.EndArray();
  }
  w.PlainKey("bytes").Uint(tx.seen_bytes);
  w.PlainKey("check_ms").Double(static_cast<double>(static_cast<int64_t>(check_ms * 1000)) / 1000);
  w.PlainKey("rule").String(decision.rule.id);
  w.PlainKey("action").String(ActionName(decision.message_action));
  w.PlainKey("milter").String(milter_action);
  if (!decision.message.empty()) w.PlainKey("message").String(Cut(decision.message));
  w.EndObject();
  return line;
}

std::string FailLogLine(const Transaction& tx, std::string_view why,
                        std::string_view milter_action) {
  std::string line;
  JsonWriter w(&line);
  Base(tx, "error", w);
  w.PlainKey("error").String(Cut(why));
  w.PlainKey("milter").String(milter_action);
  w.EndObject();
  return line;
}

}  // namespace nearmiss::milter
