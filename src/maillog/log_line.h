// One mail-log line taken apart without copying: its framing (which syslog
// or journal form, the time, host and program) and, for Postfix's lines
// about a message, the queue id and the text after it.
//
// The forms (timestamp.h has their timestamps and sources):
//   rfc3164          "[<PRI>]Nov  3 09:12:03 host postfix/smtp[123]: text"
//                    (syslog, rsyslog's traditional format, Postfix's
//                    maillog_file, journalctl -o short)
//   rfc3164-precise  "Nov 03 09:12:03.123456 host ..." (journalctl -o short-precise)
//   rfc3339          "[<PRI>]2026-11-30T09:12:03.123456+00:00 host ..." (rsyslog
//                    RSYSLOG_FileFormat; journalctl -o short-iso, short-iso-precise)
//   rfc5424          "<22>1 2026-11-30T09:12:03.123456+00:00 host postfix/smtp 123 -
//                    - text" (RFC 5424 6: PRI VERSION TIMESTAMP HOSTNAME APP-NAME
//                    PROCID MSGID STRUCTURED-DATA [MSG])
//   journal-full     "Mon 2026-11-30 09:12:03 UTC host ..." (journalctl -o short-full)
//   journal-unix     "1764493923.123456 host ..." (journalctl -o short-unix)
//   journal-marker   "-- Boot 3c0f... --", "-- No entries --" (journalctl's own
//                    lines between entries: recognised, carry no entry)
//   kubectl          "2025-03-03T10:00:00.123456789Z Mar  3 10:00:00 host postfix/..."
//                    (kubectl logs --timestamps, docker logs --timestamps)
//   cri              "2025-03-03T10:00:00.123456789Z stdout F Mar  3 10:00:00 host ..."
//                    (a container runtime's CRI log file; "P" partial records
//                    are joined to their stream's next full one)
// Any of them may follow kubectl's --prefix "[pod/NAME/CONTAINER] "
// (container_line.h has the container forms and their sources).
// A line is recognised when its framing parses: a timestamp, a space and a
// host (RFC 5424: the whole header and structured data). What follows the
// host is the program's tag "name[pid]: " when there is one.
//
// Thread safety: one LineParser per reader (it infers BSD years in order).
#ifndef NEARMISS_MAILLOG_LOG_LINE_H_
#define NEARMISS_MAILLOG_LOG_LINE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "maillog/clock_step.h"
#include "maillog/log_zone.h"
#include "maillog/shown_time.h"

namespace nearmiss::maillog {

enum class LineFormat : uint8_t {
  kNone,  // not recognised
  kRfc3164,
  kRfc3164Precise,
  kRfc3339,
  kRfc5424,
  kJournalFull,
  kJournalUnix,
  kJournalMarker,
  // A container's line, dated by its runtime (container_line.h).
  kKubectl,
  kCri,
  // Not syslog: the CSV traces trace_log.h reads, one record a line.
  kExchangeTracking,
  kM365Trace,
  kM365Historical,
  // Get-MessageTrackingLog's output saved by Export-Csv (trace_log.h).
  kExchangeTrackingExport,
};
inline constexpr int kLineFormats = 14;
// "rfc3164", ..., "journal-marker", "kubectl", "cri", "exchange-tracking", "m365-trace",
// "m365-historical", "exchange-tracking-export"; "none" for kNone.
std::string_view FormatName(LineFormat format);

// True for the forms whose stamps carry their year (RFC 3339, RFC 5424,
// journal short-full and short-unix, the container forms).
bool CarriesYear(LineFormat format);

struct LogLine {
  LineFormat format = LineFormat::kNone;
  int64_t time = 0;           // seconds; UTC when the line has a zone
  // kRunZone: the stamp named no offset (RFC 3164, short-full's
  // abbreviation), read in the run's zone (InLogZone; shown_time.h).
  ZoneSource zone = ZoneSource::kInput;
  // RFC 5424 6.2.3's NILVALUE "-" for the TIMESTAMP: the sender had no
  // time. `time` is then 0 and means nothing: never epoch 0, never the
  // line before's time (issue-16 tester round 58, finding 1). PostfixLog
  // counts such lines and reads none of them (docs/mail-logs.md, "Times").
  bool time_unknown = false;
  // A stamp with its year (RFC 3339, short-full, short-unix) before
  // kClockFloor (clock_step.h): a clock that was unset. `time` is then 0
  // and means nothing, as for time_unknown; the year later lines carry on
  // from is not moved by it.
  bool clock_unset = false;
  // Of those, one dated after the parser's clock ceiling (clock_step.h
  // kClockAllowance): a clock that ran ahead, not one unset.
  bool clock_ahead = false;
  // RFC 5424's NILVALUE HOSTNAME "-" is kUnnamedHost, so a coverage by
  // server never lists a host named "-".
  std::string_view host;
  std::string_view program;   // "postfix/smtp" (without the [pid]); "" when none
  std::string_view queue_id;  // "4BCD12F3A" or a long id; "" when none
  std::string_view text;      // the message; after "QUEUEID: " when there is one
};

// True for Postfix's own programs: "postfix/..." and, for multiple
// instances (syslog_name = postfix-out), "postfix-NAME/..."; and any
// other syslog_name's "NAME/.../PROGRAM" whose PROGRAM is one of
// Postfix's ("mta-out/smtp", "mx/submission/smtpd").
bool IsPostfixProgram(std::string_view program);

// The mail server whose delivery line this is when it is not Postfix's
// ("OpenSMTPD", "Sendmail", "Exim", "qmail", "Courier", "dma", "msmtp",
// "nullmailer"; for any other line with a recipient "to=<R@D>" or "to=R@D"
// and a status, the program's name, or "a mail server not named" when the
// line has none); "" when it is none or Postfix's. `text` is the line's
// message (LogLine::text), or the whole line when it is in no form
// LineParser knows (Exim's own main log, qmail's multilog). A delivery
// this reader cannot read must never pass silently: PostfixLog counts
// each (LineCounts::other_server_lines). other_mail_server.cc names the
// sources of the forms.
std::string_view OtherMailServerDelivery(std::string_view program, std::string_view text);

// The host of an RFC 5424 line whose HOSTNAME is the NILVALUE "-".
inline constexpr std::string_view kUnnamedHost = "a host not named (RFC 5424 NILVALUE)";

struct Stamp;           // timestamp.h
struct ContainerFrame;  // container_line.h

class LineParser {
 public:
  // `year` for stamps without one: the year of the first such line
  // (year_anchor.h finds it from the file's bound, or --year gives it). BSD
  // timestamps carry no year; the year never goes back: a month earlier
  // than the previous line's, by more than a day (December -> January, and
  // as well November -> June: a log is in time order), moves to the next
  // year, so years are monotone within a file and, through ContinueFrom,
  // across a rotated set. A line earlier by at most a day (written out of
  // order) keeps the year and moves nothing.
  explicit LineParser(int year) : year_(year) {}
  // Stamps without a zone (RFC 3164, short-full with a zone abbreviation)
  // read in the run's zone (log_zone.h) and given in UTC, as stamps with
  // an offset are; without this call they are counted as if UTC (a first
  // pass for the year, year_anchor.h, works in wall-clock time).
  LineParser& InLogZone() {
    in_zone_ = true;
    return *this;
  }
  // False when the line's framing is none of the forms above; `out`
  // points into `line`.
  bool Parse(std::string_view line, LogLine* out);
  int year() const { return year_; }
  // True once lines without a year have run twelve months or more past the
  // first such line: their years are inferred, and a date may be a year
  // off (traditional syslog timestamps carry no year). A caller warns.
  bool span_over_year() const { return span_over_year_; }
  // True once, for the line at which span_over_year() became true; clears
  // it. A caller notes the span there, not again on every later line or
  // file of the set (tester round 7 item 10: one notice per file of a
  // 400-file set).
  bool TakeSpanOverYear() { return std::exchange(span_crossed_, false); }
  // The lines that follow have their year fixed from outside (year_anchor.h
  // NamesFixYear: a rotated file's dateext names bound it to less than a
  // year), so the twelve months are counted again from the next line
  // without a year. The year itself moves as before.
  void RestartSpan() { restart_span_ = true; }
  // The latest stamp with its year believed (clock_step.h ClockCeiling by
  // default; a file's own bound may lower it): one after it is read as
  // one before kClockFloor is (LogLine::clock_ahead).
  void SetClockCeiling(int64_t ceiling) { clock_ceiling_ = ceiling; }
  int64_t clock_ceiling() const { return clock_ceiling_; }
  // The offset (seconds east of UTC) of the last stamp that carried one
  // other than the run's zone gives for its time (log_zone.h): the host's
  // clock kept a zone the stamps without one are not read in; whether
  // any did. For the note on a set that mixes clocks (PostfixLog).
  int last_offset() const { return last_offset_; }
  bool offset_seen() const { return offset_seen_; }
  // The lines (journalctl -o short-full) whose zone abbreviation the run's
  // zone does not write at their time, read in the run's zone anyway
  // (log_zone.h AbbreviatedToUtc), and the first such abbreviation.
  uint64_t abbreviation_mismatches() const { return abbreviation_mismatches_; }
  const std::string& first_mismatch_abbreviation() const { return first_mismatch_abbreviation_; }
  // The time of the last line parsed (seconds, as LogLine::time); 0
  // before any. A rotated set's next file is judged against it.
  int64_t last_time() const { return last_time_; }
  // The year of the last line whose 29 February fell in a year without
  // one (its time is then 1 March's, which no caller may use); 0 none.
  // Clears it.
  int TakeImpossibleDate() { return std::exchange(impossible_year_, 0); }
  // Whether the last line parsed was a wall time a daylight-saving change
  // of the run's zone repeats or skips (log_zone.h ClassifyWall), read
  // with the offset before it. kOne none. Clears it.
  WallTime TakeOddWall() { return std::exchange(odd_wall_, WallTime::kOne); }
  // How far (seconds) the last line parsed stepped back from the line
  // before, when by more than a day and at most kMaxStepBack: a
  // concatenation boundary (`cat mail.log mail.log.1`, newest first, as a
  // shell glob orders a rotated set), read as earlier, not as the next
  // year's (breaker round 3 §3). 0 none. Clears it.
  int64_t TakeStepBack() { return std::exchange(step_back_, 0); }
  // What CRI partial records ("P") left without the full record that ends
  // them (the file ended) hold, their text unread; "(cut)" for records
  // dropped past kMaxPartial; "" none. Clears it.
  std::string TakePartialLeft() {
    std::string left = partial_cut_ ? std::string("(cut)") : std::string();
    left += partial_out_ + partial_err_;
    partial_cut_ = false;
    partial_out_.clear();
    partial_err_.clear();
    return left;
  }
  // The CRI line joined from partial records by the last Parse: what its
  // views point into instead of the line given ("" when none was joined).
  std::string_view joined() const { return joined_; }
  // A step back past this is the next year's date (a log read in time
  // order: Nov 20 then Jun 1 is June of the next year).
  static constexpr int64_t kMaxStepBack = 92 * 86400;

 private:
  // The year of a stamp without one; moves year_ forward (above), or
  // back over a concatenation boundary (TakeStepBack). A
  // line from the last day of the previous year, read after the new
  // year's first lines (syslog at New Year), gets that year and moves
  // nothing.
  int InferYear(const Stamp& st, int64_t offset);
  // A stamp that carries its year (RFC 3339, journalctl short-full) sets
  // the year later stamps without one carry on from, so a traditional file
  // read after an RSYSLOG_FileFormat one of its rotated set continues it.
  void NoteDated(const Stamp& st, int64_t time);
  bool ParseSyslog(std::string_view line, LogLine* out);
  bool ParseContainer(const ContainerFrame& frame, LogLine* out);
  // A CRI line split into partial records joined at most this long; the
  // runtime splits at 16 KiB, and no Postfix line comes near.
  static constexpr size_t kMaxPartial = 1 << 20;

  int year_;
  bool in_zone_ = false;
  bool offset_seen_ = false;
  int last_offset_ = 0;
  uint64_t abbreviation_mismatches_ = 0;
  std::string first_mismatch_abbreviation_;
  WallTime odd_wall_ = WallTime::kOne;
  int64_t checked_hour_ = -1;
  int checked_offset_ = 0;
  int last_month_ = 0;
  int64_t last_bsd_time_ = 0;  // the last line that set last_month_
  int first_month_index_ = 0;  // year * 12 + month - 1 of the first line
  bool span_over_year_ = false;
  bool span_crossed_ = false;
  bool restart_span_ = false;
  int64_t last_time_ = 0;  // for journalctl's marker lines
  int64_t clock_ceiling_ = ClockCeiling();
  ZoneSource last_zone_ = ZoneSource::kInput;  // last_time_'s
  int impossible_year_ = 0;
  int64_t step_back_ = 0;
  // CRI partial records of each stream waiting for their full one, and
  // the joined line the views of the last Parse may point into.
  std::string partial_out_, partial_err_, joined_;
  bool partial_cut_ = false;
};

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_LOG_LINE_H_
