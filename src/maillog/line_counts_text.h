// What a log file's LineCounts say in words: the file's line in the text
// summary, its row of the HTML's "What was read" and the notes of
// --summary-json, each figure named for what it counts (line_counts.h has
// the counts; line_counts_text.cc, local_times.cc and records_not_read.cc write
// these).
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_LINE_COUNTS_TEXT_H_
#define NEARMISS_MAILLOG_LINE_COUNTS_TEXT_H_

#include <string>
#include <string_view>

#include "maillog/line_counts.h"

namespace nearmiss::maillog {

// "maillog: 21 lines read, 20 recognised (rfc3164), 16 from Postfix, 1 not
// recognised (first at maillog:7)": each figure named for what it counts.
std::string Describe(const LineCounts& counts);
// "1,024 zero bytes of padding after the gzip stream, skipped as gzip does
// (the stream was read in full)"; "" when none.
std::string GzipPaddingNote(const LineCounts& counts);

// Where the delivery lines not understood are: "first at FILE:20" for one,
// "at FILE:20, 21, 25" for several, "..., and 7 more" past kMaxNamed
// (issue-16 tester round 43, finding 20: every one named).
std::string NotUnderstoodAt(const LineCounts& counts);

// "of which 2 of another mail server, which this reader does not read
// (Exim; first at mainlog:3)"; "" when none.
std::string OtherServers(const LineCounts& counts);

// "2 to a domain that is no mail domain (first at maillog:4: 'gov.uk' is a
// public suffix, not a mail domain)"; "" when none.
std::string NoMailDomains(const LineCounts& counts);

// "3 with an ambiguous date (day or month first, which the file's dates do
// not decide: ...; first at trace.csv:5; give --date-order dmy or mdy to
// read them)", and for unreadable_times "2 with a time in no form this
// reader knows ('4/11/2025 3:02:11 P.M.', first at trace.csv:7; ...)";
// "" when none of either.
std::string AmbiguousDates(const LineCounts& counts);

// "its times are the exporting machine's local time (the file names no
// zone): read in UTC (the system's zone) and shown in UTC; give
// --log-zone ...", then the rows the window leaves out near its edge
// (LineCounts::local_time_rows, zone_edge_rows); "" when none
// (local_times.cc).
std::string LocalTimes(const LineCounts& counts);
// "1 delivery line the window leaves out by less than 14 hours (first at
// FILE:LINE) may be inside it in the zone they were written in; give
// --log-zone ..." (LineCounts::zone_edge_deliveries; local_times.cc); ""
// when none.
std::string ZoneEdgeDeliveries(const LineCounts& counts);
// "2 times ambiguous (...) and 1 nonexistent (...) in Europe/London, read
// with the offset in force before the change (...)": LineCounts::OddWall's
// (local_times.cc), "" when none.
std::string OddWalls(const LineCounts& counts);

// AmbiguousDates, then "2 whose recipient-address holds no address (first
// at MSGTRK.LOG:7; ...)" for empty_recipients, then "1 with a field count
// other than the header's (first at hs.csv:2: 14 fields where the header
// has 11; ...)" for wrong_field_counts; "" when none of them
// (records_not_read.cc).
std::string RecordsNotRead(const LineCounts& counts);

// "dates may be ambiguous: ..." for a file whose lines without a year span
// twelve months or more (noted at the line where they reach it, once per
// rotated set: year_span_line), or whose year did not carry on from the
// rotated set (year_not_carried), or that steps back (step_back_line); ""
// when none. `with_span` false leaves the twelve-month note out (a caller
// that gave it once already in the run).
std::string YearSpanWarning(const LineCounts& counts, bool with_span = true);
// `lead` + "1 line dated after the bound its year was read by, in the
// year the rest is read in (first at g.log:4, read as 2026-12-31T23:59:00;
// a line out of order or a clock set wrong): left out of the time the log
// covers" (LineCounts::after_year_bound); "" when none.
std::string AfterYearBound(const LineCounts& counts, std::string_view lead);

// "its 120 timestamps carry no year: read as 2025-11-03 to 2025-11-09,
// the latest year that puts no line after ...; give --year if they are
// from another year", once per file whose year was inferred; "" when it
// has no such line or --year gave the year.
std::string YearNote(const LineCounts& counts);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_LINE_COUNTS_TEXT_H_
