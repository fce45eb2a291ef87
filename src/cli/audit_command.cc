// `nearmiss audit [--policy FILE] [--since DATE] [--until DATE] [--json | --csv]
//  [--html FILE] [--pdf FILE] [--marking TEXT] [--summary-json FILE]
//  [--min-recognised PERCENT]
//  LOG_OR_MAILBOX...`: what already went to look-alike and
// blocked domains, from Postfix logs, Exchange message tracking logs,
// Microsoft 365 message traces and mailboxes. Here its options; the run is
// audit_run.cc.
#include <memory>
#include <string>

#include "cli/audit_run.h"
#include "cli/commands.h"
#include "cli/year_flag.h"
#include "cli/config_flags.h"
#include "maillog/line_counts.h"

namespace nearmiss::cli {

void AddAuditCommand(CLI::App& app, Run& run) {
  auto flags = std::make_shared<AuditFlags>();
  CLI::App* cmd = app.add_subcommand(
      "audit", "Find mail that already went to look-alike or blocked domains (Postfix logs, "
               "Exchange and Microsoft 365 traces, mailboxes)");
  cmd->footer(
      "Inputs: Postfix logs (plain or .gz, rotated sets in any order) as syslog (RFC 3164 with "
      "or without <PRI>, RFC 5424), rsyslog RSYSLOG_FileFormat, Postfix maillog_file or "
      "journalctl -o short, short-precise, short-iso, short-iso-precise, short-full, "
      "short-unix, and as Kubernetes keeps a container's lines (kubectl logs --timestamps, "
      "--prefix; a runtime's CRI log file); Exchange Server message tracking logs (MSGTRK*.LOG) and Microsoft 365 message "
      "trace CSV exports (admin center, Get-MessageTraceV2, historical search), told by their "
      "header; and mailboxes (mbox, Maildir, .eml).\nA log whose non-empty lines are "
      "under --min-recognised percent in those forms (or of which none is) is an error; an "
      "empty log is a warning, and a run whose every log is empty an error.\nExit "
      "status: 0 nothing found; 1 deliveries found; 2 errors, including a log it cannot "
      "read and a delivery line it cannot understand, and any report that says INCOMPLETE, "
      "deliveries found or not (the report then says what it left out).");
  flags->policy.Register(*cmd, /*with_protect_file=*/true, /*with_store=*/false);
  cmd->add_option("--since", flags->since,
                  "Only deliveries on or after this date (YYYY-MM-DD, a UTC day: a time "
                  "without a zone is read in --log-zone first); the report says the window "
                  "and how many log lines fell before it. With --events, an "
                  "RFC 3339 time too (2026-12-05T00:20:00Z)");
  cmd->add_option("--until", flags->until,
                  "Only deliveries on or before this date (YYYY-MM-DD, the whole UTC day); "
                  "the report says the window and how many log lines fell after it. With "
                  "--events, an RFC 3339 time too (events before it)");
  cmd->add_option("--smart-host", flags->smart_hosts,
                  "A smart host outside the organisation that mail leaves through (Postfix's "
                  "relayhost, an Exchange Send connector's smart host, a Microsoft 365 outbound "
                  "connector's; e.g. a hosted filtering or relay service; repeat for several), "
                  "in every log format: a next hop that is HOST or a host under it, the address "
                  "HOST, or a Send connector named HOST is not the recipient's server, so its "
                  "250 is outcome unknown, not delivered, unless a trace of it is given. HOST "
                  "as Postfix's relayhost writes it ([host]:port, host:port, "
                  "smtp:[host]:587); anything else is an error. Known "
                  "relay services and gateways need no flag (data/lists/outbound-relays.txt)")
      ->allow_extra_args(false);
  cmd->add_option("--final-relay", flags->final_relays,
                  "A relay of the organisation that is a final delivery (a mail store reached "
                  "over SMTP), as HOST, HOST:PORT or [HOST]:PORT (Postfix's relayhost forms), HOST "
                  "its name or address (repeat for "
                  "several); or a pipe(8) transport's name as master.cf gives it (relay=NAME), "
                  "whose sent is then a delivery into a mailbox on this host. Without it, Postfix's smtp client's 250 from a loopback, private "
                  "or link-local address is a hand-off whose outcome is in that server's log "
                  "(outcome unknown when not given), never a delivery")
      ->allow_extra_args(false);
  auto* json = cmd->add_flag("--json", flags->json,
                             "One JSON object per delivery attempt to a flagged domain");
  auto* csv = cmd->add_flag("--csv", flags->csv, "The same rows as CSV");
  json->excludes(csv);
  cmd->add_option("--html", flags->html, "Write the report as one self-contained HTML file");
  cmd->add_option("--pdf", flags->pdf,
                  "Write the HTML report as PDF too, printed by headless Chromium");
  cmd->add_option("--paper", flags->paper,
                  "The printed page of the HTML report and the PDF: A4 or letter (US "
                  "Letter); default: Chromium's own (Letter)")
      ->check(CLI::IsMember({"A4", "letter"}, CLI::ignore_case));
  cmd->add_option("--chromium", flags->chromium,
                  "The Chromium to print the PDF with (default: chromium in PATH)");
  cmd->add_option("--marking", flags->marking,
                  "The HTML report's own protective marking, shown in its banner (e.g. "
                  "\"OFFICIAL-SENSITIVE\"); default: the highest level among the flagged mailbox "
                  "messages, or none. A marking below that level is refused (exit 2) unless "
                  "--marking-below-data is given");
  cmd->add_flag("--marking-below-data", flags->marking_below_data,
                "Write the report with a --marking below the flagged messages' level, with a "
                "warning on stderr and under its banner");
  cmd->add_option("--summary-json", flags->summary_json,
                  "Write the summary as JSON: lines read, recognised and from Postfix per log "
                  "file, and the flagged deliveries");
  cmd->add_option("--year", flags->year,
                  "Year of the first timestamp that carries none (BSD syslog) in each log, "
                  "or in the oldest file of a rotated set, whose later files follow it as "
                  "without --year (New Year, overlaps); default: the latest that puts no line "
                  "after its file's modification time or dateext name date; docs/mail-logs.md")
      ->check(YearRange());
  AddLogZoneOption(*cmd, &flags->log_zone);
  AddDateOrderOption(*cmd, &flags->date_order);
  cmd->add_option("--min-recognised", flags->min_recognised,
                  "Percent of a log's non-empty lines that must be in a known form, or the log "
                  "is an error (default " +
                      std::to_string(maillog::kDefaultMinRecognisedPercent) + ")")
      ->check(CLI::Range(0, 100));
  // The value is optional, so `--events --json` is the default store in
  // JSON, never a store named "--json".
  CLI::Option* events =
      cmd->add_option("--events", flags->events_store,
                      "Instead of logs: list the administrative events of an existing store "
                      "(who released, deleted, acknowledged or revoked what, and when) and its "
                      "acknowledgements (STORE is a --store URL; left out, the default store "
                      "that learn, check and serve use; --json for one JSON object per line)")
          ->expected(0, 1);
  // Bound to the configuration file's `store` like every command's --store
  // (the issue-14 tester: --events ignored `store = ...` and read the default).
  CLI::Option* store = cmd->add_option("--store", flags->store,
                                       "The store --events lists when no STORE follows it "
                                       "(default: the configuration file's store, else the "
                                       "default store)");
  BindConfig("store", *cmd, store, &flags->store);
  cmd->add_option("--sent-folder", flags->sent_folders,
                  "Of a Maildir root, the folder read as sent mail (repeat for several; "
                  "default: Sent, Sent Items, Sent Messages); its INBOX and other folders are "
                  "not read, and said")
      ->allow_extra_args(false);  // one folder per flag: inputs follow
  cmd->add_option("inputs", flags->inputs, "Log files and mailboxes");
  cmd->callback([&run, flags, events, store, cmd] {
    flags->events = events->count() > 0;
    flags->store_given = store->count() > 0;
    flags->log_only_given.clear();
    for (const char* name :
         {"--html", "--pdf", "--chromium", "--marking", "--marking-below-data", "--summary-json",
          "--smart-host", "--final-relay", "--year", "--log-zone", "--date-order",
          "--min-recognised", "--sent-folder", "--protect-file"}) {
      if (const CLI::Option* o = cmd->get_option_no_throw(name); o != nullptr && o->count() > 0) {
        flags->log_only_given.push_back(name);
      }
    }
    run = [flags] { return RunAudit(*flags); };
  });
}

}  // namespace nearmiss::cli
