// ApiServer: `nearmiss serve`, the pre-send API, the admin API and the
// console over one EngineHolder.
//
// Every request passes the same gate before its handler: CORS preflight,
// the per-client rate limit, the body size bound, then the route's role
// (check or admin). Errors are problem+json (problem.h). Handlers catch
// cpp-httplib's and nlohmann's exceptions at this edge.
//
// Lifecycle: Create, Bind, then Run on the calling thread until Stop (any
// thread). Thread safety: requests run on a worker pool; the engine and the
// tokens are swapped atomically on Reload.
#ifndef NEARMISS_HTTP_SERVER_H_
#define NEARMISS_HTTP_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/postfix_queue.h"
#include "nearmiss/decision_record.h"
#include "nearmiss/dns.h"
#include "nearmiss/engine_holder.h"
#include "nearmiss/status.h"
#include "nearmiss/store.h"

namespace nearmiss::journal {
class RecordSource;
class StoreWriter;
}  // namespace nearmiss::journal

namespace nearmiss::http {

struct ApiOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8025;                 // 0: any free port (see ApiServer::port)
  std::string tls_cert, tls_key;   // both set: HTTPS only
  std::string policy_path;         // "" for the embedded default
  std::string token_file;          // beside [api]'s tokens
  std::vector<std::string> cors_origins;  // beside [api].cors_origins
  size_t max_body_bytes = 1 << 20;
  double rate_per_second = 200;  // per client address; 0 turns it off
  double rate_burst = 400;
  int threads = 16;  // each keep-alive connection holds one while open
  PostfixOptions postfix;
  // Proxies (addresses or CIDR networks, serve --trusted-proxy) whose
  // `Forwarded`/`X-Forwarded-For` names the client in the records
  // (client_address.h); none: the connection's peer is the client.
  std::vector<std::string> trusted_proxies;
  std::string milter_log;  // the milter's decision log, followed if set
  // `make addins`' output (scripts/build-addins), served read-only under
  // /addins/ for download from the console: the Thunderbird .xpi and the
  // Outlook manifest with the files it points at. "" serves none; a
  // directory that is not there is an error at start.
  std::string addins_dir;
  size_t recent_capacity = 10000;
  // An admin token made for this run when none is configured and no token
  // file is named (false keeps admin endpoints shut). A token file with no
  // admin line is an administrator's mistake (a truncated file, a wrong
  // copy), not a request for an anonymous admin: no token is made then,
  // the admin API answers 401 and the log says why (the issue-14 tester,
  // round 42, finding 3).
  bool generate_admin_token = true;
  // Who the generated token's acts are recorded under: the login that
  // started serve (serve_command.cc), so a release, delete or revoke names
  // a person; "" records "generated admin token".
  std::string generated_token_owner;
  // The DNS signals of POST /v1/check ([dns] and serve's --dns* flags, as
  // `check` asks them: cli/dns_flags.h): the resolver in use, asked per
  // request (null or empty: off); and `follow_dns`, run after each policy
  // reload that succeeds, so the resolver follows a changed [dns] (an
  // error fails the reload, the running resolver kept). Either may be empty.
  std::function<std::shared_ptr<DnsSource>()> dns;
  std::function<Status()> follow_dns;
};

class ApiServer {
 public:
  // `audit`: where GET /v1/audit searches (null: the in-memory ring).
  // `sinks`: where decisions go beside the ring (a store's writer).
  // `journal`: the store writer whose counters /metrics shows (null: none);
  // it outlives the server. `store` (null: none) keeps acknowledgements,
  // the admin events and the used confirm links; without it the confirm
  // links, acknowledgements and /v1/events answer 503.
  static Result<std::unique_ptr<ApiServer>> Create(
      ApiOptions options, std::shared_ptr<EngineHolder> engines,
      journal::RecordSource* audit = nullptr, std::vector<DecisionSink*> sinks = {},
      const journal::StoreWriter* journal = nullptr, Store* store = nullptr);
  virtual ~ApiServer() = default;

  virtual Status Bind() = 0;
  virtual int port() const = 0;           // after Bind
  virtual void Run() = 0;                 // blocks until Stop
  virtual void Stop() = 0;
  virtual Status Reload() = 0;            // policy and tokens
  // Records a reload made without a token (a SIGHUP) as an admin event
  // under "SIGHUP from " `by` ("pid 4711 (systemctl), uid 0 (root)"), with
  // the generation and tokens now in force, or why it was refused.
  virtual void RecordReload(const std::string& by, const Status& result) = 0;
  virtual std::string admin_token() const = 0;  // the generated one, if any
  // The name the generated token's acts are recorded under ("" if none).
  virtual std::string admin_token_name() const = 0;
};

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_SERVER_H_
