// `nearmiss learn [--store URL] SOURCE...`: who the organisation writes to,
// from Postfix logs, Sent folders and CSV exports; `--confirm DOMAIN` marks
// a domain a real correspondent even when it looks like another; `--prune`
// applies the policy's audit retention; `--show` prints the relationships
// (relationships_show.cc). Here its options; the run is learn_run.cc.
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/year_flag.h"
#include "cli/config_flags.h"
#include "cli/learn_run.h"
#include "maillog/line_counts.h"

namespace nearmiss::cli {

void AddLearnCommand(CLI::App& app, Run& run) {
  auto flags = std::make_shared<LearnFlags>();
  CLI::App* cmd = app.add_subcommand(
      "learn", "Learn who the organisation writes to (Postfix logs, Exchange and Microsoft 365 "
               "traces, Sent folders, CSV)");
  cmd->footer("Sources: Postfix logs (plain or .gz; status=sent deliveries; the forms `nearmiss "
              "audit --help` lists, and a log it cannot read is an error, exit 2), Exchange message "
              "tracking logs and Microsoft 365 message traces (delivered rows), mbox/Maildir Sent "
              "folders (a file in them that is no message is an error, exit 2, after the rest "
              "is learned), CSV exports with a header row (sender, recipient, date; a "
              "Message-ID or queue id column joins a row to the same delivery read from a "
              "mailbox or log).\nLook-alikes "
              "of more frequent or protected domains are not trusted from history alone; "
              "--confirm DOMAIN says one is real.\n"
              "The summary: lines, messages and rows read; deliveries found = new (counted now) + "
              "repeated in the sources (overlapping rotated logs, a message in two folders or "
              "named twice: counted once) + already in the store (counted by an earlier run); "
              "new relationships (sender -> recipient pairs the store did not have).\n"
              "Exit status: 0 learned (or everything was already in the store); 2 an error, "
              "or sources that hold no delivery at all while rows were skipped (received mail, "
              "a direction that cannot be told, bounces, invalid domains, no addresses), said "
              "with how many, why and the first FILE:LINE of each. A gap in the time the logs "
              "cover (audit's INCOMPLETE notice, audit's exit 2) is a warning on stderr.");
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
  cmd->add_option("--force", flags->force,
                  "With --confirm of a look-alike no one here has written to: confirm it "
                  "anyway, for this reason (recorded in audit --events)");
  cmd->add_option("--unconfirm", flags->unconfirm,
                  "Withdraw a confirmation in force (one not in force is refused, naming "
                  "those that are; nothing is written)");
  cmd->add_option("--year", flags->year,
                  "Year of the first timestamp that carries none (BSD syslog) in each log, or "
                  "in the oldest file of a rotated set (as audit's --year)")
      ->check(YearRange());
  AddLogZoneOption(*cmd, &flags->log_zone);
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
