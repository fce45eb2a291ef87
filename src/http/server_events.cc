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

namespace {

// What a refused admin request tried, and on what: the names the done
// acts are recorded under (routes_admin.cc, routes_acknowledgements.cc).
// The id a route's pattern captured; a request refused before routing
// (a bare POST: ApiServerImpl::RefuseMissingLength) has none, so the
// path's segment after the collection names it as the route would.
std::string RequestId(const httplib::Request& req) {
  if (req.matches.size() > 1) return log::Untrusted(req.matches[1].str(), 64);
  const std::string_view path = req.path;
  for (std::string_view collection : {"/v1/held/", "/v1/acknowledgements/"}) {
    if (!path.starts_with(collection)) continue;
    const std::string_view rest = path.substr(collection.size());
    return log::Untrusted(rest.substr(0, rest.find('/')), 64);
  }
  return {};
}

std::pair<std::string, std::string> RefusedAct(const httplib::Request& req) {
  const std::string id = RequestId(req);
  const std::string_view path = req.path;
  if (req.method == "POST" && path.ends_with("/release")) return {"release-refused", id};
  if (req.method == "DELETE" && path.starts_with("/v1/held/")) return {"delete-refused", id};
  if (req.method == "DELETE" && path.starts_with("/v1/acknowledgements/")) {
    std::string object("ack:");
    object += id;
    return {"revoke-refused", object};
  }
  if (path == "/v1/reload") return {"reload-refused", "policy"};
  if (path == "/v1/check") return {"acknowledge-refused", "/v1/check"};
  std::string object(log::Untrusted(req.method, 16));
  object += ' ';
  object += log::Untrusted(req.path, 100);
  return {"refused", object};
}

// "refused (403): DETAIL; token FILE:LINE; from ADDRESS; user agent UA".
std::string RefusedDetail(const httplib::Request& req, const Identity& who, const Problem& p,
                          const std::string& client) {
  std::string detail("refused (");
  detail.append(std::to_string(p.status)).append("): ").append(p.detail);
  if (!who.where.empty() && who.where != who.name) detail.append("; token ").append(who.where);
  if (!client.empty()) detail.append("; from ").append(client);
  if (const std::string ua = req.get_header_value("User-Agent"); !ua.empty()) {
    detail.append("; user agent ").append(log::Untrusted(ua, 100));
  }
  return detail;
}

}  // namespace

void ApiServerImpl::RecordRefused(const httplib::Request& req, const Identity& who,
                                  const Problem& p) {
  const auto [action, object] = RefusedAct(req);
  std::string name = who.name;
  if (name.empty()) {
    name = req.get_header_value("Authorization").empty() ? "no token" : "an unknown token";
  }
  RecordEvent(name, RoleName(who.role), action, object,
              RefusedDetail(req, who, p, ClientOf(req, trusted_proxies_)));
}

void ApiServerImpl::RecordRefusedAcknowledge(const httplib::Request& req,
                                             const std::string& sender, const Problem& p) {
  const Identity& who = Caller();
  std::string object(log::Untrusted(sender.empty() ? "(no from)" : sender, 200));
  std::string name = who.name;
  if (name.empty()) {
    name = req.get_header_value("Authorization").empty() ? "no token" : "an unknown token";
  }
  RecordEvent(name, RoleName(who.role), "acknowledge-refused", object,
              RefusedDetail(req, who, p, CallerAddress()));
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
