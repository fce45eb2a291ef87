// `nearmiss serve [--policy FILE] --listen 127.0.0.1:8025`: the pre-send API
// for mail-client add-ins, the admin API and the console (docs/api.md).
//
// SIGHUP reloads the policy and tokens; SIGTERM and SIGINT stop. Signals
// are taken by one thread with sigwait, so no handler runs on a request
// thread.
#include <signal.h>

#include <cstdio>
#include <thread>

#include "base/log.h"
#include "cli/commands.h"
#include "daemon/refresher.h"
#include "http/server.h"
#include "journal/recent_records.h"
#include "journal/store_writer.h"
#include "nearmiss/engine_holder.h"
#include "nearmiss/store.h"

namespace nearmiss::cli {
namespace {

struct ServeFlags {
  PolicyFlags policy;  // --policy; --store: history and audit log ("" keeps
                       // decisions in memory only)
  SpoolFlags spool;
  std::string listen = "127.0.0.1:8025";
  http::ApiOptions api;
  LogFlags log;
};

int Fail(const std::string& message) {
  log::Error(message);
  return kExitError;
}

// "127.0.0.1:8025", "[::1]:8025", "localhost:0".
bool SplitListen(const std::string& spec, std::string* host, int* port) {
  size_t colon = spec.rfind(':');
  if (colon == std::string::npos || colon + 1 == spec.size()) return false;
  *host = spec.substr(0, colon);
  if (host->size() >= 2 && host->front() == '[' && host->back() == ']') {
    *host = host->substr(1, host->size() - 2);
  }
  char* end = nullptr;
  long p = std::strtol(spec.c_str() + colon + 1, &end, 10);
  if (*end != '\0' || p < 0 || p > 65535 || host->empty()) return false;
  *port = static_cast<int>(p);
  return true;
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

int RunServe(ServeFlags& flags) {
  flags.log.Apply("nearmiss serve");
  http::ApiOptions& api = flags.api;
  if (!SplitListen(flags.listen, &api.host, &api.port)) {
    return Fail("--listen wants HOST:PORT, such as 127.0.0.1:8025");
  }
  api.policy_path = flags.policy.policy_file;
  // Block the signals before any thread starts so every thread inherits it.
  sigset_t signals;
  sigemptyset(&signals);
  for (int s : {SIGHUP, SIGTERM, SIGINT}) sigaddset(&signals, s);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // With a store, the engine uses its learned history (refreshed every
  // history.refresh_seconds), decisions are written to its audit log and
  // GET /v1/audit searches it (the milter's decisions too, when it shares
  // the store).
  Result<DaemonEngines> opened = OpenDaemonEngines(flags.policy);
  if (!opened.ok()) return Fail(opened.error().message());
  std::shared_ptr<Store> store = opened->store;
  std::shared_ptr<EngineHolder> engines = opened->engines;
  api.postfix.tag_header = engines->Get()->policy().defaults.tag_header;

  std::unique_ptr<journal::StoreRecords> store_audit;
  std::unique_ptr<journal::StoreWriter> writer;
  std::unique_ptr<daemon::Refresher> refresher;
  if (store) {
    store_audit = std::make_unique<journal::StoreRecords>(store.get());
    writer = OpenJournal(store, flags.policy.store_url, flags.spool, "serve",
                         [](std::string_view line, const journal::JournalStats&) {
                           log::Info("journal: " + std::string(line));
                         });
    refresher = std::make_unique<daemon::Refresher>(engines, store, [](const std::string& m) {
      log::Info(m);
    });
  }
  std::vector<DecisionSink*> sinks;
  if (writer) sinks.push_back(writer.get());
  Result<std::unique_ptr<http::ApiServer>> server =
      http::ApiServer::Create(api, engines, store_audit.get(), sinks, writer.get());
  if (!server.ok()) return Fail(server.error().message());
  http::ApiServer& s = **server;
  if (Status b = s.Bind(); !b.ok()) return Fail(b.message());

  bool tls = !api.tls_cert.empty();
  std::string url = std::string(tls ? "https" : "http") + "://" +
                    (api.host.find(':') != std::string::npos ? "[" + api.host + "]" : api.host) +
                    ":" + std::to_string(s.port());
  log::Info("listening on " + url + " (policy: " + engines->Get()->policy().source + ")");
  if (!IsLoopback(api.host) && !tls) {
    log::Warn(api.host + " is reachable from the network without TLS; tokens travel in clear "
              "(--tls-cert, --tls-key)");
  }
  if (!s.admin_token().empty()) {
    log::Info("no admin token configured; this run's admin token: " + s.admin_token());
  }

  std::thread signal_thread([&s, &signals] {
    for (;;) {
      int sig = 0;
      if (sigwait(&signals, &sig) != 0) continue;
      if (sig == SIGHUP) {
        Status r = s.Reload();
        if (r.ok()) {
          log::Info("reload: ok");
        } else {
          log::Warn("reload: " + r.message());
        }
        continue;
      }
      s.Stop();
      return;
    }
  });
  if (refresher) refresher->Start();
  s.Run();
  if (refresher) refresher->Stop();
  // Run can return on its own (a listen failure): wake the signal thread.
  pthread_kill(signal_thread.native_handle(), SIGTERM);
  signal_thread.join();
  log::Info("stopped");
  return kExitClean;
}

}  // namespace

void AddServeCommand(CLI::App& app, Run& run) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the pre-send API, the admin API and the console (SIGHUP reloads)");
  cmd->footer("Endpoints, tokens and the console: docs/api.md. With --store, GET /v1/audit "
              "searches the store's audit log; without, recent decisions kept in memory.");
  flags->policy.Register(*cmd, /*with_protect_file=*/false);
  flags->spool.Register(*cmd);
  cmd->add_option("--listen", flags->listen, "HOST:PORT (default 127.0.0.1:8025, loopback)");
  flags->log.Register(*cmd);
  http::ApiOptions& a = flags->api;
  cmd->add_option("--token-file", a.token_file, "Tokens, one 'check|admin TOKEN' per line")
      ->check(CLI::ExistingFile);
  cmd->add_option("--tls-cert", a.tls_cert, "PEM certificate chain: serve HTTPS")
      ->check(CLI::ExistingFile);
  cmd->add_option("--tls-key", a.tls_key, "PEM private key for --tls-cert")
      ->check(CLI::ExistingFile);
  cmd->add_option("--cors-origin", a.cors_origins,
                  "A web origin allowed to call the API (add-ins); may be repeated");
  cmd->add_option("--max-body", a.max_body_bytes, "Largest request body, bytes (default 1 MiB)")
      ->check(CLI::Range(size_t{1024}, size_t{64} << 20));
  cmd->add_option("--rate", a.rate_per_second,
                  "Requests per second per client address (default 200; 0: no limit)");
  cmd->add_option("--burst", a.rate_burst, "Burst above --rate (default 400)");
  cmd->add_option("--threads", a.threads, "Request threads; one per open connection (default 16)")
      ->check(CLI::Range(2, 1024));
  cmd->add_option("--postfix-config", a.postfix.config_dir,
                  "Postfix configuration directory for the hold queue (default: Postfix's)");
  cmd->add_option("--postfix-bin", a.postfix.command_dir,
                  "Where postqueue, postsuper and postcat live (default /usr/sbin)");
  cmd->add_option("--milter-log", a.milter_log,
                  "The milter's decision log to follow for the dashboard and /metrics");
  cmd->callback([&run, flags] { run = [flags] { return RunServe(*flags); }; });
}

}  // namespace nearmiss::cli
