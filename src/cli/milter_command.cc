// `nearmiss milter [--policy FILE] [--store URL] --listen inet:127.0.0.1:8890 |
//  unix:/run/nearmiss/milter.sock [--user USER] [--spool DIR]`
//
// Loads the policy and binds as whoever started it (root, for a socket
// under /run), then drops to --user before serving a single connection.
// With --store the engine uses the learned history, refreshed every
// history.refresh_seconds, and every decision goes to the audit log,
// through the spool while the store cannot be written. The milter has no
// /metrics: the journal's counters go to its decision log as "journal"
// lines (and stderr) whenever the store fails, recovers or records drop,
// and every minute when they moved.
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>

#include "base/log.h"
#include "cli/commands.h"
#include "cli/postconf.h"
#include "daemon/refresher.h"
#include "journal/store_writer.h"
#include "milter/server.h"
#include "nearmiss/engine_holder.h"
#include "nearmiss/store.h"

namespace nearmiss::cli {
namespace {

struct MilterFlags {
  PolicyFlags policy;  // --policy, --store (history and audit log)
  SpoolFlags spool;
  std::vector<std::string> listen;
  std::string user;
  std::string postfix_config;  // postconf -c DIR; "" Postfix's default
  bool no_postconf = false;
  int workers = 2;
  LogFlags log;
};

int Fail(const std::string& message) {
  log::Error(message);
  return kExitError;
}

// {"time":..., "event":"journal", "message":"...", "written":N, ...}: the
// writer's counters at a change, for whoever follows the decision log.
std::string JournalLogLine(std::string_view message, const journal::JournalStats& s) {
  nlohmann::ordered_json j;
  j["time"] = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
  j["event"] = "journal";
  j["message"] = message;
  j["written"] = s.written;
  j["spooled"] = s.spooled;
  j["flushed"] = s.flushed;
  j["dropped"] = s.dropped;
  j["torn"] = s.torn;
  j["spool_depth"] = s.depth;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

int RunMilter(const MilterFlags& flags) {
  flags.log.Apply("nearmiss milter");
  milter::ServerOptions options;
  options.workers = flags.workers;
  for (const std::string& spec : flags.listen) {
    Result<milter::ListenAddress> a = milter::ParseListenAddress(spec);
    if (!a.ok()) return Fail(a.error().message());
    options.listen.push_back(*a);
  }
  // Where Postfix really delivers: a policy without [delivery] names gets
  // the local Postfix's own (read once; a reload keeps them).
  EngineHolder::Prepare prepare;
  if (!flags.no_postconf) {
    Result<DeliveryPolicy> postconf = ReadPostconf(flags.postfix_config);
    if (postconf.ok()) {
      log::Info("postconf: myhostname " + postconf->myhostname + ", " +
                std::to_string(postconf->mydestination.size()) + " mydestination names, " +
                "allow_percent_hack " + (postconf->allow_percent_hack ? "yes" : "no") +
                ", swap_bangpath " + (postconf->swap_bangpath ? "yes" : "no"));
      prepare = [d = *postconf](Policy& policy) {
        if (!policy.delivery.configured) policy.delivery = d;
      };
    } else {
      log::Warn(postconf.error().message() +
                "; without the server's own names, an address routed through it (percent "
                "hack, bang path) is judged on every domain it names");
    }
  }
  Result<DaemonEngines> opened = OpenDaemonEngines(flags.policy, std::move(prepare));
  if (!opened.ok()) return Fail(opened.error().message());
  std::shared_ptr<Store> store = opened->store;
  std::shared_ptr<EngineHolder> engines = opened->engines;

  struct passwd* pw = nullptr;
  if (!flags.user.empty()) {
    pw = ::getpwnam(flags.user.c_str());
    if (pw == nullptr) return Fail("no such user: " + flags.user);
  }

  // Decision lines go to stdout, one JSON object each; a mutex keeps lines
  // from the I/O thread and the workers whole.
  auto log_mu = std::make_shared<std::mutex>();
  milter::LogSink log = [log_mu](std::string_view line) {
    std::lock_guard<std::mutex> lock(*log_mu);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
  };
  std::shared_ptr<journal::StoreWriter> audit;
  std::unique_ptr<daemon::Refresher> refresher;
  if (store) {
    // No /metrics here: the counters also go to the log every minute when
    // they moved.
    journal::WriterOptions writer;
    writer.report_every = std::chrono::minutes(1);
    audit = OpenJournal(
        store, flags.policy.store_url, flags.spool, "milter",
        [log](std::string_view line, const journal::JournalStats& s) {
          log::Info("journal: " + std::string(line));
          log(JournalLogLine(line, s));
        },
        /*say_fallback=*/true, writer);
    options.session.audit = audit;
    refresher = std::make_unique<daemon::Refresher>(engines, store, [](const std::string& m) {
      log::Info(m);
    });
  }
  milter::CheckerSource checkers = [engines] {
    return milter::MakeEngineChecker(engines->Get());
  };
  std::string policy_file = flags.policy.policy_file;
  auto reload = [engines, policy_file] { return engines->ReloadFile(policy_file); };
  std::unique_ptr<milter::Server> server =
      milter::Server::Create(options, checkers, log, reload);

  Status bound = pw ? server->Bind(static_cast<int>(pw->pw_uid), static_cast<int>(pw->pw_gid))
                    : server->Bind();
  if (!bound.ok()) return Fail(bound.message());
  if (pw != nullptr) {
    // Groups first: after setuid there is no right left to change them.
    if (::initgroups(pw->pw_name, pw->pw_gid) != 0 || ::setgid(pw->pw_gid) != 0 ||
        ::setuid(pw->pw_uid) != 0) {
      return Fail("cannot switch to user " + flags.user);
    }
  }
  std::string where;
  for (const std::string& spec : flags.listen) where += " " + spec;
  log::Info("listening on" + where + " (policy: " + engines->Get()->policy().source + ")");
  if (refresher) refresher->Start();
  server->Run();
  if (refresher) refresher->Stop();
  log::Info("stopped");
  return kExitClean;
}

}  // namespace

void AddMilterCommand(CLI::App& app, Run& run) {
  auto flags = std::make_shared<MilterFlags>();
  CLI::App* cmd = app.add_subcommand(
      "milter", "Serve Postfix and Sendmail as a milter (SIGHUP reloads the policy)");
  flags->policy.Register(*cmd, /*with_protect_file=*/false);
  flags->spool.Register(*cmd);
  cmd->add_option("--listen", flags->listen,
                  "inet:HOST:PORT or unix:PATH; may be repeated")
      ->required();
  cmd->add_option("--user", flags->user, "Drop to this user after binding");
  flags->log.Register(*cmd);
  cmd->add_option("--postfix-config", flags->postfix_config,
                  "Postfix configuration directory for postconf -c (default: Postfix's own)");
  cmd->add_flag("--no-postconf", flags->no_postconf,
                "Do not read myhostname, mydestination, allow_percent_hack and swap_bangpath "
                "from postconf when the policy has no [delivery] names");
  cmd->add_option("--workers", flags->workers, "Threads scanning message content")
      ->check(CLI::Range(1, 64));
  cmd->callback([&run, flags] { run = [flags] { return RunMilter(*flags); }; });
}

}  // namespace nearmiss::cli
