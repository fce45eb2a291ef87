// `nearmiss learn [--store URL] SOURCE...`: who the organisation writes to,
// from Postfix logs, Sent folders and CSV exports; `--confirm DOMAIN` marks
// a domain a real correspondent even when it looks like another; `--prune`
// applies the policy's audit retention; `--show` prints the relationships
// (relationships_show.cc).
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "base/ascii.h"
#include "base/log.h"
#include "base/text_format.h"
#include "cli/commands.h"
#include "cli/store_missing.h"
#include "cli/progress.h"
#include "cli/config_flags.h"
#include "history/learn.h"
#include "history/sent_folders.h"
#include "daemon/refresher.h"
#include "engine/malformed_domain.h"
#include "maillog/log_files.h"
#include "maillog/set_order.h"
#include "maillog/read_log.h"
#include "maillog/trace_log.h"
#include "nearmiss/address.h"
#include "nearmiss/store.h"

namespace nearmiss::cli {
namespace {

struct LearnFlags {
  PolicyFlags policy;
  std::string store;  // "": the default location (ChooseStore)
  StorePasswordFlags store_password;
  std::vector<std::string> confirm, unconfirm;
  int year = 0;
  maillog::DateOrder date_order = maillog::DateOrder::kUnstated;
  int min_recognised = maillog::kDefaultMinRecognisedPercent;
  bool prune = false;
  bool show = false;
  std::string show_sender;
  size_t show_limit = 50;
  std::vector<std::string> sent_folders = history::DefaultSentFolderNames();
  std::vector<std::string> sources;
};

int Fail(const Status& s) {
  log::Error(s.message());
  return kExitError;
}

// Deletes audit records past history.audit_retention_days, as the daemons
// do on each refresh, for stores no daemon looks after (cron).
int Prune(const LearnFlags& flags, Store& store) {
  Result<Policy> policy = flags.policy.policy_file.empty()
                              ? DefaultPolicy()
                              : LoadPolicyFile(flags.policy.policy_file);
  if (!policy.ok()) return Fail(policy.error());
  int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  Result<int64_t> deleted = daemon::PruneAudit(store, policy->history, now_ms);
  if (!deleted.ok()) return Fail(deleted.error());
  Result<AuditCounts> kept = store.CountAudit({});
  if (!kept.ok()) return Fail(kept.error());
  int64_t days = policy->history.audit_retention_days;
  if (days == 0) {
    std::printf("audit log: kept forever (history.audit_retention_days = 0); %lld records\n",
                static_cast<long long>(kept->total));
  } else {
    std::printf("audit log: deleted %lld records older than %lld days; %lld kept\n",
                static_cast<long long>(*deleted), static_cast<long long>(days),
                static_cast<long long>(kept->total));
  }
  return kExitClean;
}

// What the run read and what became of every delivery in it, in figures
// that add up: found = new + repeated in the sources + already in the store.
// What the logs' readers skipped as nothing to learn, summed over files,
// each with the first one's place.
struct LogSkips {
  uint64_t domains = 0, inbound = 0, direction_unknown = 0, bounces = 0;
  std::string first_domain, first_inbound, first_direction_unknown, first_bounce;
  void Add(const maillog::LineCounts& c) {
    auto at = [&c](uint64_t line) { return c.file + ":" + std::to_string(line); };
    if (c.skipped_domains != 0 && domains == 0) {
      first_domain = at(c.first_skipped_domain_line) + ": '" + c.first_skipped_domain + "'";
    }
    if (c.inbound_rows != 0 && inbound == 0) first_inbound = at(c.first_inbound_row_line);
    if (c.direction_unknown_rows != 0 && direction_unknown == 0) {
      first_direction_unknown = at(c.first_direction_unknown_line);
    }
    if (c.bounces != 0 && bounces == 0) first_bounce = at(c.first_bounce_line);
    domains += c.skipped_domains;
    bounces += c.bounces;
    inbound += c.inbound_rows;
    direction_unknown += c.direction_unknown_rows;
  }
};

void PrintSummary(const history::Learner& learner, uint64_t log_lines, size_t logs,
                  const LogSkips& skips) {
  const history::Learner::DeliveryCounts c = learner.delivery_counts();
  // Counts a person reads, grouped: "900,000 log lines".
  auto n = [](uint64_t v) { return Thousands(static_cast<int64_t>(v)); };
  std::printf("read: %s in %s, %s, %s\n", Counted(log_lines, "log line").c_str(),
              Counted(logs, "file").c_str(),
              Counted(learner.mailbox_counts().messages, "Sent folder message").c_str(),
              Counted(c.csv_rows, "CSV row").c_str());
  std::printf("deliveries: %s found = %s new + %s repeated in the sources + %s already "
              "in the store\n",
              n(c.found).c_str(), n(c.counted).c_str(), n(c.repeated).c_str(),
              n(c.known).c_str());
  std::printf("new relationships: %s sender -> recipient pairs the store did not have\n",
              n(c.new_relationships).c_str());
  if (c.not_addresses > 0) {
    std::printf("left out %s recipients that are not addresses (first: %s)\n",
                n(c.not_addresses).c_str(), c.first_not_address.c_str());
  }
  if (uint64_t all = skips.domains + c.skipped_domains; all > 0) {
    std::printf("skipped %s whose domain is invalid (a bad xn-- label, a leading or trailing "
                "hyphen, a public suffix itself): not learned; first at %s\n",
                Counted(all, "recipient").c_str(),
                (skips.domains > 0 ? skips.first_domain : c.first_skipped_domain).c_str());
  }
  if (skips.inbound > 0) {
    std::printf("skipped %s of mail the organisation received (learning is about who it writes "
                "to); first at %s\n",
                Counted(skips.inbound, "trace row").c_str(), skips.first_inbound.c_str());
  }
  if (skips.bounces > 0) {
    std::printf("skipped %s of bounces (the null sender <>, RFC 5321 4.5.5: a notice the mail "
                "system wrote, not correspondence a sender chose): not learned; first at %s\n",
                Counted(skips.bounces, "delivery line").c_str(), skips.first_bounce.c_str());
  }
  if (skips.direction_unknown > 0) {
    std::printf("skipped %s whose direction cannot be told (no direction column, and the policy "
                "names no organisation domains: [domains] organisation); first at %s\n",
                Counted(skips.direction_unknown, "trace row").c_str(),
                skips.first_direction_unknown.c_str());
  }
  if (c.outcome_unknown > 0) {
    std::printf("left out %s recipients whose outcome is unknown: sent on to another server "
                "(an Exchange server's next hop, a Postfix content filter or instance) whose "
                "log was not given\n",
                n(c.outcome_unknown).c_str());
  }
}

int RunLearn(const LearnFlags& flags) {
  Result<PasswordSource> password = flags.store_password.Resolve();
  if (!password.ok()) return Fail(password.error());
  StoreChoice choice = ChooseStore(flags.store, /*create=*/true);
  if (choice.url.empty()) return Fail(Status::InvalidArgument("learn needs a store, not --store none"));
  // learn may create a configured store, and says so: a mistyped path is
  // then seen at once, not at the next check (issue 14 breaker, item 7).
  const bool missing = !MissingSqliteStore(choice.url).empty();
  Result<std::unique_ptr<Store>> store = Store::Open(choice.url, password->password);
  if (!store.ok()) {
    return Fail(Status::IoError("store " + StoreDisplayName(choice.url) + " (" + choice.origin +
                                "): " + store.error().message()));
  }
  if (missing && choice.configured) {
    std::printf("store: %s did not exist; created it (new and empty)\n",
                StoreDisplayName(choice.url).c_str());
  }
  // Said first when no one named it, so whoever runs `check` next knows
  // where the history went.
  if (!choice.configured) {
    std::printf("store: %s (%s)\n", StoreDisplayName(choice.url).c_str(),
                choice.origin.c_str());
  }
  if (flags.show && flags.sources.empty() && flags.confirm.empty() && flags.unconfirm.empty() &&
      !flags.prune) {
    return ShowRelationships(**store, flags.show_sender, flags.show_limit);
  }
  if (flags.prune) {
    if (int rc = Prune(flags, **store); rc != kExitClean) return rc;
    if (flags.sources.empty() && flags.confirm.empty() && flags.unconfirm.empty()) {
      return kExitClean;
    }
  }
  // The store keys domains by A-label (the engine trusts nothing else), so
  // "--confirm Bücher.DE." confirms the row learn counts mail to.
  for (const auto& [list, confirmed] :
       {std::pair{&flags.confirm, true}, std::pair{&flags.unconfirm, false}}) {
    for (const std::string& given : *list) {
      Result<Domain> d = ParseDomain(given);
      if (!d.ok()) {
        return Fail(Status::InvalidArgument(std::string(confirmed ? "--confirm" : "--unconfirm") +
                                            " " + log::Untrusted(given, 100) + ": " +
                                            d.error().message()));
      }
      Status s = (*store)->ConfirmDomain(d->ascii, confirmed);
      if (!s.ok()) return Fail(s);
      std::printf("%s %s\n", confirmed ? "confirmed" : "unconfirmed", d->ascii.c_str());
    }
  }
  history::Learner learner(store->get());
  // The policy's engine judges recipient domains as audit does (nothing
  // malformed is learned) and names the organisation's own domains (rows
  // of mail it received are not learned).
  std::shared_ptr<const Engine> engine;
  if (!flags.sources.empty()) {
    engine = LoadEngine(flags.policy, nullptr);
    if (!engine) return kExitError;
    auto judge = std::make_shared<DomainJudge>(DomainJudge::ForEngine(engine));
    maillog::DomainCheck own_domain;
    if (!engine->policy().organisation.empty()) {
      own_domain = [engine](std::string_view domain) {
        return InOrganisation(engine->policy().organisation, domain);
      };
    }
    learner.SetDomainChecks([judge](std::string_view d) { return judge->Judgeable(d); },
                            std::move(own_domain));
  }
  std::vector<std::string> logs, mailboxes;
  for (const std::string& src : flags.sources) {
    // A Microsoft 365 trace is a .csv too: its header tells it from a
    // plain sender,recipient,date export.
    if (src.ends_with(".csv") && !maillog::LooksLikeTrace(maillog::FirstLine(src))) {
      Status s = learner.AddCsv(src, flags.date_order);
      if (!s.ok()) return Fail(s);
    } else {
      (maillog::LooksLikeMailbox(src) ? mailboxes : logs).push_back(src);
    }
  }
  // Log deliveries are kept to join Sent folder copies only when there
  // are Sent folders to read: logs alone are learned in constant memory.
  learner.set_join_mailboxes(!mailboxes.empty());
  uint64_t log_lines = 0;
  maillog::ReadLogOptions read;
  read.year = flags.year;
  read.date_order = flags.date_order;
  read.min_recognised_percent = flags.min_recognised;
  // Delivery lines not understood: learned without, then an error (exit
  // 2) as audit's, so a script does not take a partial history for whole.
  uint64_t not_understood = 0;
  std::string first_not_understood;
  LogSkips skips;
  // Postfix sets oldest first, traces in natural order (log_files.h).
  const std::vector<std::string> rotated = maillog::OrderLogs(logs);
  // The bar audit draws (on a terminal only): bytes of the logs, both
  // passes of one read twice for its year, the year's pass (PlanYears)
  // included, as audit's (investigate::Auditor::PlanYears).
  ByteProgress progress("learn");
  progress.SetLogs(rotated, flags.year);
  // After the bar, the store's writes (most of a long import's end): their
  // own step, so the terminal does not sit silent.
  learner.set_on_write([&progress](uint64_t deliveries) { progress.Writing(deliveries); });
  learner.set_write_progress([&progress](const WriteProgress& p) { progress.Written(p); });
  uint64_t bytes_before = 0;
  // A rotated set is dated as a whole, before any of it is read (with
  // --year, from it: year_plan.h).
  uint64_t scanned = 0;  // the bytes of the file being scanned for its year
  const maillog::YearPlan years = maillog::PlanYears(
      rotated,
      [&](uint64_t bytes) {
        scanned = bytes;
        progress.Update(bytes_before + bytes, 0);
      },
      [&](const std::string&) {
        bytes_before += scanned;
        scanned = 0;
      },
      flags.year);
  bytes_before += scanned;
  progress.EndYearPass();
  // The logs of separate writers (instances, hosts) in time order, as
  // audit reads them (set_order.h).
  const std::vector<std::string> ordered = maillog::OrderSetsByTime(rotated, flags.year, years);
  read.years = &years;
  for (const std::string& log : ordered) {
    maillog::LineCounts counts;
    uint64_t file_bytes = 0;
    read.on_bytes = [&](uint64_t bytes) {
      file_bytes = bytes;
      progress.Update(bytes_before + bytes, learner.log_lines());
    };
    Status s = learner.AddPostfixLog(log, read, &counts);
    bytes_before += file_bytes;
    progress.Clear();
    if (!s.ok()) return Fail(s);
    std::printf("read %s\n", maillog::Describe(counts).c_str());
    log_lines += counts.lines;
    if (counts.not_understood != 0 && not_understood == 0) {
      first_not_understood = counts.file + ":" + std::to_string(counts.first_not_understood_line);
    }
    not_understood += counts.not_understood;
    skips.Add(counts);
  }
  Status finished = learner.FinishLogs();
  progress.Clear();
  if (!finished.ok()) return Fail(finished);
  // A hand-off counts in the file of its "queued as" line; one whose next
  // hop was only found in a later file is said now (issue-16 tester, item 10).
  const std::vector<int64_t> late = learner.late_hand_offs();
  for (size_t f = 0; f < late.size() && f < ordered.size(); ++f) {
    if (late[f] > 0) {
      std::printf("read %s: also %s followed to the next queue id in a later file\n",
                  ordered[f].c_str(), Counted(static_cast<uint64_t>(late[f]), "hand-off").c_str());
    }
  }
  if (!mailboxes.empty()) {
    // Sent mail only: a Maildir root's INBOX is what others sent us.
    Result<history::SentSelection> sent = history::SelectSentFolders(mailboxes,
                                                                     flags.sent_folders);
    if (!sent.ok()) return Fail(sent.error());
    for (const std::string& skipped : sent->skipped) {
      std::printf("%s\n", history::SkippedFolderLine(skipped).c_str());
    }
    for (const std::string& warning : sent->warnings) log::Warn(warning);
    mailboxes = std::move(sent->read);
  }
  if (!mailboxes.empty()) {
    // The policy's scanner only: the history is being written, not read.
    Status s = learner.AddMailboxes(
        mailboxes, engine->shared_scanner(), [&progress, &learner](const content::ReadStep& step) {
          progress.Step(step, learner.mailbox_counts().messages);
        });
    progress.Clear();
    if (!s.ok()) return Fail(s);
    const history::Learner::MailboxCounts& m = learner.mailbox_counts();
    auto n = [](uint64_t v) { return Thousands(static_cast<int64_t>(v)); };
    std::printf("read %s messages from Sent folders", n(m.messages).c_str());
    if (m.dated_by_delivery > 0) {
      std::printf("; %s without a readable Date: dated by delivery",
                  n(m.dated_by_delivery).c_str());
    }
    if (m.dated_now > 0) {
      std::printf("; %s with no date at all dated now", n(m.dated_now).c_str());
    }
    if (m.date_set_aside > 0) {
      // A sender whose clock is wrong is worth a look: the first is named.
      std::printf("; %s with a Date: after their delivery or in the future, before 1990, "
                  "or more than a year before their delivery, dated by delivery instead "
                  "(first: %s)",
                  n(m.date_set_aside).c_str(),
                  m.first_date_set_aside.c_str());
    }
    if (m.joined_to_log > 0) {
      std::printf("; %s recipients joined to log rows without a Message-ID (same sender and "
                  "recipient within %lld s)",
                  n(m.joined_to_log).c_str(),
                  static_cast<long long>(history::Learner::kLogJoinSeconds));
    }
    if (m.not_delivered > 0) {
      std::printf("; %s recipients not learned: a log or trace read says the message was "
                  "not delivered to them (bounced, expired or discarded; first: %s)",
                  n(m.not_delivered).c_str(), m.first_not_delivered.c_str());
    }
    if (m.without_message_id > 0) {
      std::printf("; %s without a Message-ID (known again by sender, date and subject)",
                  n(m.without_message_id).c_str());
    }
    if (std::string note = m.unspaced.Note(); !note.empty()) std::printf("; %s", note.c_str());
    if (m.not_read > 0) {
      // A file that is no message is not learned from, and said so.
      std::printf("; %s files not read (first: %s)", n(m.not_read).c_str(),
                  m.first_not_read.c_str());
    }
    std::printf("\n");
  }
  Status s = learner.Flush();
  progress.Clear();
  if (!s.ok()) return Fail(s);
  Result<std::vector<DomainStats>> domains = (*store)->Domains(0);
  if (!domains.ok()) return Fail(domains.error());
  if (!flags.sources.empty()) PrintSummary(learner, log_lines, logs.size(), skips);
  std::printf("the store (%s) knows %s\n", std::string((*store)->backend()).c_str(),
              Counted(static_cast<int64_t>(domains->size()), "domain").c_str());
  if (!flags.sources.empty()) {
    Result<HistorySnapshot> snap = (*store)->Snapshot(false);
    if (!snap.ok()) return Fail(snap.error());
    Result<std::shared_ptr<const Engine>> with = Engine::Compile(engine->policy(), &*snap);
    if (!with.ok()) return Fail(with.error());
    for (const LeftOutDomain& l : (*with)->learned_left_out()) {
      std::printf("left out %s (%s messages): looks like %s; if it is a real correspondent: "
                  "nearmiss learn --confirm %s\n",
                  l.domain.c_str(), Thousands(l.messages).c_str(), l.resembles.c_str(),
                  l.domain.c_str());
    }
    std::printf("trusted from history: %s\n",
                Counted(static_cast<int64_t>((*with)->stats().learned_entries), "domain").c_str());
  }
  if (flags.show) {
    if (int rc = ShowRelationships(**store, flags.show_sender, flags.show_limit); rc != kExitClean) {
      return rc;
    }
  }
  if (not_understood != 0) {
    log::Error("learn: " + Counted(not_understood, "delivery line") +
               " not understood (first at " + first_not_understood +
               "); their deliveries were not learned, so the history is incomplete");
    return kExitError;
  }
  return kExitClean;
}

}  // namespace

void AddLearnCommand(CLI::App& app, Run& run) {
  auto flags = std::make_shared<LearnFlags>();
  CLI::App* cmd = app.add_subcommand(
      "learn", "Learn who the organisation writes to (Postfix logs, Exchange and Microsoft 365 "
               "traces, Sent folders, CSV)");
  cmd->footer("Sources: Postfix logs (plain or .gz; status=sent deliveries; the forms `nearmiss "
              "audit --help` lists, and a log it cannot read is an error, exit 2), Exchange message "
              "tracking logs and Microsoft 365 message traces (delivered rows), mbox/Maildir Sent "
              "folders, CSV exports with a header row (sender, recipient, date).\nLook-alikes "
              "of more frequent or protected domains are not trusted from history alone; "
              "--confirm DOMAIN says one is real.\n"
              "The summary: lines, messages and rows read; deliveries found = new (counted now) + "
              "repeated in the sources (overlapping rotated logs, a message in two folders or "
              "named twice: counted once) + already in the store (counted by an earlier run); "
              "new relationships (sender -> recipient pairs the store did not have).");
  // Its own --store below: learning always has a store, by default the
  // state directory's.
  flags->policy.Register(*cmd, /*with_protect_file=*/false, /*with_store=*/false);
  CLI::Option* store = cmd->add_option(
      "--store", flags->store,
      "The store to write: " + StoreFormsHelp() + "; default: " + DefaultStoreRuleHelp() +
          ", which check, scan, audit, milter and serve read too");
  BindConfig("store", *cmd, store, &flags->store);
  flags->store_password.Register(*cmd, store);
  cmd->add_option("--confirm", flags->confirm, "Mark a domain a confirmed correspondent");
  cmd->add_option("--unconfirm", flags->unconfirm, "Withdraw a confirmation");
  cmd->add_option("--year", flags->year,
                  "Year of the first timestamp that carries none (BSD syslog) in each log, or "
                  "in the oldest file of a rotated set (as audit's --year)");
  AddDateOrderOption(*cmd, &flags->date_order);
  cmd->add_option("--min-recognised", flags->min_recognised,
                  "Percent of a log's non-empty lines that must be in a known form, or the log "
                  "is an error (default " +
                      std::to_string(maillog::kDefaultMinRecognisedPercent) + ")")
      ->check(CLI::Range(0, 100));
  cmd->add_flag("--prune", flags->prune,
                "Delete audit records older than the policy's history.audit_retention_days "
                "(default 365; the milter and serve do it on their own)");
  cmd->add_flag("--show", flags->show,
                "Print the relationships the store holds: organisation-wide figures, each "
                "recipient address, and sender -> recipient counts with first and last seen");
  cmd->add_option("--sender", flags->show_sender, "With --show: only this sender's relationships");
  cmd->add_option("--limit", flags->show_limit,
                  "With --show: at most this many rows per table (default 50; 0: all)");
  cmd->add_option("--sent-folder", flags->sent_folders,
                  "Of a Maildir root, the folder read as sent mail (repeat for several; "
                  "default: Sent, Sent Items, Sent Messages); its INBOX and other folders are "
                  "skipped, and said")
      ->allow_extra_args(false);  // one folder per flag: sources follow
  cmd->add_option("sources", flags->sources, "Logs, Sent folders, CSV files");
  cmd->callback([&run, flags] { run = [flags] { return RunLearn(*flags); }; });
}

}  // namespace nearmiss::cli
