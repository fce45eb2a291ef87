// `nearmiss audit`: the mail logs read into the Auditor (audit_logs.h).
#include "cli/audit_logs.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "base/log.h"
#include "base/text_format.h"
#include "maillog/line_counts.h"
#include "maillog/line_counts_text.h"
#include "maillog/log_files.h"
#include "maillog/log_zone.h"
#include "maillog/loss_notice.h"
#include "maillog/set_order.h"
#include "maillog/trace_log.h"

namespace nearmiss::cli {
namespace {

// The error for a log with delivery lines not understood: a delivery the
// reader cannot read may be the very one to a look-alike, so the audit is
// incomplete, and exits as for an error.
std::string NotUnderstood(const std::string& path, const maillog::LineCounts& c) {
  std::string recipients;
  if (c.unparsable_recipients != 0) {
    // A public suffix or a bad A-label is said as `nearmiss check`
    // says it, not as a parse error (issue-16 tester, round 8, defect 4).
    recipients = ", " + std::to_string(c.unparsable_recipients) +
                 (c.no_mail_domains == 0 ? " of them to a recipient that cannot be parsed"
                                         : " of them to a recipient that cannot be judged") +
                 " (first at " + path + ":" +
                 std::to_string(c.first_unparsable_recipient_line) + ")" +
                 (c.no_mail_domains != 0 ? ", of those " + maillog::NoMailDomains(c) : "");
  }
  if (c.other_server_lines != 0) {
    recipients += ", ";
    recipients += maillog::OtherServers(c);
  }
  // Why trace records were not read (a field count not the header's, an
  // ambiguous date, an empty recipient cell): said, not only counted
  // (issue-16 tester16, F4).
  if (std::string why = maillog::RecordsNotRead(c); !why.empty()) {
    recipients += ", of which ";
    recipients += why;
  }
  // And Postfix lines cut short: where, and what the cut took (F12).
  if (std::string cut = maillog::CutLines(c); !cut.empty()) {
    recipients += ", of which ";
    recipients += cut;
  }
  const uint64_t in_part = std::min(c.read_in_part, c.not_understood);
  return path + ": " + Counted(c.not_understood, "delivery line") + " not understood (" +
         maillog::NotUnderstoodAt(c) + ")" + recipients +
         (in_part == 0 ? std::string("; they are left out of the report, which is "
                                     "incomplete")
          : in_part == c.not_understood
              ? "; read in part: their recipients are in the report with the sender "
                "or the outcome unknown, which is incomplete"
              : "; " + std::to_string(in_part) +
                    " of them read in part (their recipients are in the report with "
                    "the sender or the outcome unknown), the rest left out of the "
                    "report, which is incomplete");
}

}  // namespace

void ReadAuditLogs(const std::vector<std::string>& logs,
                   const std::map<std::string, std::string>& shown, int year,
                   investigate::Auditor& auditor, investigate::Report& report,
                   ByteProgress& progress, AuditLogsRead* out) {
  // Traces by the names shown (a spooled stdin has a temporary path).
  std::vector<std::string> ordered =
      maillog::OrderLogs(logs, [&shown](const std::string& p) { return shown.at(p); });
  // OrderLogs puts the Postfix logs first, the traces after them.
  const auto postfix_logs = std::count_if(logs.begin(), logs.end(), [](const std::string& p) {
    return !maillog::LooksLikeTrace(maillog::FirstLine(p));
  });
  progress.SetLogs(ordered, year);
  auditor.PlanYears(ordered);
  progress.EndYearPass();
  // The logs of separate writers (instances, hosts) in time order, so a
  // hand-off is followed whatever order they were named in (set_order.h).
  std::vector<std::string> by_time = maillog::OrderSetsByTime(
      {ordered.begin(), ordered.begin() + postfix_logs}, year, auditor.years());
  std::copy(by_time.begin(), by_time.end(), ordered.begin());
  // The twelve-month note is given once a run on stderr (tester round 7
  // item 10); the report names every file it applies to.
  std::string first_span;
  uint64_t more_spans = 0;
  for (const std::string& read : ordered) {
    const std::string& path = shown.at(read);
    Status s = auditor.AddLog(read, path);
    if (const maillog::LineCounts& c = report.logs.back(); s.ok() && c.non_empty() == 0) {
      out->empty.push_back(path);
      std::string note = path + ": empty (" + Counted(c.lines, "line") +
                         " read, none with text): nothing in it was read";
      progress.Clear();
      log::Warn(note);
      report.notes.push_back(std::move(note));
    } else if (c.non_empty() != 0) {
      out->text_read = true;
    }
    // How the year was chosen, once per file, when --year did not give it
    // (issue-16 tester round 33, item 1); with --year, nothing is inferred.
    if (std::string note = maillog::YearNote(report.logs.back()); !note.empty()) {
      progress.Clear();
      log::Warn(path + ": " + note);
    }
    const bool span = report.logs.back().year_span_line != 0;
    if (std::string w = maillog::YearSpanWarning(report.logs.back(), first_span.empty());
        !w.empty()) {
      progress.Clear();
      log::Warn(path + ": " + w);
    }
    if (span && !first_span.empty()) ++more_spans;
    if (span && first_span.empty()) first_span = path;
    if (std::string lost = maillog::LostLines(report.logs.back()); s.ok() && !lost.empty()) {
      // The log says lines are missing (maillog/loss_notice.h): as for a
      // line not understood, the report is incomplete (issue-16 tester16,
      // F11).
      progress.Clear();
      log::Error(path + ": " + lost + "; the report is incomplete");
      out->failed = true;
    }
    if (const maillog::LineCounts& c = report.logs.back();
        c.local_time_rows != 0 && !maillog::LogZoneStated()) {
      // Local times of a zone nobody stated (maillog::LocalTimes); near a
      // window's edge they make the report incomplete.
      progress.Clear();
      if (c.zone_edge_rows != 0) {
        log::Error(path + ": " + maillog::LocalTimes(c) + "; the report is incomplete");
        out->failed = true;
      } else {
        log::Warn(path + ": " + maillog::LocalTimes(c));
      }
    }
    if (const maillog::LineCounts& c = report.logs.back(); c.sends_without_replies != 0) {
      // An export without RecipientStatus (maillog::kNoReplyColumn): the
      // SENDs' recipients are "unknown", a flagged one makes the report
      // incomplete (issue-16 tester round 57, finding 1).
      progress.Clear();
      log::Warn(path + ": " + Thousands(static_cast<int64_t>(c.sends_without_replies)) +
                (c.sends_without_replies == 1 ? " SEND event" : " SEND events") +
                " (first at line " + std::to_string(c.first_send_without_replies_line) +
                ") with no RecipientStatus column: a recipient the next server refused cannot "
                "be seen, so their outcome is unknown, never sent; export again with "
                "@{n='RecipientStatus';e={$_.RecipientStatus -join ';'}}");
    }
    if (const maillog::LineCounts& c = report.logs.back(); c.zone_edge_deliveries != 0) {
      // Syslog stamps without a zone, read in one nobody stated, near the
      // window's edge: as the trace rows above (round 54's tester 16, #2).
      progress.Clear();
      log::Error(path + ": " + maillog::ZoneEdgeDeliveries(c) + "; the report is incomplete");
      out->failed = true;
    }
    if (!s.ok()) {
      progress.Clear();
      log::Error(s.message());
      out->failed = true;
    } else if (const maillog::LineCounts& c = report.logs.back(); c.not_understood != 0) {
      progress.Clear();
      log::Error(NotUnderstood(path, c));
      out->failed = true;
    } else if (const maillog::LineCounts& c = report.logs.back();
               c.recognised > 0 && c.postfix == 0 &&
               c.main_format() < maillog::LineFormat::kExchangeTracking) {
      // Read, but nothing of Postfix's in it: likely the wrong file.
      progress.Clear();
      log::Warn(path + ": no Postfix lines among " + std::to_string(c.recognised) + " recognised");
    }
  }
  if (more_spans != 0) {
    progress.Clear();
    log::Warn("dates may be a year off in " + Counted(more_spans, "more log") +
              " as in " + first_span + " (their timestamps carry no year and run twelve months "
              "or more); the report names each");
  }
}

}  // namespace nearmiss::cli
