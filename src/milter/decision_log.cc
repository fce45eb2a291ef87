#include "milter/decision_log.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "render/sensitivity.h"

namespace nearmiss::milter {
namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kMaxField = 256;
constexpr size_t kMaxFindings = 16;

std::string Cut(std::string_view s) {
  return std::string(s.substr(0, kMaxField));
}

Json Base(const Transaction& tx, std::string_view event) {
  Json j;
  j["time"] = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
  j["event"] = event;
  j["session"] = tx.session_id;
  j["queue_id"] = Cut(tx.queue_id);
  j["sender"] = Cut(tx.sender);
  if (!tx.auth_user.empty()) j["auth_user"] = Cut(tx.auth_user);
  j["path"] = MailPathName(tx.path);
  return j;
}

Json ReasonCodes(const std::vector<Reason>& reasons) {
  Json codes = Json::array();
  for (const Reason& r : reasons) codes.push_back(ReasonCodeName(r.code));
  return codes;
}

std::string Dump(const Json& j) {
  // Replace invalid UTF-8 rather than throw: addresses come off the wire.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string RcptLogLine(const Transaction& tx, const TxRecipient& rcpt,
                        std::string_view milter_action) {
  Json j = Base(tx, "rcpt");
  const RecipientDecision& d = rcpt.decision;
  j["recipient"] = Cut(rcpt.check.address.empty() ? rcpt.raw : rcpt.check.address);
  j["verdict"] = VerdictName(rcpt.check.verdict);
  j["reasons"] = ReasonCodes(rcpt.check.reasons);
  if (!rcpt.check.suggestion.empty()) j["suggestion"] = Cut(rcpt.check.suggestion);
  j["rule"] = d.rule.id;
  j["action"] = ActionName(d.action);
  j["deferred"] = d.deferred;
  j["milter"] = milter_action;
  if (!d.message.empty()) j["message"] = Cut(d.message);
  return Dump(j);
}

std::string MessageLogLine(const Transaction& tx, const Decision& decision,
                           const content::Sensitivity& sensitivity,
                           std::string_view milter_action, double check_ms,
                           const std::vector<std::string>& errors) {
  Json j = Base(tx, "message");
  Json rcpts = Json::array();
  for (const RecipientDecision& r : decision.recipients) {
    rcpts.push_back({{"address", Cut(r.recipient)},
                     {"verdict", VerdictName(r.verdict)},
                     {"action", ActionName(r.action)},
                     {"rule", r.rule.id},
                     {"reasons", ReasonCodes(r.reasons)}});
  }
  for (const TxRecipient& r : tx.recipients) {
    if (!r.refused) continue;
    rcpts.push_back({{"address", Cut(r.check.address.empty() ? r.raw : r.check.address)},
                     {"verdict", VerdictName(r.check.verdict)},
                     {"action", r.tempfailed ? "tempfail" : "reject"},
                     {"rule", r.decision.rule.id},
                     {"at_rcpt", true}});
  }
  j["recipients"] = std::move(rcpts);
  j["level"] = content::LevelName(decision.level);
  // The sensitivity in the one shape (render/sensitivity.h), its findings
  // the ones that count (strong markings, limits hit), cut like every
  // untrusted string, so a log line stays short whatever the message holds.
  content::Sensitivity logged;
  logged.level = sensitivity.level;
  logged.complete = sensitivity.complete;
  for (const content::Finding& f : sensitivity.findings) {
    if (logged.findings.size() >= kMaxFindings) break;
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
  j["rule"] = decision.rule.id;
  j["action"] = ActionName(decision.message_action);
  j["milter"] = milter_action;
  if (!decision.message.empty()) j["message"] = Cut(decision.message);
  return Dump(j);
}

std::string FailLogLine(const Transaction& tx, std::string_view why,
                        std::string_view milter_action) {
  Json j = Base(tx, "error");
  j["error"] = Cut(why);
  j["milter"] = milter_action;
  return Dump(j);
}

}  // namespace nearmiss::milter
