// The time each server's logs cover, where a set holds several servers'
// logs: one overall span hides a server whose logs end days before the
// others' (round 52's tester 16, finding 1), and what it sent then is in no
// log given.
//
// Sources: each Exchange server's tracking logs (TrackingLogSource: a
// MSGTRK series, "EX01_MSGTRK*.LOG", or the server a joined file's rows
// name), and each host of the Postfix lines (LineCounts::host_spans). Each
// source's span is its files' (hosts' lines') earliest to latest time, in
// the window when one is set.
//
// A gap of an Exchange server: while the other servers' logs run on, more
// than kServerGapSeconds (a day) with no event of it, at the start or the
// end of its logs. Exchange starts a tracking log for each UTC day it
// writes an event in, and a server in use writes every day, its health
// probes too (Microsoft's "Message tracking" page), so a server silent for
// a whole day while its peers log is a server whose log of those days was
// not given (or was stopped). Its peers are the servers whose spans overlap
// its own (a server that replaced another is no gap). Gaps between two of
// its days are DayHoles' and DatedDayHoles' (tracking_log_names.h); a
// Postfix host's gaps are HostGaps' (coverage.cc), which know no such
// daily event and judge by kMinGapSeconds.
//
// Thread safety: pure functions.
#ifndef NEARMISS_INVESTIGATE_SERVER_COVERAGE_H_
#define NEARMISS_INVESTIGATE_SERVER_COVERAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "investigate/report.h"

namespace nearmiss::investigate {

inline constexpr int64_t kServerGapSeconds = 24 * 3600;

struct ServerSpan {
  std::string source;  // "EX01_MSGTRK*.LOG", "server EX01", "Postfix host mx1"
  bool exchange = false;
  int64_t first = 0, last = 0;      // seconds
  maillog::ZoneSource first_zone = maillog::ZoneSource::kInput,
                      last_zone = maillog::ZoneSource::kInput;  // maillog/shown_time.h
  std::string first_file, last_file;  // the files holding them
  uint64_t files = 0;               // files of the source read (0 for a host)
};

// Each source's span, Exchange servers first then Postfix hosts, each in
// name order; empty when the logs hold fewer than two sources of a kind.
std::vector<ServerSpan> ServerSpans(const Report& report);

// "EX01_MSGTRK*.LOG 2026-11-01T09:00:00 to 2026-11-10T09:00:00 (10 files);
// EX02_MSGTRK*.LOG 2026-11-01T09:00:00 to 2026-11-05T09:00:00 (5 files)":
// the spans when two sources' first or last days differ, "" when they
// agree (the overall span then says it).
std::string ServerCoverageText(const Report& report);

// The Exchange servers' gaps (above), each in words: "EX02_MSGTRK*.LOG:
// no event of this server's logs for 5 days, from 2026-11-05T09:00:00 (its
// last, in EX02_MSGTRK20261105-1.LOG) to 2026-11-10T09:00:00 (the other
// servers' last); ...".
void ServerGaps(const Report& report, std::vector<std::string>& out);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_SERVER_COVERAGE_H_
