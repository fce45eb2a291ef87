// PostfixLog, the start of a file: the year of its lines without one,
// carried on from the previous file of its rotated set or taken from its
// own bound, and the note that says which when the two differ
// (postfix_log.h BeginFile, year_plan.h).
#include "maillog/log_files.h"
#include "maillog/log_zone.h"
#include "maillog/postfix_log.h"
#include "maillog/timestamp.h"
#include "maillog/trace_log.h"
#include "maillog/year_plan.h"

namespace nearmiss::maillog {

void PostfixLog::BeginFile(std::string name, LineParser parser, std::string_view first_line,
                           std::string_view bound, std::string_view overlap, int year_given) {
  // How a note ends: the way to settle the year, or, when --year was
  // given, which year the set was dated from (advice to give it would be
  // wrong).
  const std::string or_year =
      year_given == 0 ? std::string(", or give --year")
                      : "; the set was dated from --year " + std::to_string(year_given);
  // Every time on one clock: stamps without a zone in the run's zone
  // (log_zone.h), as the other files' offsets are.
  parser.InLogZone();
  trace_.reset();
  ++file_;
  write_order_.BeginFile();
  file_open_ = true;
  std::string base = RotationBase(name);
  std::string previous = std::move(counts_.file);
  counts_ = LineCounts();
  counts_.window_from = options_.window_from;
  counts_.window_to = options_.window_to;
  // A file of the same rotated set continues its year; a new set starts
  // from its own.
  if (base != last_base_ || last_base_.empty()) {
    parser_ = parser;
    set_zoned_file_.clear();
    set_zoneless_file_.clear();
    set_clocks_said_ = false;
  } else if (!first_line.empty()) {
    if (NamesFixYear(previous, name)) parser_.RestartSpan();
    LineParser probe = parser_;
    LogLine l;
    Stamp carried;
    const int64_t previous_last = parser_.last_time();
    if (probe.Parse(first_line, &l)) SecondsToCivil(l.time, &carried);
    const std::string own = std::to_string(parser.year());
    // The first line steps back from the previous file's last, by more
    // than rotation explains and not at a year's turn, so carrying on
    // moved the year (LineParser: a log is in time order): a gap in the
    // set, read as the one below.
    const bool stepped =
        carried.year != 0 && carried.year == parser.year() && l.time - previous_last > kHalfYear &&
        CivilToSeconds(carried.year - 1, carried.month, carried.day, carried.hour, carried.minute,
                       carried.second) + kRotationOverlap < previous_last;
    const std::string from =
        previous + " (" + std::to_string(stepped ? carried.year - 1 : carried.year) + ")";
    if (!overlap.empty()) {
      // year_plan.h read the two files as overlapping: this file's own year
      // (from the plan), not the next one that carrying on gives.
      parser_ = parser;
      LineParser own = parser;
      LogLine o;
      std::string by = "moments";
      if (own.Parse(first_line, &o) && previous_last > o.time) {
        const int64_t days = (previous_last - o.time + 43200) / 86400;
        by = days < 1 ? "hours" : std::to_string(days) + (days == 1 ? " day" : " days");
      }
      Stamp p;
      SecondsToCivil(previous_last, &p);
      counts_.year_not_carried = "this file overlaps " + previous;
      counts_.year_not_carried.append(" (" + std::to_string(p.year) + "): its first line is ")
          .append(by)
          .append(" before that one's last, and ")
          .append(overlap)
          .append("; both are read with no year between them, a delivery in both is the same "
                  "one: check for a copy taken twice")
          .append(or_year);
    } else if (carried.year > parser.year()) {
      parser_ = parser;
      counts_.year_not_carried =
          "the year does not carry on from " + from + " as that would put this file's lines "
          "after its " + std::string(bound) + "; its first line is read as " + own +
          ", so the years go back between the two files: check their dates" + or_year;
    } else if (carried.year != 0 &&
               ((carried.year < parser.year() && l.time + kRotationOverlap < previous_last) ||
                stepped)) {
      // Carried, this file would start before the previous one ended, and
      // by more than rotation explains (logrotate renames a file as its
      // writing stops; lines at the turn may overlap by moments), while its
      // own bound puts it a year later: a gap in the set (a file missing
      // between them), not a continuation. Its own bound decides.
      parser_ = parser;
      counts_.year_not_carried =
          "the year does not carry on from " + from + " as that would start this file before " +
          "that one's last line; its " + std::string(bound) + " puts its first line in " + own +
          ", so a year or more is missing between the two files: check their dates" + or_year;
    } else if (carried.year != 0 && carried.year < parser.year()) {
      // Carried on, it follows the previous file as rotation writes; its
      // bound is a year or more past its lines (a copy, a touch).
      counts_.year_not_carried =
          "the year carries on from " + from + ", though this file's " + std::string(bound) +
          " alone would put its first line in " + own + ": check their dates" + or_year;
    }
  }
  last_base_ = std::move(base);
  // Each file starts from the run's clock ceiling (clock_step.h), whatever
  // bound the previous file of its set set (SetClockCeiling).
  parser_.SetClockCeiling(ClockCeiling());
  clock_ceiling_why_ = kAfterRunStart;
  counts_.file = std::move(name);
  // What the parser counted before this file (it may carry on from the last).
  abbreviation_mismatches_ = parser_.abbreviation_mismatches();
}

void PostfixLog::NoteClocks() {
  if (trace_) return;
  // The parser may run on across a rotated set: this file's own lines.
  if (const uint64_t mismatched = parser_.abbreviation_mismatches() - abbreviation_mismatches_;
      mismatched != 0) {
    std::string& note = counts_.zone_abbreviation;
    note = std::to_string(mismatched);
    note += mismatched == 1 ? " line carries" : " lines carry";
    note += " a zone abbreviation (the first ";
    note += parser_.first_mismatch_abbreviation();
    note += ") that ";
    note += LogZoneName();
    note += " does not use at its time, so its times were read in that zone and may be hours "
            "off: give --log-zone with the zone the log was written in";
  }
  auto count = [this](LineFormat f) { return counts_.by_format[static_cast<size_t>(f)]; };
  const uint64_t zoneless = count(LineFormat::kRfc3164) + count(LineFormat::kRfc3164Precise);
  // Lines with an offset other than the run's zone's (LineParser): the
  // two clocks disagree.
  const uint64_t zoned = parser_.offset_seen()
                             ? count(LineFormat::kRfc3339) + count(LineFormat::kRfc5424)
                             : 0;
  if (zoneless != 0 && set_zoneless_file_.empty()) set_zoneless_file_ = counts_.file;
  if (zoned != 0 && set_zoned_file_.empty()) set_zoned_file_ = counts_.file;
  if (set_clocks_said_ || set_zoned_file_.empty() || set_zoneless_file_.empty()) return;
  set_clocks_said_ = true;
  // RFC 3164's stamp is the host's local time, RFC 3339's carries its
  // offset (an rsyslog template changed partway through the set): one
  // clock orders the attempts, the zone-less ones read in the run's zone.
  std::string& out = counts_.mixed_clocks;
  out = "the set mixes clocks: ";
  if (set_zoneless_file_ == set_zoned_file_) {
    out += "this file has times without a zone and times with an offset";
  } else {
    out += set_zoneless_file_;
    out += "'s times carry no zone, ";
    out += set_zoned_file_;
    out += "'s an offset";
  }
  std::string offset;
  if (parser_.offset_seen()) {
    offset = FormatOffset(parser_.last_offset());
    out += " (" + offset + ")";
  }
  out += "; the times without a zone are read in ";
  out += LogZoneName();
  out += " and every time is put on UTC to order the attempts: if the log host's clock kept "
         "another zone, give --log-zone with it";
  if (!offset.empty()) out += " (the offset its dated lines carry is " + offset + ")";
}

}  // namespace nearmiss::maillog
