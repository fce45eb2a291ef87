// The routes a mail client or a scraper calls: the pre-send check, health,
// metrics, the OpenAPI document, and the console's static files.
#include <chrono>

#include "base/log.h"
#include "http/check_service.h"
#include "http/console_assets.h"
#include "http/server_impl.h"

namespace nearmiss::data {
extern const std::string_view kOpenApi;
}

namespace nearmiss::http {
namespace {

bool IsJsonType(const std::string& content_type) {
  if (content_type.empty()) return true;  // a bare client; the body must still parse
  std::string_view t(content_type);
  t = t.substr(0, t.find(';'));
  return t == "application/json" || (t.starts_with("application/") && t.ends_with("+json")) ||
         t == "text/plain";  // what a CORS "simple request" may carry
}

}  // namespace

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
    CheckAnswer answer = CheckMessageOrFail(*engine, parsed.request);
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
