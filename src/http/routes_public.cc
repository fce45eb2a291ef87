// The routes a mail client or a scraper calls: the pre-send check, health,
// metrics, the OpenAPI document, and the console's static files.
#include <algorithm>
#include <chrono>
#include <optional>

#include "base/log.h"
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

}  // namespace

Status ApiServerImpl::Acknowledge(const Engine& engine, const CheckRequest& request,
                                  nlohmann::ordered_json* made) {
  // The check as it stands: which recipients are flagged and may be
  // acknowledged (Engine::Decide's acknowledgeable, not yet settled).
  CheckAnswer before = CheckMessage(engine, request);
  const Json& recipients = before.body["recipients"];
  const int64_t days = engine.policy().confirm.acknowledgement_days;
  for (const Json& r : recipients) {
    if (!r.value("acknowledgeable", false) || r.contains("acknowledged_by")) continue;
    const std::string action = r.value("action", "");
    if (action != "warn" && action != "confirm") continue;
    if (!r.contains("address") || !r["address"].is_string()) continue;  // invalid: no address
    const std::string address = r["address"].get<std::string>();
    const std::string input = r.value("input", "");
    const auto& wanted = request.acknowledge.recipients;
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), address) == wanted.end() &&
        std::find(wanted.begin(), wanted.end(), input) == wanted.end()) {
      continue;
    }
    Acknowledgement a;
    a.sender = before.record.sender;
    if (request.acknowledge.domain_scope) {
      const std::string domain = r.value("domain", "");
      if (domain.empty() || std::any_of(made->begin(), made->end(), [&](const Json& m) {
            return m.value("domain", "") == domain;
          })) {
        continue;  // one acknowledgement a domain
      }
      a.domain = domain;
    } else {
      a.recipient = address;
    }
    for (const Json& reason : r.value("reasons", Json::array())) {
      a.reasons += (a.reasons.empty() ? "" : " ") + reason.value("code", "");
    }
    a.who = a.sender;
    a.why = request.acknowledge.justification;
    a.path = "api";
    a.created_at = request.now;
    a.expires_at = request.now + days * 86400;
    NM_ASSIGN_OR_RETURN(int64_t id, store_->AddAcknowledgement(a));
    RecordEvent(a.sender, "sender", "acknowledge", "ack:" + std::to_string(id),
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
    CheckRequest& request = parsed.request;
    std::optional<store::StoreAcknowledgements> acks;
    if (store_ != nullptr) acks.emplace(store_);
    request.acknowledgements = acks ? &*acks : nullptr;
    request.now = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
    Json acknowledged = Json::array();
    if (request.acknowledge.present) {
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
      Status s = Acknowledge(*engine, request, &acknowledged);
      if (!s.ok()) return SendProblem(res, MakeProblem(503, "store-failed", s.message()));
    }
    CheckAnswer answer = CheckMessageOrFail(*engine, request);
    if (request.acknowledge.present) answer.body["acknowledged"] = std::move(acknowledged);
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
