// `nearmiss learn`: the mail logs read into the learner (learn_logs.h).
#include "cli/learn_logs.h"

#include <cstdio>
#include <utility>

#include "base/log.h"
#include "base/text_format.h"
#include "investigate/coverage.h"
#include "investigate/report.h"
#include "maillog/line_counts_text.h"
#include "maillog/log_files.h"
#include "maillog/set_order.h"
#include "maillog/year_plan.h"

namespace nearmiss::cli {

void LogSkips::Add(const maillog::LineCounts& c) {
  auto at = [&c](uint64_t line) { return c.file + ":" + std::to_string(line); };
  if (c.skipped_domains != 0 && domains == 0) {
    first_domain = at(c.first_skipped_domain_line) + ": '" + c.first_skipped_domain + "'";
  }
  if (c.inbound_rows != 0 && inbound == 0) first_inbound = at(c.first_inbound_row_line);
  if (c.direction_unknown_rows != 0 && direction_unknown == 0) {
    first_direction_unknown = at(c.first_direction_unknown_line);
  }
  if (c.bounces != 0 && bounces == 0) first_bounce = at(c.first_bounce_line);
  if (c.forwards != 0 && forwards == 0) first_forward = at(c.first_forward_line);
  forwards += c.forwards;
  domains += c.skipped_domains;
  bounces += c.bounces;
  inbound += c.inbound_rows;
  direction_unknown += c.direction_unknown_rows;
}

Status ReadLearnLogs(const std::vector<std::string>& logs, maillog::ReadLogOptions read,
                     history::Learner& learner, ByteProgress& progress, LearnLogsRead* out) {
  // Postfix sets oldest first, traces in natural order (log_files.h).
  const std::vector<std::string> rotated = maillog::OrderLogs(logs);
  // The bar audit draws (on a terminal only): bytes of the logs, both
  // passes of one read twice for its year, the year's pass (PlanYears)
  // included, as audit's (investigate::Auditor::PlanYears).
  progress.SetLogs(rotated, read.year);
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
      read.year);
  bytes_before += scanned;
  progress.EndYearPass();
  // The logs of separate writers (instances, hosts) in time order, as
  // audit reads them (set_order.h).
  out->ordered = maillog::OrderSetsByTime(rotated, read.year, years);
  read.years = &years;
  for (const std::string& log : out->ordered) {
    maillog::LineCounts counts;
    uint64_t file_bytes = 0;
    read.on_bytes = [&](uint64_t bytes) {
      file_bytes = bytes;
      progress.Update(bytes_before + bytes, learner.log_lines());
    };
    Status s = learner.AddPostfixLog(log, read, &counts);
    bytes_before += file_bytes;
    progress.Clear();
    if (!s.ok()) return s;
    std::printf("read %s\n", maillog::Describe(counts).c_str());
    // How the year was chosen, once per file, when --year did not give it.
    if (std::string note = maillog::YearNote(counts); !note.empty()) {
      log::Warn(log + ": " + note);
    }
    out->lines += counts.lines;
    // A log with no line of text is said, as audit says it (issue-16
    // tester, round 8, defect 2); every log empty is an error (RunLearn).
    if (counts.non_empty() == 0) {
      log::Warn(log + ": empty (" + Counted(counts.lines, "line") +
                " read, none with text): nothing in it was read");
      ++out->empty;
    }
    if (counts.not_understood != 0 && out->not_understood == 0) {
      out->first_not_understood =
          counts.file + ":" + std::to_string(counts.first_not_understood_line);
    }
    out->not_understood += counts.not_understood;
    out->skips.Add(counts);
    out->counts.push_back(std::move(counts));
  }
  Status finished = learner.FinishLogs();
  progress.Clear();
  if (!finished.ok()) return finished;
  // A hand-off counts in the file of its "queued as" line; one whose next
  // hop was only found in a later file is said now (issue-16 tester, item 10).
  const std::vector<int64_t> late = learner.late_hand_offs();
  for (size_t f = 0; f < late.size() && f < out->ordered.size(); ++f) {
    if (late[f] > 0) {
      std::printf("read %s: also %s followed to the next queue id in a later file\n",
                  out->ordered[f].c_str(),
                  Counted(static_cast<uint64_t>(late[f]), "hand-off").c_str());
    }
  }
  return Status::Ok();
}

void WarnLearnCoverage(const LearnLogsRead& read) {
  investigate::Report report;
  report.logs = read.counts;
  for (const std::string& gap : investigate::CoverageGapTexts(report)) {
    log::Warn("learn: the logs given are incomplete: " + gap +
              ": what was sent then is not learned (audit over them exits 2)");
  }
}

}  // namespace nearmiss::cli
