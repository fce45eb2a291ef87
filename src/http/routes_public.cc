// The routes a mail client or a scraper calls: the pre-send check, health,
// metrics, the OpenAPI document, and the console's static files.
#include <algorithm>
#include <chrono>
#include <optional>

#include "base/ascii.h"
#include "base/log.h"
#include "nearmiss/address.h"
#include "nearmiss/policy.h"
#include "http/check_service.h"
#include "http/console_assets.h"
#include "http/server_impl.h"
#include "store/store_acknowledgements.h"

namespace nearmiss::data {
extern const std::string_view kOpenApi;
}

namespace nearmiss::http {
namespace {

using Json = nlohmann::ordered_json;

bool IsJsonType(const std::string& content_type) {
  if (content_type.empty()) return true;  // a bare client; the body must still parse
  std::string_view t(content_type);
  t = t.substr(0, t.find(';'));
  return t == "application/json" || (t.starts_with("application/") && t.ends_with("+json")) ||
         t == "text/plain";  // what a CORS "simple request" may carry
}

// An acknowledgement recipient as the check names it: the canonical
// address, lower case (the store keeps acknowledgements so), or the text
// as given when it does not parse.
std::string AckKey(std::string_view text) {
  Result<Address> a = ParseAddress(text);
  return AsciiLower(a.ok() ? a->ToString() : std::string(text));
}

// Whether check recipient `r` is the one `wanted` names (its address, or
// its input exactly as the client sent it).
bool Names(const Json& r, const std::string& wanted, const std::string& wanted_key) {
  if (r.value("input", "") == wanted) return true;
  const Json* address = r.contains("address") ? &r["address"] : nullptr;
  return address != nullptr && address->is_string() &&
         AsciiLower(address->get<std::string>()) == wanted_key;
}

// 422 naming the first listed acknowledgement recipient that is none of
// the check's recipients: acknowledging it would store nothing, and an
// empty `acknowledged` would hide the client's mistake (a recipient edited
// out, a typo in the list).
std::optional<Problem> UnmatchedAcknowledgement(const CheckRequest& request,
                                                const nlohmann::ordered_json& recipients) {
  const auto& wanted = request.acknowledge.recipients;
  std::vector<FieldError> errors;
  for (size_t i = 0; i < wanted.size(); ++i) {
    const std::string key = AckKey(wanted[i]);
    bool found = std::any_of(recipients.begin(), recipients.end(),
                             [&](const Json& r) { return Names(r, wanted[i], key); });
    if (!found) {
      errors.push_back({"/acknowledge/recipients/" + std::to_string(i),
                        "'" + log::Untrusted(wanted[i], 200) +
                            "' is not a recipient of this check (to, cc, bcc)"});
    }
  }
  if (errors.empty()) return std::nullopt;
  Problem p = MakeProblem(422, "acknowledgement-unmatched",
                          errors.front().detail + " (" + errors.front().pointer + ")" +
                              (errors.size() > 1 ? ", and " + std::to_string(errors.size() - 1) +
                                                       " more (errors)"
                                                 : std::string()) +
                              "; nothing was acknowledged");
  p.errors = std::move(errors);
  return p;
}

// Whether a recipient of the check's answer is flagged for its address,
// which a domain's acknowledgement does not settle.
bool AboutAddress(const Json& recipient) {
  for (const Json& reason : recipient.value("reasons", Json::array())) {
    const std::string code = reason.value("code", "");
    if (code == "address-typo" || code == "new-address") return true;
  }
  return false;
}

}  // namespace

std::string ApiServerImpl::AcknowledgerOf(const std::string& sender) {
  const Identity& token = Caller();
  std::string who = sender;
  who += " (";
  if (token.role == Role::kAdmin) {
    who += "by admin '";
  } else if (!token.sender.empty()) {
    who += "own token '";
  } else {
    who += "claimed; shared token '";
  }
  who += token.name;
  who += "'";
  if (!CallerAddress().empty()) {
    who += "; from ";
    who += CallerAddress();
  }
  who += ")";
  return who;
}

std::optional<Problem> ApiServerImpl::VouchProblem(const Engine& engine,
                                                   const std::string& sender) const {
  const Identity& token = Caller();
  if (token.role == Role::kAdmin) return std::nullopt;
  if (token.role == Role::kCheck && !token.sender.empty()) {
    // As the store keeps a sender: by mailbox, lower case.
    if (AsciiLower(engine.Mailbox(sender)) == AsciiLower(engine.Mailbox(token.sender))) {
      return std::nullopt;
    }
    std::string detail = "this check token is ";
    detail += log::Untrusted(token.name, 100);
    detail += "'s own, bound to ";
    detail += token.sender;
    detail += " (";
    detail += token.where;
    detail += "): it acknowledges that sender's warnings only, not ";
    detail += log::Untrusted(sender, 200);
    detail += "'s; nothing was acknowledged";
    return MakeProblem(403, "acknowledge-other-sender", std::move(detail));
  }
  if (token.role == Role::kCheck && !engine.policy().api.acknowledge_with_shared_token) {
    std::string detail = "the policy's [api] acknowledge_with_shared_token is false: a check token "
                         "many share ('";
    detail += log::Untrusted(token.name, 100);
    detail += "', ";
    detail += token.where;
    detail += ") cannot vouch that ";
    detail += log::Untrusted(sender, 200);
    detail += " sent this; give each sender a token of their own ('check TOKEN NAME "
              "<address>' in the token file); nothing was acknowledged";
    return MakeProblem(403, "acknowledge-needs-own-token", std::move(detail));
  }
  if (token.role == Role::kCheck) return std::nullopt;
  // No token, or a viewer's (checks open): nothing vouches for the claim.
  std::string detail =
      "an acknowledgement is recorded in the sender's name, so a token must vouch for the "
      "request: send the add-in's check token (Authorization: Bearer TOKEN)";
  detail += token.role == Role::kViewer
                ? "; a viewer token only reads"
                : "; serve has no check token configured, so checks are open but "
                  "acknowledgements are not: add a 'check TOKEN NAME' line to the token file";
  detail += "; nothing was acknowledged";
  return MakeProblem(403, "acknowledge-needs-token", std::move(detail));
}

Status ApiServerImpl::Acknowledge(const Engine& engine, const CheckRequest& request,
                                  const nlohmann::ordered_json& recipients,
                                  const std::string& sender, nlohmann::ordered_json* made,
                                  nlohmann::ordered_json* not_made) {
  // The check as it stands: which recipients are flagged and may be
  // acknowledged (Engine::Decide's acknowledgeable, not yet settled).
  const int64_t days = engine.policy().confirm.acknowledgement_days;
  const auto& wanted = request.acknowledge.recipients;
  std::vector<std::string> wanted_keys;
  for (const std::string& w : wanted) wanted_keys.push_back(AckKey(w));
  // A message blocked for another recipient (reject, remove-recipient) is
  // not sent, so "Send anyway" did not happen: nothing is recorded for an
  // act that did not happen (docs/api.md; issue 14, round 34, item 6).
  std::string blocked_by;
  for (const Json& r : recipients) {
    if (r.value("client_action", "") == "block") {
      blocked_by = r.value("address", r.value("input", ""));
      break;
    }
  }
  for (const Json& r : recipients) {
    const std::string action = r.value("action", "");
    const std::string input = r.value("input", "");
    const std::string address =
        r.contains("address") && r["address"].is_string() ? r["address"].get<std::string>() : "";
    bool listed = false;
    for (size_t i = 0; i < wanted.size() && !listed; ++i) listed = Names(r, wanted[i], wanted_keys[i]);
    // Without a list, every flagged recipient is asked for; with one, those listed.
    if (wanted.empty() ? action == "accept" && !r.contains("acknowledged_by") : !listed) continue;
    // Why this one gets no acknowledgement, said rather than left out.
    std::string why;
    if (!blocked_by.empty() && action != "accept" && !r.contains("acknowledged_by") &&
        r.value("client_action", "") != "block") {
      why = "the message is blocked (" + blocked_by +
            "): it is not sent, so nothing is acknowledged; fix the blocked recipient and "
            "send again";
    } else if (r.contains("acknowledged_by")) {
      why = "already acknowledged (acknowledgement " + r["acknowledged_by"].dump() + ")";
    } else if (action == "accept") {
      why = "not flagged: the policy accepts it";
    } else if (!r.value("acknowledgeable", false) || (action != "warn" && action != "confirm")) {
      why = "rule '" + r.value("rule", "") + "' (" + action + ") may not be acknowledged";
    } else if (address.empty()) {
      why = "not an address";
    } else if (request.acknowledge.domain_scope && r.value("verdict", "") == "lookalike") {
      // A look-alike domain (gmial.com) is anyone's to register: the
      // sender knows the one person she means there, not every address
      // its owner may make (issue 14, round 34, item 1; docs/api.md).
      why = "a look-alike domain is acknowledged by address only, never as a whole: "
            "acknowledge it with scope 'address'";
    } else if (request.acknowledge.domain_scope && AboutAddress(r)) {
      // The engine would not apply it either (message_check.cc): one
      // click must not switch off the wrong-person check at a whole domain.
      why = "flagged for its address (address-typo, new-address), not its domain: acknowledge "
            "it with scope 'address'";
    }
    if (!why.empty()) {
      not_made->push_back({{"recipient", address.empty() ? input : address}, {"reason", why}});
      continue;
    }
    Acknowledgement a;
    // Kept by mailbox: alice+list@'s word holds for alice@ (message_check.cc).
    a.sender = engine.Mailbox(sender);
    if (request.acknowledge.domain_scope) {
      const std::string domain = r.value("domain", "");
      if (domain.empty() || std::any_of(made->begin(), made->end(), [&](const Json& m) {
            return m.value("domain", "") == domain;
          })) {
        continue;  // one acknowledgement a domain: the one made covers it
      }
      a.domain = domain;
    } else {
      a.recipient = address;
    }
    // The warning acknowledged, so it settles that one only
    // (acknowledgement.h): the check's codes but "trusted", and its
    // suggestion.
    for (const Json& reason : r.value("reasons", Json::array())) {
      const std::string code = reason.value("code", "");
      if (code == "trusted") continue;
      a.reasons += (a.reasons.empty() ? "" : " ") + code;
    }
    a.suggestion = r.value("suggestion", "");
    // And its address-typo kind: one letter differs is another question
    // than a display name that names the suggestion (acknowledgement.h).
    if (const auto typo = r.find("address_typo"); typo != r.end() && typo->is_object()) {
      a.typo_kind = typo->value("kind", "");
    }
    // Lower case, as the sender column is kept (the issue-14 tester,
    // round 43, finding 17f: `ALICE@trust.example (via ...)`).
    a.who = AcknowledgerOf(AsciiLower(a.sender));
    a.why = request.acknowledge.justification;
    a.path = "api";
    a.created_at = request.now;
    a.expires_at = request.now + days * 86400;
    NM_ASSIGN_OR_RETURN(int64_t id, store_->AddAcknowledgement(a));
    RecordEvent(a.who, "sender", "acknowledge", "ack:" + std::to_string(id),
                a.sender + " -> " + (a.domain.empty() ? address : "@" + a.domain) + " (api" +
                    (a.why.empty() ? ")" : "): " + a.why));
    Json one = {{"id", id}, {"recipient", address}};
    if (!a.domain.empty()) one["domain"] = a.domain;
    one["expires_at"] = a.expires_at;
    made->push_back(std::move(one));
  }
  return Status::Ok();
}

void ApiServerImpl::AddPublicRoutes() {
  server_->Post("/v1/check", Guard(Role::kCheck, [this](const httplib::Request& req,
                                                         httplib::Response& res) {
    auto started = std::chrono::steady_clock::now();
    if (!IsJsonType(req.get_header_value("Content-Type"))) {
      SendProblem(res, MakeProblem(415, "unsupported-media-type",
                                   "send the check as application/json"));
      return;
    }
    ParsedCheck parsed = ParseCheckRequest(req.body, check_limits_);
    if (!parsed.ok) {
      SendProblem(res, parsed.problem);
      return;
    }
    std::shared_ptr<const Engine> engine = engines_->Get();
    engines_->CountDecision(*engine);  // judged with an empty history: counted
    CheckRequest& request = parsed.request;
    std::optional<store::StoreAcknowledgements> acks;
    if (store_ != nullptr) acks.emplace(store_);
    request.acknowledgements = acks ? &*acks : nullptr;
    request.now = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
    Json acknowledged = Json::array();
    Json not_acknowledged = Json::array();
    if (request.acknowledge.present) {
      // The policy's "no Send anyway" holds for every client, not only for
      // the add-ins that hide the button.
      if (!engine->policy().api.allow_send_anyway) {
        return SendProblem(res, MakeProblem(403, "send-anyway-off",
                                            "the policy's [api] allow_send_anyway is false: a "
                                            "warning is not acknowledged through the API; the "
                                            "sender asks an administrator"));
      }
      // An acknowledgement is an act in the sender's name, which the body
      // only claims ('from'): a token (the add-in's check token, a sender's
      // own, or an admin's) vouches for who made the request. With no check
      // token configured checks are open, but an acknowledgement without a
      // token would be anyone's word recorded as the sender's (the issue-14
      // tester, round 42, finding 1): refused, nothing stored. Whether the
      // token may vouch for this sender is asked once the sender is read
      // (VouchProblem, below).
      if (Caller().role == Role::kNone || Caller().role == Role::kViewer) {
        return SendProblem(res, *VouchProblem(*engine, request.from));
      }
      if (store_ == nullptr) {
        return SendProblem(res, MakeProblem(503, "no-store",
                                            "acknowledgements live in the store: start serve "
                                            "with --store"));
      }
      if (request.from.empty()) {
        return SendProblem(res, InvalidRequest("an acknowledgement needs 'from': the sender "
                                               "who acknowledges",
                                               {{"/from", "the sender's address"}}));
      }
      // As the notice's release link ([confirm]: organisation senders only):
      // a check token is in every add-in, so without this anyone holding one
      // settled warnings in the name of any outside address, which the
      // milter then honoured for relayed mail (stop 37's issue 14 tester,
      // item 5). No organisation named: every sender, as before.
      // `from` read as the check reads it: "Alice <ALICE@Trust.Example>"
      // was checked as alice's but refused here as outside the
      // organisation (the issue-14 tester, round 43, finding 7).
      const std::vector<DomainItem>& organisation = engine->policy().organisation;
      const Result<Address> from = ParseAddress(request.from);
      if (!organisation.empty() &&
          (!from.ok() || !InOrganisation(organisation, AsciiLower(from->ToString().substr(
                                                           from->ToString().rfind('@') + 1))))) {
        return SendProblem(res, MakeProblem(403, "sender-outside-organisation",
                                            "'from' is not at a domain of the policy's [domains] "
                                            "organisation: only the organisation's senders "
                                            "acknowledge a warning"));
      }
      CheckAnswer before = CheckMessageOrFail(*engine, request);
      // A sender's own token acknowledges for that sender only; a shared
      // one as the policy says (the issue-14 tester, round 43, finding 5).
      if (std::optional<Problem> p = VouchProblem(
              *engine, before.record.sender.empty() ? request.from : before.record.sender)) {
        return SendProblem(res, *p);
      }
      if (before.unchecked) {
        // Nothing judged, nothing to acknowledge: the answer says unchecked.
        acknowledged = Json::array();
      } else if (std::optional<Problem> p =
                     UnmatchedAcknowledgement(request, before.body["recipients"])) {
        return SendProblem(res, *p);
      } else {
        Status s = Acknowledge(*engine, request, before.body["recipients"], before.record.sender,
                               &acknowledged, &not_acknowledged);
        if (!s.ok()) return SendProblem(res, MakeProblem(503, "store-failed", s.message()));
      }
    }
    CheckAnswer answer = CheckMessageOrFail(*engine, request);
    if (request.acknowledge.present) {
      answer.body["acknowledged"] = std::move(acknowledged);
      answer.body["not_acknowledged"] = std::move(not_acknowledged);
    }
    if (answer.unchecked) {
      log::Warn("POST /v1/check: " + log::Untrusted(answer.error, 200) + "; answered " +
                std::string(ClientActionName(answer.action)) + " ([defaults] on_error)");
    }
    SendJson(res, answer.body);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    metrics_.ObserveCheck(answer.action, answer.record, seconds);
    metrics_.ObserveFailClosed(answer);
    for (DecisionSink* sink : sinks_) sink->Record(answer.record);
    recent_.Record(std::move(answer.record));
  }));

  server_->Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    std::shared_ptr<const Engine> engine = engines_->Get();
    SendJson(res, {{"status", "ok"},
                   {"policy", engine->policy().source},
                   {"generation", engines_->generation()}});
  });

  server_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    Gauges g;
    g.policy_generation = static_cast<int64_t>(engines_->generation());
    {
      const EngineStats stats = engines_->Get()->stats();
      g.history_domains = static_cast<int64_t>(stats.history_domains);
      g.history_correspondents = static_cast<int64_t>(stats.history_correspondents);
      g.decisions_without_history = static_cast<int64_t>(engines_->decisions_without_history());
    }
    {
      // postqueue walks the queue directories: not on every scrape.
      std::lock_guard lock(held_mu_);
      auto now = std::chrono::steady_clock::now();
      if (now - held_at_ > std::chrono::seconds(10)) {
        Result<int64_t> n = postfix_.CountHeld();
        held_count_ = n.ok() ? *n : -1;
        held_at_ = now;
      }
      g.held_messages = held_count_;
    }
    if (milter_log_) {
      g.milter_messages = milter_log_->messages();
      g.milter_sessions = milter_log_->sessions();
      g.milter_journal = milter_log_->journal();
      g.milter_errors = milter_log_->errors();
      g.milter_incomplete = milter_log_->incomplete();
      g.milter_dns_unknown = milter_log_->dns_unknown();
    }
    if (Result<AuditCounts> c = recent_.Count({}); c.ok()) g.audit_records = c->total;
    if (journal_) g.journal = journal_->stats();
    res.set_content(metrics_.Render(g), "text/plain; version=0.0.4; charset=utf-8");
  });

  server_->Get("/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(data::kOpenApi), "application/json");
  });

  for (const ConsoleAsset& asset : ConsoleAssets()) {
    server_->Get(std::string(asset.path), [asset](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(asset.body), std::string(asset.content_type));
      // The console runs only its own scripts and talks only to this server.
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                     "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
                     "base-uri 'none'; form-action 'none'");
      res.set_header("Referrer-Policy", "no-referrer");
    });
  }
}

}  // namespace nearmiss::http
