// Internals of ApiServer shared by server.cc and the route files.
#ifndef NEARMISS_HTTP_SERVER_IMPL_H_
#define NEARMISS_HTTP_SERVER_IMPL_H_

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "confirm/link.h"
#include "http/auth.h"
#include "http/check_request.h"
#include "http/client_address.h"
#include "http/cors.h"
#include "http/metrics.h"
#include "http/problem.h"
#include "http/rate_limiter.h"
#include "http/held_claim.h"
#include "http/server.h"
#include "journal/milter_log_reader.h"
#include "journal/recent_records.h"
#include "journal/store_writer.h"

namespace nearmiss::http {

// What a reload replaces besides the engine.
struct Security {
  TokenSet tokens;
  CorsPolicy cors{{}};
};

class ApiServerImpl : public ApiServer {
 public:
  ApiServerImpl(ApiOptions options, std::shared_ptr<EngineHolder> engines,
                journal::RecordSource* audit,
                std::vector<DecisionSink*> sinks, const journal::StoreWriter* journal,
                Store* store);
  ~ApiServerImpl() override;

  Status Init();
  Status Bind() override;
  int port() const override { return port_; }
  void Run() override;
  void Stop() override;
  Status Reload() override;
  void RecordReload(const std::string& by, const Status& result) override;
  // The detail of a reload event: "generation 3 -> 4; POLICY; tokens: ..."
  // or "refused at generation 3: why".
  std::string ReloadDetail(uint64_t before, const Status& result) const;
  std::string admin_token() const override { return generated_token_; }
  std::string admin_token_name() const override {
    return generated_token_.empty() ? std::string() : GeneratedTokenName();
  }

  // Route helpers.
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  // Wraps `h` with the role check and the exception edge.
  Handler Guard(Role need, Handler h);
  // The 401 or 403 for a request whose token does not grant `need`;
  // nullopt when it does, with the token's identity in `*who`.
  std::optional<Problem> RoleProblem(const httplib::Request& req, Role need, Identity* who) const;
  static void SendProblem(httplib::Response& res, const Problem& p);
  static void SendJson(httplib::Response& res, const nlohmann::ordered_json& j, int status = 200);

  void AddPublicRoutes();  // routes_public.cc
  void AddAdminRoutes();   // routes_admin.cc
  void AddConfirmRoutes();
  // POST /v1/check's acknowledge, given the check's recipients as they
  // stand (`before`, CheckAnswer::body["recipients"]): stores an
  // acknowledgement for each flagged recipient it may settle and lists them
  // in `made`; lists each asked-for or flagged recipient it did not
  // acknowledge, with why, in `not_made`. The caller has checked that every
  // listed recipient is one of the check's (UnmatchedAcknowledgement).
  Status Acknowledge(const Engine& engine, const CheckRequest& request,
                     const nlohmann::ordered_json& before, const std::string& sender,
                     nlohmann::ordered_json* made, nlohmann::ordered_json* not_made);  // routes_confirm.cc: the sender's signed links
  void AddAcknowledgementRoutes();  // routes_acknowledgements.cc
  // 422 naming the first listed acknowledgement recipient that is none of
  // the check's recipients (`recipients`, CheckAnswer::body["recipients"]):
  // acknowledging it would store nothing, and an empty `acknowledged` would
  // hide the client's mistake (a recipient edited out, a typo in the list).
  // acknowledge_api.cc, as the rest of "Send anyway".
  static std::optional<Problem> UnmatchedAcknowledgement(const CheckRequest& request,
                                                         const nlohmann::ordered_json& recipients);
  // Who an acknowledgement of `sender`'s made by the calling token is
  // recorded as: "alice@x (claimed; shared token 'outlook add-in'; from
  // 10.0.0.5)", "(own token 'Alice Example'; ...)" for a token bound to
  // her, "(by admin 'Ann Admin'; ...)" (routes_public.cc).
  static std::string AcknowledgerOf(const std::string& sender);
  // Why the calling token may not vouch for an acknowledgement in
  // `sender`'s name (403), nullopt when it may: an admin's always; a
  // check token bound to a sender for that sender only; a shared check
  // token unless [api] acknowledge_with_shared_token is false; none or a
  // viewer's never.
  std::optional<Problem> VouchProblem(const Engine& engine, const std::string& sender) const;

  // Who called the handler Guard is running on this thread (the token's
  // identity); empty outside a guarded handler.
  static const Identity& Caller();
  // The address the guarded request came from (ClientOf: its connection's
  // peer, or the client a trusted proxy names); empty outside a guarded
  // handler.
  static const std::string& CallerAddress();
  // Writes an administrative event to the store (logged either way); false
  // when it could not be written.
  bool RecordEvent(const std::string& who, const std::string& role, const std::string& action,
                   const std::string& object, const std::string& detail);
  // RecordEvent for the calling admin (or viewer): under the token's name
  // and role, the detail ending "; token FILE:LINE" (where the token is
  // defined) when the name is a person's, so the record says who and with
  // which token, then "; from ADDRESS" (the client's).
  bool RecordAdminEvent(const std::string& action, const std::string& object,
                        std::string detail);
  // An admin act refused before it ran (401, 403: a viewer's release, a
  // bad token's delete): "release-refused", "delete-refused",
  // "revoke-refused", "reload-refused" (else "refused"), under the token's
  // name ("no token", "an unknown token"), its role, the problem's detail,
  // the token's place, the client's address and user agent, so "who tried
  // to release X?" has an answer beside the done and failed acts (the
  // issue-14 tester, round 45, N2 c; server_events.cc).
  void RecordRefused(const httplib::Request& req, const Identity& who, const Problem& p);
  // The same for a refused "Send anyway" (POST /v1/check's acknowledge):
  // "acknowledge-refused", the object naming the sender and recipients
  // the body gave, under the caller's identity (Caller()).
  void RecordRefusedAcknowledge(const httplib::Request& req, const std::string& sender,
                                const Problem& p);
  // The recipients of `link` a release acknowledges: those the running
  // policy still flags with a rule a sender may acknowledge (the link was
  // signed under its notice's policy). Each one left out is said, as a
  // page paragraph, in `*not_settled` (routes_confirm.cc).
  std::vector<confirm::ConfirmLink::Recipient> Acknowledgeable(const confirm::ConfirmLink& link,
                                                                int64_t now,
                                                                std::string* not_settled) const;
  // Store::ReturnLink, logged when the store refuses: the link then stays
  // spent and an administrator must act on the held message.
  void GiveLinkBack(const std::string& nonce);
  // Releases (`release`) or deletes held message `id` under its claim
  // (HeldClaims): true when done; false when another action holds the
  // claim or took the message first (postsuper's count 0), the caller's
  // 409; an error otherwise (kNotFound: not held, before anything was done).
  Result<bool> ActOnHeld(const std::string& id, bool release);
  // The answer to an admin's release (`release`) or delete of `id` that
  // ActOnHeld did not do (`done` an error or false; `held`, the message as
  // read before), recorded as a "release-failed"/"delete-failed" event
  // with why, unless the id was no queue id (routes_admin.cc).
  void RefuseHeldAct(httplib::Response& res, const std::string& id, bool release,
                     const Result<HeldMessage>& held, const Result<bool>& done);

  std::shared_ptr<const Security> security() const { return security_.load(); }
  // "2 admins (Ann Admin, Bob Boss), 1 viewer (Vic Viewer), 3 check
  // tokens (1 bound to one sender)": who the tokens are, never a token.
  static std::string TokensLine(const TokenSet& tokens);

  ApiOptions options_;
  std::shared_ptr<EngineHolder> engines_;
  journal::RecordSource* audit_;  // GET /v1/audit
  std::vector<DecisionSink*> sinks_;
  const journal::StoreWriter* journal_;  // /metrics; may be null
  Store* store_;  // acknowledgements, admin events, link uses; may be null
  // [confirm] and the links' signer (null when the policy names no key:
  // the /confirm page then says links are off), read at start and again on
  // each reload (SIGHUP), swapped whole so a request sees one or the other.
  struct ConfirmState {
    ConfirmPolicy policy;
    std::unique_ptr<const confirm::LinkSigner> signer;
  };
  Result<std::shared_ptr<const ConfirmState>> LoadConfirm() const;
  std::atomic<std::shared_ptr<const ConfirmState>> confirm_;
  journal::RecentRecords recent_;
  Metrics metrics_;
  RateLimiter limiter_;
  PostfixQueue postfix_;
  maillog::AddressRanges trusted_proxies_;  // options_.trusted_proxies, read by Init
  // One release or delete at a time of a held message (store_ set above).
  HeldClaims held_claims_{store_};
  CheckLimits check_limits_;
  // What each person last listed of the hold queue, so a list of the same
  // messages is recorded once (GET /v1/held; routes_admin.cc).
  struct LastLists {
    std::mutex mu;
    std::map<std::string, std::string> by_name;
    // Whether `name`'s list `key` differs from the last; records it.
    bool Changed(const std::string& name, const std::string& key) {
      std::lock_guard lock(mu);
      std::string& last = by_name[name];
      if (last == key) return false;
      last = key;
      return true;
    }
  } held_lists_;
  std::unique_ptr<journal::MilterLogFollower> milter_log_;
  std::unique_ptr<httplib::Server> server_;
  std::atomic<std::shared_ptr<const Security>> security_;
  std::string generated_token_;
  std::mutex reload_mu_;
  int port_ = 0;
  // /metrics asks Postfix for the hold queue at most this often.
  std::mutex held_mu_;
  std::chrono::steady_clock::time_point held_at_{};
  int64_t held_count_ = -1;

 private:
  Result<std::shared_ptr<const Security>> BuildSecurity() const;
  std::string GeneratedTokenName() const;
  // Whether a token file is named (--token-file or [api] token_file).
  bool TokenFileGiven() const;
  // Logs who the tokens are (at start and on each reload, so the admin who
  // removed a leaver's line sees it took), and warns of no admin token and
  // of open checks, where acknowledgements need a token.
  void LogTokens(const TokenSet& tokens, bool reloaded) const;
  void InstallGate();
  bool PreRoute(const httplib::Request& req, httplib::Response& res);
  // A body-carrying method with neither Content-Length nor
  // Transfer-Encoding: answers its role problem, else 411, and returns true.
  bool RefuseMissingLength(const httplib::Request& req, httplib::Response& res);
};

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_SERVER_IMPL_H_
