// LineCounts: what a reader made of one log file's lines, and the rule that
// says whether it read the file at all.
//
// Audit input it cannot read is an error, not a clean report: a file whose
// non-empty lines are mostly not in a form log_line.h knows (journalctl -o
// cat, JSON, a CSV given by mistake) would otherwise report "0 deliveries"
// as if nothing had gone wrong.
//
// Thread safety: a value type.
#ifndef NEARMISS_MAILLOG_LINE_COUNTS_H_
#define NEARMISS_MAILLOG_LINE_COUNTS_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "maillog/line_holes.h"
#include "maillog/log_line.h"
#include "maillog/log_sources.h"
#include "nearmiss/status.h"

namespace nearmiss::maillog {

// The cmdlets' default page (-PageSize, -ResultSize) and the largest the
// message trace cmdlets take (Get-MessageTrace, Get-MessageTraceV2).
inline constexpr uint64_t kDefaultPageRows = 1000, kLargestPageRows = 5000;

// The default share of non-empty lines that must be recognised.
inline constexpr int kDefaultMinRecognisedPercent = 90;

struct LineCounts {
  std::string file;
  uint64_t lines = 0;         // every line read, empty ones included
  uint64_t recognised = 0;    // non-empty lines whose framing parsed (any form)
  uint64_t postfix = 0;       // recognised lines from Postfix (IsPostfixProgram)
  uint64_t unrecognised = 0;  // non-empty lines whose framing did not parse
  std::array<uint64_t, kLineFormats> by_format = {};  // recognised, by LineFormat
  uint64_t first_unrecognised_line = 0;  // 1-based line number; 0 when none
  std::string first_unrecognised;        // that line, at most kExcerpt bytes
  // What that whole line says of the form the file is in (FormHint in
  // line_counts.cc: the export command to use), told before the excerpt
  // cuts it: a Docker json-file line's "stream" and "time" come after its
  // text (issue-16 tester round 58b, finding 5). "" when it says nothing.
  std::string first_unrecognised_form;
  // Notes `text`, line `line_no`'s, as the first unrecognised one when
  // there is none yet: its first `keep` bytes, and its form.
  void FirstUnrecognised(uint64_t line_no, std::string_view text, size_t keep = kExcerpt);
  // Of the unrecognised: trace records whose slash date ("04/11/2026
  // 10:06:00") reads as day/month or month/day and no order was stated
  // (trace_log.h, --date-order).
  uint64_t ambiguous_dates = 0;
  uint64_t first_ambiguous_date_line = 0;
  std::string first_ambiguous_date;  // its cell as written, at most 40 bytes
  // Of the unrecognised: trace records whose time is in no form this
  // reader knows ("4/11/2025 3:02:11 P.M."), the first one's line and its
  // time as written (at most kExcerpt bytes), so the message says the time
  // is why.
  uint64_t unreadable_times = 0;
  uint64_t first_unreadable_time_line = 0;
  std::string first_unreadable_time;
  // Of the unrecognised: lines and records dated before kClockFloor
  // (clock_step.h: a clock that was unset, stamping 1970-01-01): their
  // time is not used for any span, window, month or "since when"; the
  // first one's line and its time as written (ClockUnsetNote).
  uint64_t clock_unset = 0;
  uint64_t first_clock_unset_line = 0;
  std::string first_clock_unset;
  void ClockUnset(uint64_t line, std::string_view stamp) {
    if (clock_unset++ != 0) return;
    first_clock_unset_line = line;
    first_clock_unset = std::string(stamp.substr(0, 40));
  }
  // The other direction (clock_step.h kClockAllowance): lines and records
  // dated after clock_ceiling (a clock that ran ahead), or before
  // clock_file_floor (far before the date the file gives itself), read as
  // the ones above are; the first one's line, time as written and the
  // bound it broke ("after now", "more than a day before the file name's
  // 2026-12-01T09Z").
  uint64_t clock_ahead = 0;
  uint64_t first_clock_ahead_line = 0;
  std::string first_clock_ahead, first_clock_ahead_why;
  void ClockAhead(uint64_t line, std::string_view stamp, std::string_view why) {
    if (clock_ahead++ != 0) return;
    first_clock_ahead_line = line;
    first_clock_ahead = std::string(stamp.substr(0, 40));
    first_clock_ahead_why = std::string(why);
  }
  // Of the unrecognised: trace records whose recipient cell holds no
  // address (an Exchange SEND or FAIL with an empty recipient-address, an
  // export's empty Recipients or RecipientAddress, a historical search's
  // empty recipient_status): an event of a delivery to nobody known, which
  // may be the one to a look-alike. Each is also not understood, so the
  // report is INCOMPLETE (issue-16 tester round 35, item 1). The first
  // one's line and the cell's heading as the file names it.
  uint64_t empty_recipients = 0;
  uint64_t first_empty_recipient_line = 0;
  std::string first_empty_recipient_heading;
  // Of the unrecognised: trace records whose field count is not their
  // header's (an unquoted comma in a field, a record cut short): read
  // misaligned they would put one column's value under another, so none is
  // read. The first one's line, its fields and the header's (issue-16
  // tester16, F4: the refusal did not say why).
  uint64_t wrong_field_counts = 0;
  uint64_t first_wrong_fields_line = 0;
  uint64_t first_wrong_fields_found = 0, first_wrong_fields_expected = 0;
  // Trace rows whose time is a wall clock the file names no zone of
  // (Get-MessageTrackingLog | Export-Csv's Timestamp, trace_log.h): read
  // in the run's zone (log_zone.h). When that zone was not stated
  // (--log-zone), those the window (audit --since, --until) leaves out
  // by less than kZoneSpread, the widest a zone's offset makes the
  // difference (UTC-12 to UTC+14), may be inside it: the report is
  // incomplete. The first one's line.
  uint64_t local_time_rows = 0;
  uint64_t zone_edge_rows = 0;
  uint64_t first_zone_edge_line = 0;
  static constexpr int64_t kZoneSpread = 14 * 3600;
  // The same for a Postfix delivery line whose time has no zone (an RFC
  // 3164 stamp) read in a zone not stated: its delivery may be inside the
  // window (issue-16 tester round 54, finding 2). The first one's line.
  uint64_t zone_edge_deliveries = 0;
  uint64_t first_zone_edge_delivery_line = 0;
  // Whether `utc`, read in a zone not stated, is left out by the window
  // (window_from, window_to) by less than kZoneSpread: in the zone it was
  // written in it may be inside it.
  bool NearWindowEdge(int64_t utc) const {
    return (window_from != 0 && utc < window_from && window_from - utc <= kZoneSpread) ||
           (window_to != 0 && utc >= window_to && utc - window_to < kZoneSpread);
  }
  // Of the unrecognised: trace rows under a header after the first (two
  // exports joined with cat) that names no form's every column: which
  // column is which is not known, so none is read (each also not
  // understood). The first such header's line and the columns it lacks
  // ("Status", "RecipientAddress, Status").
  uint64_t rows_under_bad_header = 0;
  uint64_t bad_header_line = 0;
  std::string bad_header_lacks;
  // Of the unrecognised: slash dates that are no date in the order stated
  // (--date-order mdy for "17/09/2026"), the first one's line, its date
  // and the order stated ("mdy", "dmy").
  uint64_t wrong_order_dates = 0;
  uint64_t first_wrong_order_date_line = 0;
  std::string first_wrong_order_date;
  std::string stated_order;
  // Of the recognised lines, what the delivery reader made of them.
  // Delivery attempts read, one meaning for every form: one recipient's
  // outcome at one delivery as the file records it. A Postfix "to=<...>"
  // line with a status (a hand-off to a content filter is one); a qmgr
  // expiry, one per recipient it gives up on (one when the log showed none
  // deferred); one per recipient a milter, a check or an access map
  // stopped; an Exchange SEND, FAIL or DEFER event, one per recipient in
  // its recipient-address; a Microsoft 365 trace row; a historical search
  // recipient entry. Not: probes, internal hops, what was not understood.
  uint64_t delivery_lines = 0;
  uint64_t probes = 0;          // address verification probes: not deliveries
  // Recipients a milter or a header/body check rejected, held or
  // discarded before delivery (maillog/postfix_actions.h): each an attempt
  // with that outcome, counted in delivery_lines too.
  uint64_t stopped = 0;
  // Of the delivery lines: "status=SOFTBOUNCE" (Postfix soft_bounce = yes):
  // the message would have bounced and stays queued; counted as deferred,
  // not delivered.
  uint64_t soft_bounces = 0;
  uint64_t hand_offs = 0;       // to a content filter or another instance, followed
  // Exchange events between the organisation's own servers or into its own
  // mailboxes (trace_log.h): the message had not left; not attempts.
  uint64_t internal_hops = 0;
  // Postfix deliveries into a mailbox on this host: local(8) or virtual(8)
  // (relay=local, relay=virtual), or LMTP to a UNIX-domain socket
  // (relay=HOST[private/dovecot-lmtp]), or pipe(8) into a mailbox program
  // (relay=dovecot: postfix_delivery.cc). The mail did not leave this host:
  // not attempts, shown apart (breaker round 3 §11). The first one's line.
  uint64_t local_deliveries = 0;
  uint64_t first_local_delivery_line = 0;
  // Trace rows and events whose recipient was replaced by others, so are
  // not deliveries: a Microsoft 365 row with Status Expanded (a group, its
  // members have rows of their own) or Resolved (an address resolved to
  // another, which has its own row); Exchange's EXPAND, RESOLVE, REDIRECT
  // and the like; a historical-search recipient whose last event is one.
  // Counted per file (with the first one's line) so that no row is left
  // out without a word.
  uint64_t replaced = 0;
  uint64_t first_replaced_line = 0;
  // Postfix lines that apply to a message this reader no longer (or never)
  // held: a line of a queue id let go while a recipient of it was still
  // queued (only past max_queues: postfix_log.h), postsuper's "released
  // from hold" of a message not seen held, qmgr's expiry of a message with
  // no deferred recipient seen. What they did to which recipient cannot be
  // told: counted, named, and the report is INCOMPLETE (issue-16 tester
  // round 34, item 2), never applied to nobody without a word.
  uint64_t orphan_lines = 0;
  uint64_t first_orphan_line = 0;
  // Zero bytes after a gzip file's last member: padding, skipped as gzip
  // does, said with the file (GzipPaddingNote; gzip_stream.h).
  uint64_t gzip_padding = 0;
  // Lines in which the logging system says it lost lines (loss_notice.h:
  // rsyslog's rate limit or a suspended action, journald's suppression,
  // syslog-ng's full queue): a lost line may be the delivery to a
  // look-alike, so the report is INCOMPLETE (issue-16 tester16, F11). How
  // many, the sum of the counts they state (0 for one that states none),
  // the first one's line and text (at most kExcerpt bytes).
  uint64_t loss_notices = 0, lost_said = 0;
  uint64_t first_loss_notice_line = 0;
  std::string first_loss_notice;
  // Recipients Postfix's qmgr took on (nrcpt= of its from= line) with no
  // line of theirs (delivery, deferral, hand-off, bounce) before qmgr's
  // "removed": qmgr removes a message only once each recipient has an
  // outcome (qmgr_active.c), so their lines are missing from the log. The
  // first such "removed" line.
  uint64_t missing_outcomes = 0;
  uint64_t first_missing_outcome_line = 0;
  uint64_t not_understood = 0;  // looked like a delivery line, did not parse
  uint64_t first_not_understood_line = 0;
  std::string first_not_understood;  // at most kExcerpt bytes
  // Their lines, the first kMaxNamed: each one named, not only the first
  // (issue-16 tester round 43, finding 20).
  std::vector<uint64_t> not_understood_at;
  static constexpr size_t kMaxNamed = 10;
  // The recipients those lines name, read leniently ("to=<a@b>", "to=a@b",
  // "TO=<a@b>": UnreadRecipient), with their lines, the first
  // kMaxUnreadRecipients: a line this reader cannot read may name a
  // look-alike, which the report then says (finding 6).
  std::vector<std::pair<uint64_t, std::string>> unread_recipients;
  static constexpr size_t kMaxUnreadRecipients = 32;
  // Of the not understood: trace records read in part, whose recipients
  // are still delivered to the report with what could not be read left
  // unknown: a sender that is not one address (the sender unknown), SMTP
  // replies that do not say which recipient a refusal was for (the
  // outcome unknown). Their deliveries are counted, so a report must not
  // say they are left out (issue-16 tester, round 8, defect 5).
  uint64_t read_in_part = 0;
  uint64_t first_read_in_part_line = 0;
  // Of the not understood: Postfix delivery lines cut short, ending before
  // their closing ')' (postfix_fields.h ReadCutDelivery: a syslog
  // message-size limit); those whose recipient was read are read in part
  // too (their recipient in the report, what the cut took unknown). The
  // first one's line, its length in bytes and what the cut took ("its
  // reply's end", "its status", "its recipient").
  uint64_t cut_lines = 0;
  uint64_t first_cut_line = 0, first_cut_bytes = 0;
  // Lines holding a run of NUL bytes, what a crash leaves of the page being
  // written; syslog appends the next whole line after them. The part
  // before the run is read as a line cut short, the part after as the line
  // it is, under the same line number (postfix_log.cc). The first one's
  // line and how many NULs it held.
  uint64_t nul_runs = 0;
  uint64_t first_nul_line = 0, first_nul_bytes = 0;
  // Runs of NUL bytes at a line's start: a hole where whole lines were
  // being written when the machine stopped (round 48's tester 16, finding
  // 2). What they held is lost: the report is INCOMPLETE. The first one's
  // line and length.
  uint64_t nul_holes = 0;
  uint64_t first_nul_hole_line = 0, first_nul_hole_bytes = 0;
  std::string first_cut_took;
  // Of the not understood: delivery lines whose recipient names no domain
  // the guard can judge (JudgeableRecipient, postfix_fields.h).
  uint64_t unparsable_recipients = 0;
  uint64_t first_unparsable_recipient_line = 0;
  // Of those: recipients whose address parses but whose domain the
  // guard's own check refuses (DomainCheck: a public suffix itself such as
  // gov.uk, a bad xn-- label, a label starting with '-'), the first one's
  // line, its recipient as logged (an excerpt) and the check's reason
  // (DomainWhy; "" when none was given): the report names the address,
  // never the domain alone ("wes@[198.51.100.30]: IP literal ...").
  uint64_t no_mail_domains = 0;
  uint64_t first_no_mail_domain_line = 0;
  std::string first_no_mail_domain_recipient, first_no_mail_domain_why;
  // Of the not understood: delivery lines of another mail server
  // (OtherMailServerDelivery, log_line.h: Exim, Sendmail, OpenSMTPD, ...),
  // which this reader does not read: each may be a delivery to a
  // look-alike, so each is counted and the first named, and the report is
  // INCOMPLETE. The first one's line and the server's name.
  uint64_t other_server_lines = 0;
  uint64_t first_other_server_line = 0;
  std::string first_other_server;
  // Learning only (PostfixLogOptions::learning): delivery lines whose
  // recipient's domain is malformed (engine/malformed_domain.h), skipped:
  // never learned. The first one's line and recipient (at most kExcerpt
  // bytes, as logged).
  uint64_t skipped_domains = 0;
  uint64_t first_skipped_domain_line = 0;
  std::string first_skipped_domain;
  // Learning only: trace rows of mail the organisation received (their
  // direction column says "Incoming", or their sender's domain is not the
  // organisation's), and rows whose direction cannot be told (no direction
  // column and no organisation domains given); both skipped: learning is
  // about who the organisation writes to. The first of each's line.
  uint64_t inbound_rows = 0;
  uint64_t first_inbound_row_line = 0;
  uint64_t direction_unknown_rows = 0;
  uint64_t first_direction_unknown_line = 0;
  // Learning only: delivery lines (trace rows) of mail from the null
  // sender <> (RFC 5321 4.5.5: a bounce or other delivery status notice
  // the mail system wrote), skipped: no sender chose that recipient, so
  // there is no correspondence to learn. The first one's line.
  uint64_t bounces = 0;
  uint64_t first_bounce_line = 0;
  // Learning only: deliveries of a copy a mailbox sent on (an inbox rule's
  // forward, a REDIRECT: TraceLog's forward hops), skipped: the sender
  // chose the mailbox, not its target (round 52's tester 16, finding 5).
  uint64_t forwards = 0;
  uint64_t first_forward_line = 0;
  // The first line at which lines without a year (BSD syslog) had run
  // twelve months or more: dates from there on may be a year off
  // (LineParser::span_over_year). 0: not reached.
  uint64_t year_span_line = 0;
  // The first line whose date steps back more than a day from the line
  // before (LineParser::TakeStepBack: a concatenation out of order), and
  // by how many seconds; how many such lines. 0: none.
  uint64_t step_back_line = 0;
  int64_t step_back_seconds = 0;
  uint64_t step_backs = 0;
  // Lines dated before an earlier line within kMaxClockStep (clock_step.h:
  // a daylight-saving fall-back, an NTP correction): from a Postfix log,
  // those of a message dated before its own earlier line; from an
  // Exchange log, any. The first one's line, the earlier line's, the
  // step's size in seconds; how many. 0: none (ClockStepNote).
  uint64_t clock_steps = 0;
  uint64_t clock_step_line = 0, clock_step_from_line = 0;
  int64_t clock_step_seconds = 0;
  bool clock_step_same_message = false;
  void ClockStep(uint64_t line, uint64_t from_line, int64_t seconds, bool same_message) {
    if (clock_steps++ != 0) return;
    clock_step_line = line;
    clock_step_from_line = from_line;
    clock_step_seconds = seconds;
    clock_step_same_message = same_message;
  }
  // Trace rows whose time has no seconds (trace_time.h ToTheMinute: a
  // trace Excel saved), read as :00; the first one's line.
  uint64_t minute_times = 0;
  uint64_t first_minute_time_line = 0;
  // Set when this file's year and the one carried on from the previous
  // file of its rotated set differ (PostfixLog::BeginFile): which was taken
  // and why.
  std::string year_not_carried;
  // Set at the file of a rotated set where both clocks are first seen:
  // times without a zone (RFC 3164) and times with an offset (RFC 3339),
  // which zone the former were read in (log_zone.h), and the advice
  // (PostfixLog::NoteClocks); "" when not.
  std::string mixed_clocks;
  // Lines of this file (journalctl -o short-full) whose zone abbreviation
  // the run's zone does not write at their time ("CEST" read with
  // --log-zone America/New_York, or with none): said, with the advice
  // (PostfixLog::NoteClocks); "" when none.
  std::string zone_abbreviation;
  // The first line whose 29 February fell in a year without one (--year,
  // or carried on from a rotated set): never read as 1 March; ReadLog
  // fails naming it. 0: none. `impossible_date_year` is that year.
  uint64_t impossible_date_line = 0;
  int impossible_date_year = 0;
  // The earliest and latest log time of its recognised lines (seconds;
  // 0: none), whatever their order in the file; of those in the window
  // below only, when one is set: the span of what was counted.
  int64_t first_time = 0, last_time = 0;
  // The same, window aside: the span the file's lines cover whether or not
  // the window reaches it, so a window the logs do not reach at all is a
  // gap said with the dates the logs do cover (investigate/coverage.h).
  int64_t read_first_time = 0, read_last_time = 0;
  // The stretches inside that span none of its lines falls in (line_holes.h).
  LineHoles holes;
  // Where each one's zone came from (shown_time.h), and how many lines'
  // or records' times were written with none and read in the run's zone
  // (the HTML footer says which files, and in which zone).
  ZoneSource first_zone = ZoneSource::kInput, last_zone = ZoneSource::kInput;
  uint64_t zoneless_times = 0;
  // Postfix lines whose UTC is known (PostfixLog::mixed_zones; the run's
  // note on mixed zones names their files).
  uint64_t known_zone_postfix_lines = 0;
  // An Exchange tracking log's "#Date:" directives (the UTC day each part
  // began, seconds since the epoch at 00:00), in file order, each once: a
  // file of several days' parts joined, or one renamed (EX01-2025-11-03.log),
  // says by them which days it holds when its name no longer does
  // (investigate/tracking_log_names.h; round 50's tester 16, finding 1).
  // With each, the servers its part's rows name as the one logging them
  // (ExchangeDay::servers, log_sources.h): a day is judged per server
  // (round 51's tester 16, finding 2).
  using ExchangeDay = maillog::ExchangeDay;
  static constexpr size_t kMaxDayServers = maillog::kMaxDayServers;
  std::vector<ExchangeDay> exchange_days;
  // A trace export (Get-MessageTrace, Get-MessageTraceV2,
  // Get-MessageTrackingLog | Export-Csv) with a run of exactly
  // kDefaultPageRows or kLargestPageRows rows under one header: the
  // cmdlet's page, most likely cut there (trace_log.cc PageEnd); the
  // count and the cmdlet; 0 and "" when not. The window a
  // Get-MessageTrace export asked for, from its StartDate and EndDate
  // columns (seconds, UTC; 0: none): rows that do not reach it are a gap
  // (investigate/coverage.h).
  // Each host's earliest and latest line, Postfix's lines only, in the
  // window (the syslog header's host: "mx1", "mx2"), the first kMaxHosts
  // hosts: coverage is judged per host as well as over all logs
  // (investigate/coverage.h), so one gateway's missing logs are seen
  // while another's run on (issue-16 tester round 44, finding 3).
  using HostSpan = maillog::HostSpan;  // log_sources.h
  std::vector<HostSpan> host_spans;
  static constexpr size_t kMaxHosts = 32;
  // Each host's earliest and latest line whatever the window (NoteHost): a
  // host none of whose lines is in it is still a source that does not reach
  // it (investigate/window_sources.h; round 57's tester 16, finding 2).
  using HostRead = maillog::HostRead;  // log_sources.h
  std::vector<HostRead> hosts_read;
  void NoteHostRead(std::string_view host, int64_t time);
  void NoteHost(std::string_view host, int64_t time, ZoneSource zone);
  // A full page another page of the same file continues is no cut (its
  // times, page_oldest..page_newest, below): page_rows is then 0. One
  // continued by another file's rows is judged over all the files given
  // (PageContinued, below; investigate/coverage_names.cc).
  uint64_t page_rows = 0;
  std::string page_cmdlet;
  int64_t page_oldest = 0, page_newest = 0;
  int64_t asked_from = 0, asked_to = 0;
  // Recognised lines whose stamps carry no year (the rfc3164 forms), the
  // span they were dated to, and how their year was chosen when no --year
  // gave it (ReadLog: "the latest year that puts ... after its modification
  // time ..."); "" when --year gave it. YearNote says it.
  uint64_t yearless = 0;
  int64_t first_yearless_time = 0, last_yearless_time = 0;
  std::string year_from;
  // The bound the year was inferred from (year_anchor.h YearBound::wall,
  // the zone slack in it; 0: none, --year gave it or a dated line did).
  // A yearless line dated after it all the same (a stray line out of order,
  // a clock set wrong: `Dec 31 23:59:00` in a November log) breaks the
  // rule YearNote states, so it is counted here and left out of the time
  // covered (first_time, last_time, first/last_yearless_time): the span
  // never runs past the modification time or now (issue-16 tester round
  // 56, finding 3).
  int64_t year_bound = 0;
  uint64_t after_year_bound = 0;
  uint64_t first_after_year_bound_line = 0;
  int64_t first_after_year_bound_time = 0;
  // The --year the file was dated from (its own first line's, or its
  // rotated set's oldest file's); 0: none given. The warnings about its
  // dates then advise no --year (YearSpanWarning).
  int year_given = 0;
  // The window of log time the report counts (audit --since, --until):
  // [window_from, window_to), 0 an open end. Lines outside it are read
  // (a message's earlier lines give its sender and its first attempt) but
  // their deliveries are not counted: how many, before and after it.
  // Trace records count one each.
  int64_t window_from = 0, window_to = 0;
  uint64_t before_window = 0, after_window = 0;
  // The latest time of a line before window_from (0: none) and its zone:
  // a gap at the window's start is then one between two of this file's
  // lines, not a file that starts late (investigate/coverage.h).
  int64_t last_before_window = 0;
  ZoneSource last_before_window_zone = ZoneSource::kInput;
  // Why the input could not be read, whole or in part (cannot open, a
  // cut-off .gz, invalid UTF-16, a directory that holds no logs); "" when
  // it was. Shown with the file in every report so a failed input never
  // reads as "nothing left out".
  std::string error;
  // Why the file is refused whole though its lines were read ("FILE:LINE:
  // ..."): a form that would be read wrong, so recipients would be lost
  // without a word (trace_log.h: Export-Csv's "System.String[]"). ReadLog
  // returns it as its error. "" when not.
  std::string refused;
  // SEND events of a Get-MessageTrackingLog export with no RecipientStatus
  // column (trace_log.h kNoReplyColumn): a refusal of any recipient is not
  // in the file, so theirs are "unknown"; the first one's line.
  uint64_t sends_without_replies = 0, first_send_without_replies_line = 0;

  static constexpr size_t kExcerpt = 100;

  void Add(std::string_view line, const LogLine* parsed);
  // A recognised line's or record's time: within the window, it widens
  // first_time..last_time; else it is counted before or after it.
  // `line`: its line number (0: the line just Added).
  void NoteTime(int64_t time, ZoneSource zone, uint64_t line = 0);
  // The line just Added is a notice that `said` lines were lost (0: none
  // stated), or the "removed" of a message that leaves `recipients`
  // without a line (loss_notice.cc).
  void LossNotice(std::string_view line, uint64_t said);
  void MissingOutcomes(uint64_t recipients);
  // The line just Added is a delivery line cut short (cut_lines), which
  // took `took`; `read_in_part`: its recipient was read.
  void CutLine(std::string_view line, std::string_view took, bool read_in_part);
  // The line just Added looked like a delivery line and did not parse.
  void NotUnderstood(std::string_view line);
  // The recipient a line not understood names, read leniently: after
  // "to=" in any case (not "orig_to="), up to '>' when it starts with '<',
  // else up to ',' or a blank; "" when none holds an '@'.
  static std::string_view UnreadRecipient(std::string_view line);
  // A container's partial records (CRI "P") that the file ended before the
  // full record completing them: counted recognised as read, their line
  // was never whole, so one of them moves to `unrecognised` (the file's
  // last line named), never dropped without a word.
  void UnfinishedRecord(std::string_view text, LineFormat format);
  // The line just Added is a delivery to a recipient that cannot be
  // judged: not understood, and counted as such.
  void UnparsableRecipient(std::string_view line);
  // The line just Added is a delivery line of the mail server `server`
  // (OtherMailServerDelivery): not understood, and counted as such.
  void OtherServer(std::string_view line, std::string_view server);
  // Of those, `recipient`, whose domain the DomainCheck refused, for
  // `why`, at `line` (0: the line just Added).
  void NoMailDomain(std::string_view recipient, std::string why, uint64_t line = 0);
  // A delivery to `recipient` whose domain is malformed, skipped
  // (learning), at `line` (0: the line just Added).
  void SkippedDomain(std::string_view recipient, uint64_t line = 0);
  // Times without a zone that the named zone's daylight-saving change
  // repeats ("ambiguous") or skips ("nonexistent"), read with the offset
  // before it (log_zone.h ClassifyWall): counted, the first one's line and
  // time kept, said by OddWalls (round 52's tester 16, finding 7).
  uint64_t walls_repeated = 0, walls_skipped = 0;
  uint64_t first_odd_wall_line = 0;
  int64_t first_odd_wall_time = 0;
  void OddWall(bool repeated, uint64_t line, int64_t time);
  uint64_t non_empty() const { return recognised + unrecognised; }
  // The most frequent recognised form; kNone when nothing was recognised.
  LineFormat main_format() const;
};

// True when rows from `first` to `last` (seconds) continue the full page
// `page` holds (LineCounts::page_rows): the next page of the same query,
// which Get-MessageTrace (-Page N+1) and Get-MessageTraceV2 (-EndDate and
// -StartingRecipientAddress of the page's last row) start where the page
// stops: its newest row at most a minute after the page's oldest and at
// most a day before it (newest first, as the cmdlets give them), or,
// sorted the other way, its oldest at the page's newest as well.
bool PageContinued(const LineCounts& page, int64_t first, int64_t last);

// Ok when the file was read: no non-empty lines, or some recognised and at
// least `min_percent` of the non-empty ones. Otherwise ParseError naming
// FILE:LINE of the first unrecognised line and what was counted.
Status CheckRecognised(const LineCounts& counts, int min_percent);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_LINE_COUNTS_H_
