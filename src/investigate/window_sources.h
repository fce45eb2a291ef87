// Sources whose logs do not reach the window at all, beside others whose
// logs are in it: each Postfix host (LineCounts::hosts_read), each Exchange
// server (the server a tracking log's rows name, TrackingLogServer), and
// each trace export file (a Microsoft 365 message trace, a historical
// search, a Get-MessageTrackingLog export: each file its own source, as it
// may be of another window or filtered by sender or recipient, which the
// file does not say; the pages of one query, a file continuing another's
// full page (maillog::PageContinued) or asking the same StartDate and
// EndDate, one source), and Exchange tracking logs naming no server (one
// source). A window (audit --since, --until) one source's
// lines all fall before or after, while another's are in it, is a window
// that source's mail is in no log given: as a window no line of any log
// reaches (coverage.h, round 56b's tester 16, finding 1), it is a gap
// however short, said with the source ("Postfix host mail: no log line in
// the window (...); its logs end 2026-11-30 ..."), the report INCOMPLETE
// and the exit 2 (round 57's tester 16, finding 2: adding a second
// server's log must never turn an incomplete report into a complete one).
// Not when the source's lines run across the window (before and after
// it), nor for a window yet to come. A source with lines in the window but
// not to its ends is HostGaps' (coverage.cc) and ServerGaps'
// (server_coverage.h), and where every log stops short, CoverageGaps'.
//
// Thread safety: pure functions.
#ifndef NEARMISS_INVESTIGATE_WINDOW_SOURCES_H_
#define NEARMISS_INVESTIGATE_WINDOW_SOURCES_H_

#include <string>
#include <vector>

#include "investigate/report.h"

namespace nearmiss::investigate {

// Each such source's gap in words, appended to `out`.
void UnreachedSources(const Report& report, std::vector<std::string>& out);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_WINDOW_SOURCES_H_
