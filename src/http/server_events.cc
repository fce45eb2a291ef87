// The administrative events serve writes (RecordEvent): who acted, with
// which token and from where, and the reload's record; and the one line
// that names the tokens in force, for the log and the reload event.
#include <chrono>

#include "base/log.h"
#include "http/server_impl.h"

namespace nearmiss::http {

std::string ApiServerImpl::TokensLine(const TokenSet& tokens) {
  std::string admins, viewers;
  size_t n_admins = 0, n_viewers = 0, n_bound = 0;
  for (const Identity& who : tokens.Identities()) {
    if (who.role == Role::kCheck && !who.sender.empty()) ++n_bound;
    if (who.role != Role::kAdmin && who.role != Role::kViewer) continue;
    std::string& list = who.role == Role::kAdmin ? admins : viewers;
    size_t& n = who.role == Role::kAdmin ? n_admins : n_viewers;
    list += n++ == 0 ? "" : ", ";
    list += log::Untrusted(who.name, 100);
  }
  const size_t n_checks = tokens.size() - n_admins - n_viewers;
  std::string line = std::to_string(n_admins) + (n_admins == 1 ? " admin" : " admins");
  if (n_admins > 0) line += " (" + admins + ")";
  if (n_viewers > 0) {
    line += ", " + std::to_string(n_viewers) + (n_viewers == 1 ? " viewer (" : " viewers (");
    line += viewers + ")";
  }
  line += ", " + std::to_string(n_checks) + (n_checks == 1 ? " check token" : " check tokens");
  if (n_bound > 0) line += " (" + std::to_string(n_bound) + " bound to one sender)";
  return line;
}

bool ApiServerImpl::RecordAdminEvent(const std::string& action, const std::string& object,
                                     std::string detail) {
  const Identity& who = Caller();
  if (!who.where.empty() && who.where != who.name) {
    detail += detail.empty() ? "token " : "; token ";
    detail += who.where;
  }
  // Where the request came from: a token is a secret that can be copied,
  // the address says which machine used it (the issue-14 tester, round
  // 43, finding 5).
  if (!CallerAddress().empty()) {
    detail += detail.empty() ? "from " : "; from ";
    detail += CallerAddress();
  }
  return RecordEvent(who.name, RoleName(who.role), action, object, detail);
}

bool ApiServerImpl::RecordEvent(const std::string& who, const std::string& role,
                                const std::string& action, const std::string& object,
                                const std::string& detail) {
  log::Info(action + " " + log::Untrusted(object) + " by " + log::Untrusted(who) + " (" + role +
            ")" + (detail.empty() ? "" : ": " + log::Untrusted(detail, 200)));
  if (store_ == nullptr) return false;
  AdminEvent e;
  e.time_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
  e.who = who;
  e.role = role;
  e.action = action;
  e.object = object;
  e.detail = detail;
  Status s = store_->AppendAdminEvent(e);
  if (!s.ok()) log::Warn("admin event not stored: " + s.message());
  return s.ok();
}

std::string ApiServerImpl::ReloadDetail(uint64_t before, const Status& result) const {
  std::string detail;
  if (!result.ok()) {
    detail = "refused at generation " + std::to_string(before) + ": ";
    detail += log::Untrusted(result.message(), 200);
    return detail;
  }
  detail = "generation " + std::to_string(before) + " -> " +
           std::to_string(engines_->generation()) + "; ";
  detail += engines_->Get()->policy().source;
  detail += "; tokens: ";
  detail += TokensLine(security()->tokens);
  return detail;
}

void ApiServerImpl::RecordReload(const std::string& by, const Status& result) {
  // The generation before: a refused reload leaves it; a done one moved it
  // by one (reloads are one at a time, reload_mu_).
  const uint64_t now = engines_->generation();
  std::string who = "SIGHUP";
  if (!by.empty()) {
    who += " from ";
    who += by;
  }
  RecordEvent(who, "signal", "reload", "policy",
              ReloadDetail(result.ok() && now > 0 ? now - 1 : now, result));
}

}  // namespace nearmiss::http
