// `nearmiss milter [--policy FILE] [--store URL] --listen inet:127.0.0.1:8890 |
//  unix:/run/nearmiss/milter.sock [--user USER] [--spool DIR]`
//
// Runs the daemon skeleton (daemon/single_server.h): loads the policy and
// binds as whoever started it (root, for a socket under /run), then drops
// to --user before serving a single connection; SIGHUP reloads the policy.
// With --store the engine uses the learned history, refreshed every
// history.refresh_seconds, and every decision goes to the audit log,
// through the spool while the store cannot be written. The milter has no
// /metrics: the journal's counters go to its decision log as "journal"
// lines (and stderr) whenever the store fails, recovers or records drop,
// and every minute when they moved.
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <nlohmann/json.hpp>

#include "base/log.h"
#include "cli/commands.h"
#include "cli/config_flags.h"
#include "cli/dns_flags.h"
#include "cli/postconf.h"
#include "daemon/single_server.h"
#include "dns/resolver_switch.h"
#include "journal/store_writer.h"
#include "milter/confirm_notifier.h"
#include "milter/server.h"
#include "nearmiss/engine_holder.h"
#include "store/store_acknowledgements.h"

namespace nearmiss::cli {
namespace {

struct MilterFlags {
  PolicyFlags policy;  // --policy, --store (history and audit log)
  DaemonFlags server;  // --user, --spool
  std::vector<std::string> listen;
  std::string postfix_config;  // postconf -c DIR; "" Postfix's default
  bool no_postconf = false;
  int workers = 2;
  // Text, as the configuration file's values are (config_flags.h); parsed
  // in RunMilter. The defaults are ServerOptions' (milter/server.h), so
  // `config show` prints them.
  std::string max_connections = std::to_string(milter::ServerOptions{}.max_connections);
  std::string idle_timeout = std::to_string(milter::ServerOptions{}.idle_timeout.count());
  std::string max_buffered_bytes = std::to_string(milter::ServerOptions{}.max_buffered_bytes);
  LogFlags log;
  DnsFlags dns;  // --dns, --dns-server, --dns-timeout-ms over [dns]
};

// A positive count from a flag or the configuration file; `what` names it.
Result<size_t> PositiveCount(const std::string& text, const std::string& what) {
  size_t value = 0;
  size_t used = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || value == 0 || text[0] == '-') {
    return Status::InvalidArgument(what + ": '" + text + "' is not a positive integer");
  }
  return value;
}

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

// The milter's part of the daemon skeleton: its asio server.
class MilterService final : public daemon::Service {
 public:
  // `follow_dns` runs after each successful policy reload, so the resolver
  // follows the new [dns] section.
  MilterService(std::unique_ptr<milter::Server> server, std::vector<std::string> listen,
                std::shared_ptr<EngineHolder> engines, std::string policy_file,
                std::function<Status()> follow_dns)
      : server_(std::move(server)),
        listen_(std::move(listen)),
        engines_(std::move(engines)),
        policy_file_(std::move(policy_file)),
        follow_dns_(std::move(follow_dns)) {}

  // Unix sockets are made the --user's, so Postfix reaches them through
  // the group after the drop.
  Status Bind(const daemon::RunAs* run_as) override {
    return run_as ? server_->Bind(static_cast<int>(run_as->uid), static_cast<int>(run_as->gid))
                  : server_->Bind();
  }
  std::string Where() const override {
    std::string where;
    for (const std::string& spec : listen_) where += (where.empty() ? "" : " ") + spec;
    return where;
  }
  void Run() override { server_->Run(); }
  void Stop() override { server_->Stop(); }
  // The reloader's thread (daemon/reloader.cc), never the I/O thread: a
  // changed [dns] starts its resolver here.
  Status Reload() override {
    NM_RETURN_IF_ERROR(engines_->ReloadFile(policy_file_));
    return follow_dns_();
  }

 private:
  std::unique_ptr<milter::Server> server_;
  std::vector<std::string> listen_;
  std::shared_ptr<EngineHolder> engines_;
  std::string policy_file_;
  std::function<Status()> follow_dns_;
};

int RunMilter(const MilterFlags& flags) {
  // A SIGHUP (systemctl reload, a reload storm) before the skeleton masks
  // the signals would end the daemon: SIGHUP's default action terminates.
  // Blocked from here, it waits for the signal thread and is a reload
  // (the soak caught restarted milters dying this way while postconf ran).
  sigset_t hup;
  sigemptyset(&hup);
  sigaddset(&hup, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &hup, nullptr);
  flags.log.Apply("nearmiss milter");
  milter::ServerOptions options;
  options.workers = flags.workers;
  Result<size_t> max_connections = PositiveCount(flags.max_connections, "max_connections");
  Result<size_t> idle_timeout = PositiveCount(flags.idle_timeout, "idle_timeout");
  Result<size_t> buffered = PositiveCount(flags.max_buffered_bytes, "max_buffered_bytes");
  for (const Result<size_t>* r : {&max_connections, &idle_timeout, &buffered}) {
    if (!r->ok()) return Fail(r->error().message());
  }
  options.max_connections = *max_connections;
  options.idle_timeout = std::chrono::seconds(*idle_timeout);
  options.max_buffered_bytes = *buffered;
  if (flags.listen.empty()) {
    return Fail("no listen address: give --listen, or listen in the [milter] section "
                "of the configuration file");
  }
  for (const std::string& spec : flags.listen) {
    Result<milter::ListenAddress> a = milter::ParseListenAddress(spec);
    if (!a.ok()) return Fail(a.error().message());
    options.listen.push_back(*a);
  }
  Result<daemon::SingleServerOptions> options_or = flags.server.Options("milter", flags.policy);
  if (!options_or.ok()) return Fail(options_or.error().message());
  daemon::SingleServerOptions& skeleton = *options_or;
  // Where Postfix really delivers: a policy without [delivery] names gets
  // the local Postfix's own (read once; a reload keeps them).
  if (!flags.no_postconf) {
    Result<PostconfValues> postconf = ReadPostconf(flags.postfix_config);
    if (postconf.ok()) {
      const DeliveryPolicy& d = postconf->delivery;
      log::Info("postconf: myhostname " + d.myhostname + ", " +
                std::to_string(d.mydestination.size()) + " mydestination names, " +
                "allow_percent_hack " + (d.allow_percent_hack ? "yes" : "no") +
                ", swap_bangpath " + (d.swap_bangpath ? "yes" : "no") + ", recipient_delimiter '" +
                postconf->recipient_delimiter +
                "' (for [history] recipient_delimiter when the policy sets none)");
      // The sub-addresses the history and acknowledgements fold are the
      // ones Postfix delivers to one mailbox; a policy's own value wins.
      skeleton.prepare = [v = *postconf](Policy& policy) {
        if (!policy.delivery.configured) policy.delivery = v.delivery;
        if (!policy.history.recipient_delimiter_set) {
          policy.history.recipient_delimiter = v.recipient_delimiter;
        }
      };
    } else {
      log::Warn(postconf.error().message() +
                "; without the server's own names, an address routed through it (percent "
                "hack, bang path) is judged on every domain it names");
    }
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
  // No /metrics here: the journal's counters also go to the decision log,
  // and every minute when they moved.
  skeleton.journal.report_every = std::chrono::minutes(1);
  skeleton.on_journal_report = [log](std::string_view line, const journal::JournalStats& s) {
    log(JournalLogLine(line, s));
  };
  return daemon::RunSingleServer(
      skeleton, [&](const daemon::Resources& r) -> Result<std::unique_ptr<daemon::Service>> {
        options.session.audit = r.journal;
        // confirm: the sender's notice needs the links' key, and goes only
        // to senders in [domains] organisation; otherwise a confirm hold
        // waits for an admin (the notifier logs each). A key
        // unreadable at start is an error; after a SIGHUP the notifier
        // follows the reloaded [confirm] (confirm_notifier.h).
        std::shared_ptr<EngineHolder> holder = r.engines;
        NM_ASSIGN_OR_RETURN(options.session.confirm,
                            milter::ConfirmNotifier::Create(
                                holder->Get()->policy().confirm,
                                [holder] { return holder->Get()->policy().confirm; },
                                [holder](std::string_view domain) {
                                  return InOrganisation(holder->Get()->policy().organisation,
                                                        domain);
                                }));
        {
          const Policy& p = holder->Get()->policy();
          if (!p.confirm.key_file.empty() && p.organisation.empty()) {
            log::Warn("[confirm] notices go only to senders in [domains] organisation, which "
                      "names none: every message a rule holds for its sender to confirm waits "
                      "for an administrator (docs/policy.md, [confirm])");
          }
          // Links senders' browsers cannot use (127.0.0.1, plain http).
          for (const PolicyError& w : ConfirmLinkWarnings(p)) {
            log::Warn(w.where + ": " + w.what + "; " + w.hint);
          }
        }
        // Acknowledgements live in the store: read per flagged message, so
        // one made on any node applies at once.
        // A default store missing at start is read from when it appears.
        std::shared_ptr<const AcknowledgementSource> acks;
        if (r.store) acks = std::make_shared<store::StoreAcknowledgements>(r.store.get());
        if (r.late_store) acks = std::make_shared<daemon::LateAcknowledgements>(r.late_store);
        // DNS signals: the policy's [dns] and --dns*; a reload that changes
        // [dns] starts a new resolver (dns/resolver_switch.h), and each
        // message keeps the one it started with.
        auto resolvers = std::make_shared<dns::ResolverSwitch>();
        std::shared_ptr<EngineHolder> engines = r.engines;
        auto follow_dns = [resolvers, engines, dns_flags = flags.dns]() -> Status {
          return FollowDns(*resolvers, dns_flags, engines->Get()->policy().dns);
        };
        NM_RETURN_IF_ERROR(follow_dns());
        // Each message (MAIL FROM) takes the running engine; one judged
        // with an empty history is counted (EngineHolder::CountDecision).
        milter::CheckerSource checkers = [engines, acks, resolvers] {
          std::shared_ptr<const Engine> engine = engines->Get();
          engines->CountDecision(*engine);
          return milter::MakeEngineChecker(std::move(engine), acks.get(), resolvers->Current());
        };
        return std::unique_ptr<daemon::Service>(std::make_unique<MilterService>(
            milter::Server::Create(options, checkers, log), flags.listen, r.engines,
            flags.policy.policy_file, follow_dns));
      });
}

}  // namespace

void AddMilterCommand(CLI::App& app, Run& run) {
  auto flags = std::make_shared<MilterFlags>();
  CLI::App* cmd = app.add_subcommand(
      "milter", "Serve Postfix and Sendmail as a milter (SIGHUP reloads the policy)");
  flags->policy.Register(*cmd, /*with_protect_file=*/false);
  // Not ->required(): the configuration file may give it (checked in RunMilter).
  BindConfig("milter.listen", *cmd,
             cmd->add_option("--listen", flags->listen,
                             "inet:HOST:PORT or unix:PATH; may be repeated (or listen in the "
                             "configuration's [milter] section)"),
             &flags->listen);
  flags->server.Register(*cmd);
  flags->log.Register(*cmd);
  flags->dns.Register(*cmd);
  cmd->add_option("--postfix-config", flags->postfix_config,
                  "Postfix configuration directory for postconf -c (default: Postfix's own)");
  cmd->add_flag("--no-postconf", flags->no_postconf,
                "Do not read myhostname, mydestination, allow_percent_hack and swap_bangpath "
                "from postconf when the policy has no [delivery] names");
  cmd->add_option("--workers", flags->workers, "Threads scanning message content")
      ->check(CLI::Range(1, 64));
  BindConfig("milter.max_connections", *cmd,
             cmd->add_option("--max-connections", flags->max_connections,
                             "MTA connections served at once; more are closed (Postfix then "
                             "applies milter_default_action). Default 1000, lowered to fit "
                             "the open-file limit"),
             &flags->max_connections);
  BindConfig("milter.idle_timeout", *cmd,
             cmd->add_option("--idle-timeout", flags->idle_timeout,
                             "Seconds a connection may idle between commands (default 310: "
                             "above Postfix's smtpd_timeout of 300)"),
             &flags->idle_timeout);
  BindConfig("milter.max_buffered_bytes", *cmd,
             cmd->add_option("--max-buffered-bytes", flags->max_buffered_bytes,
                             "Message bytes buffered across all connections at once; a "
                             "message past it gets 451 4.3.0 (default 536870912, 512 MiB)"),
             &flags->max_buffered_bytes);
  cmd->callback([&run, flags] { run = [flags] { return RunMilter(*flags); }; });
}

}  // namespace nearmiss::cli
