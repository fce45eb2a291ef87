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
    engines_->CountDecision(*engine);  // judged with an empty history: counted
    CheckRequest& request = parsed.request;
    std::optional<store::StoreAcknowledgements> acks;
    if (store_ != nullptr) acks.emplace(store_);
    request.acknowledgements = acks ? &*acks : nullptr;
    // The resolver in use, kept for this request (a reload may switch it).
    const std::shared_ptr<DnsSource> dns = options_.dns ? options_.dns() : nullptr;
    request.dns = dns.get();
    request.now = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
    Json acknowledged = Json::array();
    Json not_acknowledged = Json::array();
    if (request.acknowledge.present) {
      // The policy's "no Send anyway" holds for every client, not only for
      // the add-ins that hide the button.
      // Each refusal of a "Send anyway" is recorded, as a refused admin
      // act is (RecordRefusedAcknowledge).
      auto refuse = [&](const Problem& p) {
        RecordRefusedAcknowledge(req, request.from, p);
        SendProblem(res, p);
      };
      if (!engine->policy().api.allow_send_anyway) {
        return refuse(MakeProblem(403, "send-anyway-off",
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
        return refuse(*VouchProblem(*engine, request.from));
      }
      if (store_ == nullptr) {
        return SendProblem(res, MakeProblem(503, "no-store",
                                            "acknowledgements live in the store: start serve "
                                            "with --store"));
      }
      if (request.from.empty()) {
        return SendProblem(res, InvalidBody({{"/from", "an acknowledgement needs 'from': the "
                                                         "sender who acknowledges"}}));
      }
      // As the notice's release link ([confirm]: organisation senders only):
      // a check token is in every add-in, so without this anyone holding one
      // settled warnings in the name of any outside address, which the
      // milter then honoured for relayed mail (stop 37's issue 14 tester,
      // item 5). No organisation named: every sender, as before.
      // 'from' read as the check reads it (a display name, any case:
      // "Alice <ALICE@Trust.Example>"), its domain compared as Postfix
      // compares domains, without case (the issue-14 tester, round 43,
      // finding 7: the display-name form was refused as outside).
      const std::vector<DomainItem>& organisation = engine->policy().organisation;
      const Result<Address> from = ParseAddress(request.from);
      if (!organisation.empty() && !from.ok()) {
        return SendProblem(res, InvalidBody({{"/from", "'from' is no address: " +
                                                             from.error().message()}}));
      }
      if (!organisation.empty() && !InOrganisation(organisation, from->domain.ascii)) {
        return refuse(MakeProblem(403, "sender-outside-organisation",
                                  "'from' is not at a domain of the policy's [domains] "
                                  "organisation: only the organisation's senders "
                                  "acknowledge a warning"));
      }
      CheckAnswer before = CheckMessageOrFail(*engine, request);
      // A sender's own token acknowledges for that sender only; a shared
      // one as the policy says (the issue-14 tester, round 43, finding 5).
      if (std::optional<Problem> p = VouchProblem(
              *engine, before.record.sender.empty() ? request.from : before.record.sender)) {
        return refuse(*p);
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
