// The report's renderings: JSON Lines and CSV rows (for programs), a text
// summary (for a terminal) and one self-contained HTML page (for a board).
#ifndef NEARMISS_INVESTIGATE_RENDER_H_
#define NEARMISS_INVESTIGATE_RENDER_H_

#include <string>
#include <utility>
#include <vector>

#include "base/text_format.h"
#include "investigate/report.h"

namespace nearmiss::investigate {

// {"time","queue_id","from","to","domain","verdict","target","suggestion",
//  "status","relay"} ("time" as maillog::ShownTime writes it: "Z" where its
//  UTC is known, the wall clock read without one where it is a guess), plus "hops" after a hand-off; "orig_to" when the
//  server rewrote the address the sender gave (Row::orig_to);
//  "content_received": true on a row not delivered whose content reached
//  the receiving server at an attempt (Row::content_received); "level" (the common
//  scale's word) and "marking" (the message's own, with its caveats:
//  "SECRET//NOFORN"; only when it has caveats) for mailbox messages, traces
//  with a subject, and a log's delivery a Sent-folder copy joined; "source"
//  and "date_source" for mailbox messages. The CSV has every column, in
//  CsvHeader's order, empty where the JSON leaves a key out ("hops": the
//  hand-off chain, "4F2A1B3C via 127.0.0.1[127.0.0.1]:10024"; "orig_to"
//  and "next_queue_id" last, so the columns before them keep their
//  places). After a hand-off whose next server's log was not given,
//  "queue_id" is the id the given log holds and "next_queue_id" the one
//  the next server named ("queued as X"), which no log given holds.
//  "lookalike_hop" (and the CSV's last column): the next hop's host name
//  when it, not the recipient's domain, is under the flagged domain
//  (Row::lookalike_hop), with "reason" saying so.
std::string RowJson(const Row& row);
// A row's status as the rows show it (JSON, CSV, the HTML table): a Sent
// folder copy (a mailbox message, no queue id) is "in-sent-folder", never
// "sent", which in every log or trace row means accepted by the receiving
// server (breaker round 3 §4); the summary counts it apart the same way.
std::string RowStatus(const Row& row);
// What status "unknown" means, in every place a reader sees it (the text
// summary, the HTML's donut and legends; each row says the same with the
// relay named): the delivery was handed to another of the organisation's
// servers or a content filter, and its final delivery is not in the logs
// given (b16g item 3: "(sent on)" said neither).
inline constexpr std::string_view kOutcomeUnknown =
    "outcome unknown (final delivery not in the logs given)";
// The row's reason in words (the HTML's Why column): Row::reason, and
// when the server rewrote the address the sender gave (Row::orig_to),
// "the server rewrote the address X to Y (alias, virtual or canonical
// map, Postfix orig_to=)", or for a trace's row (its queue id is its
// Message-ID) "Exchange turned the address X into Y (... REDIRECT, EXPAND
// or RESOLVE, related-recipient-address)".
std::string RowReason(const Row& row);
// The reason of a row bounced after the end of DATA (Row::content_received).
inline constexpr std::string_view kRefusedAfterData =
    "refused only after the receiving server had the whole message (its reply answered the "
    "end of DATA, RFC 5321 4.1.1.4): the content, attachments included, reached that server";
// The reason of any other row not delivered whose content reached the
// receiving server at an attempt (Row::content_received).
inline constexpr std::string_view kContentAtAnAttempt =
    "the receiving server had the whole message at an attempt (a reply to the end of DATA, RFC "
    "5321 4.1.1.4, or the connection lost after it: Postfix's 'message may be sent more than "
    "once'): the content, attachments included, may have reached that server";
std::string CsvHeader();
std::string RowCsv(const Row& row);

// What the reports count, said once and shown in every form (the text's
// last line, the HTML's and so the PDF's footer): a flagged recipient is
// one recipient of one message at a look-alike or blocked domain, counted
// once by its latest outcome, whatever it is; an attempt is one outcome
// line for it; a file's delivery lines count every recipient's, flagged
// or not, hand-offs included (issue-16 tester16b, F9, F10).
inline constexpr std::string_view kCountedAs =
    "a flagged recipient is one recipient of one message at a look-alike or blocked domain, "
    "counted once by its latest outcome, whatever it is (a rejected, discarded or held one "
    "was never delivered; \"sent\" is accepted by the receiving server); an attempt is one "
    "outcome line for a flagged recipient (a hand-off to a content filter or another Postfix "
    "instance is a hop, not an attempt); a file's delivery lines (What was read) count "
    "every recipient's outcome lines in it, flagged or not, hand-offs included";

// kCountedAs, and when a flagged recipient's latest row is an Exchange
// event that did not end its delivery (Row::delivery_line false: a RECEIVE
// with no later event in the logs given), what that counts as: an attempt,
// outcome unknown, though no delivery line (issue-16 tester round 59,
// finding 2). counted_as.cc.
std::string CountedAs(const Report& report);

std::string ReportText(const Report& report);
// "INCOMPLETE: this report leaves out 3 log lines in no form this reader
// knows, 1 delivery line not understood and 1 input that could not be read,
// whole or in part; deliveries they hold are not counted in it. " + `where`
// (where the reader finds which); then, for flagged deliveries sent on to a
// server whose log was not given (Counts::unknown), "... the outcome of 2
// flagged deliveries: sent on to EDGE01, whose log was not given ...";
// "" when nothing was left out (Report::left_out). Text, HTML page 1 and --summary-json carry it.
std::string IncompleteNotice(const Report& report, const std::string& where);
// Whether the report left nothing out (Report::left_out): --summary-json's
// "complete", and what decides the exit (2 when false, cli/audit_run.cc).
bool ReportComplete(const Report& report);
// " (1 of them names a recipient at a look-alike or blocked domain:
// b1@gmial.com (nu.log:1))": the unread lines that name one
// (Report::unread_flagged); "" when none.
std::string UnreadFlagged(const Report& report);
// "b1@gmial.com (nu.log:1), b2@gmial.com (nu.log:2)": those named.
std::string UnreadFlaggedNamed(const Report& report);
// "Sent/: mailbox, 3 messages read, 1 file not read (first: Sent/cur/junk:
// not a message (it starts with no header field); not read)".
std::string DescribeMailbox(const MailboxRead& mailbox);
// One JSON object: what was read ("log_lines_read", "mailbox_messages_read",
// and per log file "lines_read", "empty_lines", "recognised_lines",
// "recognised_by_form", "postfix_lines", "unrecognised_lines",
// "first_unrecognised": {"line", "text"} or null, "empty_recipient_cells"
// (trace records whose recipient cell holds no address), "unparsable_recipients",
// "dates_may_be_ambiguous"; per mailbox "mailbox", "messages_read",
// "files_not_read", "first_not_read") and what was found
// ("flagged_deliveries": {"total", "sent", "bounced", "deferred"},
// "flagged_attempts").
std::string SummaryJson(const Report& report);

struct HtmlMeta {
  std::string title = "Look-alike domain exposure";
  std::string organisation;  // from the policy's organisation domains
  std::string policy;        // the policy's source
  std::string generated;     // "2024-03-31T12:00:00"
  std::string since;         // the --since date, if any
  // The report's own protective marking (--marking); "" to take it from
  // the data (the highest level of a flagged mailbox message) or, failing
  // that, to show none.
  std::string marking;
  // Set when `marking` is below the level the data shows and the
  // investigator kept it (--marking-below-data): the report says so under
  // its banner, in these words.
  std::string marking_warning;
  // The printed page (CSS @page size, which Chromium's print follows):
  // "A4" (ISO 216, what a UK or EU department prints on; the layout drawn
  // 4% smaller) or "letter" (audit --paper); "": none set, Chromium's own
  // (US Letter). A4 is not the default yet: with it the PDF checks of
  // tests/audit/report-pdf.sh fail (a wide table's "(postsuper -D)"
  // heading cut, the outcome key wrapped).
  std::string paper;
};
std::string ReportHtml(const Report& report, const HtmlMeta& meta);

// What the report's times are (times_note.cc; the HTML footer, and
// --summary-json's "times"): "Times ending in Z are UTC." and, for the
// inputs that wrote times without a zone, which were converted to UTC (read
// in --log-zone's zone) and which are shown as written, without Z (no zone
// named: maillog/shown_time.h), each input named.
std::string TimesNote(const Report& report);
// The run's note when Postfix logs whose times name their zone and logs
// whose times name none were read together (maillog::PostfixLog::
// mixed_zones; times_note.cc): each kind's files named, and that the
// hand-offs between them were followed within the hand-off window widened
// by the zone uncertainty (14 hours either way).
std::string MixedZonesNote(const Report& report);

// The window a report counts (audit --since, --until; window.cc).
struct WindowFigures {
  bool applied = false;
  std::string from, until;  // "2025-03-01"; --until's day is counted whole
  uint64_t lines_before = 0, lines_after = 0;  // log lines outside it, every file
  uint64_t messages_outside = 0;               // flagged mailbox messages outside it
  int64_t first = 0, last = 0;                 // the span of the lines counted; 0: none
  maillog::ZoneSource first_zone = maillog::ZoneSource::kInput,
                      last_zone = maillog::ZoneSource::kInput;  // maillog/shown_time.h
};
WindowFigures Window(const Report& report);
// "window applied: from 2025-03-01 (--since); 1,204 log lines before it read
// for their messages' senders and first attempts, their deliveries not
// counted; the log lines counted run from ... to ..."; "" when none.
std::string WindowText(const Report& report);
// The first section: how many messages went to look-alike domains, to
// which, from whom, how sensitive, since when (html_summary.cc).
std::string ExecutiveSummaryHtml(const Report& report, const HtmlMeta& meta);
// The section "What was read": a table of the log files (form, time
// covered, lines read, recognised, delivery attempts, what was left out
// and why) and one of the mailboxes (messages read, files not read);
// "" when neither was given (html_read.cc).
std::string ReadSectionHtml(const Report& report);
// "<code>xn--rmy-8cd.mil</code> (U-label)": a domain with its U-label
// beside it when `unicode` is not empty.
std::string DomainLabel(const std::string& domain, const std::string& unicode);

// SVG charts (html_charts.cc). Values are drawn in order given.
struct Bar {
  std::string label;
  std::string note;  // second line / tooltip ("looks like army.mil")
  // Stacked: sent (accepted by the receiving server), bounced, deferred,
  // expired, discarded, unknown, found in a Sent folder (delivery unknown),
  // rejected by a milter, held in the hold queue.
  std::vector<int64_t> parts;
};
// `title` names the chart for screen readers (aria-label).
std::string ColumnChartSvg(const std::vector<Bar>& bars, std::string_view title);
std::string BarListSvg(const std::vector<Bar>& bars);
// The ring (SVG) and its key (an HTML list whose entries wrap, each with
// its count): every label is shown whole, however long, however many.
std::string DonutSvg(const std::vector<std::pair<std::string, int64_t>>& slices);

// Escapes &, <, >, " and '; and shows invisible characters by name
// (ShowInvisible), so no sender, subject or file name rewrites the page
// around it.
std::string Html(std::string_view text);
// Counts a person reads: Thousands and Counted (base/text_format.h).
// `text` with Unicode's bidi controls (U+202A-U+202E, U+2066-U+2069,
// U+200E, U+200F, U+061C) and the other invisible format characters a
// name may hide (U+200B-U+200D, U+2060-U+2064, U+FEFF) written as
// "<U+202E>": an address holding a RIGHT-TO-LEFT OVERRIDE would otherwise
// reverse the rest of its line in a report (issue 16, breaker round 2
// §11). Other text is unchanged.
std::string ShowInvisible(std::string_view text);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_RENDER_H_
