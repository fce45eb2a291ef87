#include "maillog/read_log.h"

#include "maillog/csv_forms.h"
#include "maillog/csv_records.h"
#include "maillog/log_files.h"
#include "maillog/timestamp.h"
#include "maillog/trace_log.h"
#include "maillog/year_anchor.h"

namespace nearmiss::maillog {
namespace {

const PlannedYear* Planned(const ReadLogOptions& options, const std::string& path) {
  if (options.years == nullptr) return nullptr;
  auto it = options.years->find(path);
  return it == options.years->end() ? nullptr : &it->second;
}

}  // namespace

Status ReadLog(const std::string& path, PostfixLog& log, const ReadLogOptions& options,
               LineCounts* counts) {
  // The bytes of the year's pass, so the reading pass's progress follows it.
  uint64_t scanned = 0;
  std::function<void(uint64_t)> scan_progress, read_progress;
  if (options.on_bytes) {
    scan_progress = [&](uint64_t bytes) {
      scanned = bytes;
      options.on_bytes(bytes);
    };
    read_progress = [&](uint64_t bytes) { options.on_bytes(scanned + bytes); };
  }
  // How the year of its stamps without one was chosen (YearNote): "" when
  // --year gave it.
  std::string year_from;
  // The form is told from the file's first line, not its name.
  const std::string first_line = FirstLine(path);
  if (!LooksLikeTrace(first_line) && IsCsvName(path) && SplitCsvLine(first_line).size() > 1) {
    // A .csv whose header is no trace's: read as a Postfix log every line
    // would be "not recognised", which says nothing of what it lacks. (One
    // separated by ';' or tabs goes on to the hint that names the export
    // option: line_counts.cc, FormHint.)
    counts->file = path;
    return Status::ParseError(CsvFormRefusal(path + ":1", first_line, /*sent_mail=*/false));
  }
  if (LooksLikeTrace(first_line)) {
    DateOrder order = options.date_order;
    if (order == DateOrder::kUnstated) {
      // A first pass for the order of day and month: a row that can be
      // read only one way decides the whole file (trace_time.h,
      // DecideDateOrder); an unreadable file fails in the pass that
      // follows, which says so.
      TraceLog scan(path, nullptr);
      scan.ScanDateOrder();
      (void)ForEachLine(path, [&scan](std::string_view line) { scan.Feed(line); }, scan_progress);
      order = scan.DecidedOrder();
    }
    log.BeginTraceFile(path, order);
  } else if (const PlannedYear* p = Planned(options, path); p != nullptr) {
    // Dated with its whole set (year_plan.h), which was read for it; with
    // --year, anchored at it.
    log.BeginFile(path, LineParser(p->first_year), p->first_line, p->bound, p->overlap,
                  p->year_given);
    log.SetYearBound(p->bound_wall);
    // A line with its year after the bound that dates the yearless ones
    // is a clock that ran ahead, as one after now is (clock_step.h).
    if (p->bound_wall != 0 && !p->bound.empty()) {
      log.SetClockCeiling(p->bound_wall, "after its " + p->bound + " (26 hours allowed for zones)");
    }
    if (p->year_given == 0) {
      const std::string bound = p->bound.empty() ? std::string("bound") : p->bound;
      year_from = p->set_files > 1
                      ? "dated with its rotated set of " + std::to_string(p->set_files) +
                            " files, read as one log oldest first: the latest years that put "
                            "no file's last line after its own bound (this file's: " + bound +
                            ", 26 hours allowed for time zones)"
                      : YearFrom(bound);
    }
  } else if (options.year != 0) {
    log.BeginFile(path, LineParser(options.year));
  } else if (StartsDated(path) != 0) {
    // No pass for the year (year_anchor.h): the first line gives it.
    Stamp b;
    SecondsToCivil(FileYearBound(path).wall, &b);
    log.BeginFile(path, LineParser(b.year));
  } else {
    // A first pass for the year (year_anchor.h); an unreadable file fails
    // the same way in the pass that follows, which says so.
    YearBound bound = FileYearBound(path);
    Result<YearScan> scan = ScanYears(path, scan_progress);
    if (scan.ok()) bound = ScannedYearBound(path, *scan);
    if (scan.ok() && scan->any) {
      log.BeginFile(path, LineParser(FirstYear(*scan, bound)), scan->first_line, bound.source);
      // Not for a name's start date: that bound is the last line itself.
      if (!scan->bsd_before_dated && !scan->dated && !bound.source.starts_with(kNameStart)) {
        log.SetYearBound(bound.wall);
        log.SetClockCeiling(bound.wall,
                            "after its " + bound.source + " (26 hours allowed for zones)");
      }
      year_from = scan->bsd_before_dated
                      ? std::string("from the year of the file's first line that carries one")
                      : YearFrom(bound.source);
    } else {
      Stamp b;  // no line without a year: the year is never used
      SecondsToCivil(bound.wall, &b);
      log.BeginFile(path, LineParser(b.year));
    }
  }
  uint64_t gzip_padding = 0;
  Status s = ForEachLine(
      path, [&log](std::string_view line) { log.Feed(line); }, read_progress, &gzip_padding);
  log.EndFile();
  *counts = log.counts();
  counts->gzip_padding = gzip_padding;
  counts->year_from = year_from;
  if (const PlannedYear* p = Planned(options, path); p != nullptr) {
    counts->year_given = p->year_given;
  } else if (options.year != 0) {
    counts->year_given = options.year;
  }
  NM_RETURN_IF_ERROR(s);
  if (!counts->refused.empty()) return Status::ParseError(counts->refused);
  if (counts->impossible_date_line != 0) {
    // Read as 1 March it would move a delivery a day; no guess is safe.
    std::string year = std::to_string(counts->impossible_date_year);
    return Status::ParseError(
        path + ":" + std::to_string(counts->impossible_date_line) + ": 29 February in " + year +
        ", which has none (" +
        (options.year != 0 ? std::string("given by --year")
                           : "inferred from the file's bound and its rotated set") +
        "): give --year of the leap year these lines are from");
  }
  return CheckRecognised(*counts, options.min_recognised_percent);
}

}  // namespace nearmiss::maillog
