// Report's figures of what it leaves out (left_out.h), from the per-file
// line counts and the deliveries closed as "unknown".
#include <algorithm>

#include "investigate/coverage.h"
#include "investigate/report.h"
#include "maillog/loss_notice.h"

namespace nearmiss::investigate {

LeftOut Report::left_out() const {
  LeftOut l;
  l.coverage_gaps = CoverageGapTexts(*this);
  for (const maillog::LineCounts& c : logs) {
    l.unrecognised_lines += c.unrecognised;
    l.not_understood_lines += c.not_understood - std::min(c.read_in_part, c.not_understood);
    l.read_in_part_lines += std::min(c.read_in_part, c.not_understood);
    l.orphan_lines += c.orphan_lines;
    if (c.other_server_lines != 0 && l.other_server_lines == 0) {
      l.first_other_server = c.first_other_server;
      l.first_other_server += " at ";
      l.first_other_server += c.file;
      l.first_other_server += ':';
      l.first_other_server += std::to_string(c.first_other_server_line);
    }
    l.other_server_lines += c.other_server_lines;
    if (c.cut_lines != 0 && l.cut_lines == 0) l.first_cut = maillog::CutLines(c);
    l.cut_lines += c.cut_lines;
    // The first of each across the files: "FILE:LINE".
    auto first = [&c](uint64_t had, uint64_t has, uint64_t line, std::string* where) {
      if (had != 0 || has == 0) return;
      *where = c.file;
      *where += ':';
      *where += std::to_string(line);
    };
    first(l.loss_notices, c.loss_notices, c.first_loss_notice_line, &l.first_loss_notice);
    // Only in a file read as a log: NUL bytes in a file with no line
    // recognised (core.bin) are its contents, no crash's hole, and the file
    // already makes the run incomplete as no log (round 58b's tester 16,
    // finding 7).
    if (const uint64_t runs = c.recognised == 0 ? 0 : c.nul_runs + c.nul_holes; runs != 0) {
      const bool hole_first = c.nul_holes != 0 &&
                              (c.nul_runs == 0 || c.first_nul_hole_line <= c.first_nul_line);
      if (l.nul_runs == 0) {
        first(0, runs, hole_first ? c.first_nul_hole_line : c.first_nul_line, &l.first_nul_run);
        l.first_nul_bytes = hole_first ? c.first_nul_hole_bytes : c.first_nul_bytes;
      }
      l.nul_runs += runs;
    }
    l.loss_notices += c.loss_notices;
    l.lost_said += c.lost_said;
    first(l.missing_outcomes, c.missing_outcomes, c.first_missing_outcome_line,
          &l.first_missing_outcome);
    l.missing_outcomes += c.missing_outcomes;
    first(l.zone_edge_rows, c.zone_edge_rows, c.first_zone_edge_line, &l.first_zone_edge);
    l.zone_edge_rows += c.zone_edge_rows;
    first(l.zone_edge_deliveries, c.zone_edge_deliveries, c.first_zone_edge_delivery_line,
          &l.first_zone_edge_delivery);
    l.zone_edge_deliveries += c.zone_edge_deliveries;
  }
  // A wait the later lines of its own log outlast (LeftOut::stale_waits):
  // its file and every other file of the same kind given with it, since a
  // rotated set (maillog, maillog.1, maillog-20251104) and Exchange's
  // daily MSGTRK files carry one queue's later life in the next file
  // (round 47's tester 16, finding 6).
  const auto family = [](const maillog::LineCounts& c) {
    using maillog::LineFormat;
    const auto has = [&c](LineFormat f) { return c.by_format[static_cast<int>(f)] != 0; };
    if (has(LineFormat::kExchangeTracking) || has(LineFormat::kExchangeTrackingExport)) return 1;
    if (has(LineFormat::kM365Trace) || has(LineFormat::kM365Historical)) return 2;
    return 0;
  };
  for (const FirstLine& w : closed_waiting_) {
    const std::string_view file = std::string_view(w.where).substr(0, w.where.rfind(':'));
    const auto own = std::find_if(logs.begin(), logs.end(),
                                  [file](const maillog::LineCounts& c) { return c.file == file; });
    if (own == logs.end()) continue;
    int64_t last = own->last_time;
    for (const maillog::LineCounts& c : logs) {
      if (family(c) == family(*own)) last = std::max(last, c.last_time);
    }
    const int64_t lifetime =
        family(*own) == 1 ? LeftOut::kExchangeExpiration : LeftOut::kQueueLifetime;
    if (last - w.seconds > lifetime) {
      if (l.stale_waits++ == 0 || w.where < l.first_stale_wait) l.first_stale_wait = w.where;
      if (family(*own) == 1) ++l.stale_exchange_waits;
    }
  }
  l.disagreements = disagreements_;
  l.first_disagreement = first_disagreement_;
  l.inputs_not_read = unread();
  l.outcome_unknown = totals_.unknown;
  l.next_hops = unknown_next_hops_;
  for (const auto& [relay, first] : unknown_hop_lines_) l.next_hop_lines[relay] = first.where;
  l.handed_unknown = unknown_handed_;
  for (const auto& [named, first] : unknown_hand_offs_) {
    std::string with = named;
    if (!first.where.empty()) {
      // "127.0.0.1[127.0.0.1]:10025 (queued as 92B3C4D5" gets its line.
      with.pop_back();
      with += ", said at ";
      with += first.where;
      with += ')';
    }
    l.hand_offs.insert(std::move(with));
  }
  return l;
}

size_t Report::unread() const {
  size_t n = 0;
  for (const maillog::LineCounts& c : logs) n += c.error.empty() ? 0 : 1;
  for (const MailboxRead& m : mailboxes) n += m.not_read == 0 ? 0 : 1;
  return n;
}

void Report::NoteUnknownLine(std::map<std::string, FirstLine>& lines, const std::string& key,
                             const Row& r) {
  if (r.where.empty()) {
    lines.try_emplace(key);
    return;
  }
  // The earliest by log time, then by name: the same whatever order the
  // inputs were given in.
  FirstLine& f = lines[key];
  if (f.where.empty() || r.seconds < f.seconds ||
      (r.seconds == f.seconds && r.where < f.where)) {
    f = {r.seconds, r.where};
  }
}

}  // namespace nearmiss::investigate
