// Where a log's lines came from, as LineCounts (line_counts.h) keeps it per
// file: each Exchange tracking log day's servers, each syslog host's span in
// the audit window and whatever the window. Split from line_counts.h in
// round 63 without change of behaviour; LineCounts names each type as
// before (LineCounts::HostSpan, ::HostRead, ::ExchangeDay).
//
// Shapes: plain values, times in seconds since the epoch (UTC), a host or
// server as written in the log. Ownership: each owns its strings. Thread
// safety: value types. Errors: none; the bounds (kMaxDayServers, and
// LineCounts::kMaxHosts on the vectors of these) cap what is kept, never
// fail. Rules: Microsoft's message tracking log fields (client-hostname,
// server-hostname) and the syslog header's host (RFC 3164 section 4.1.2,
// RFC 5424 section 6.2.4).
#ifndef NEARMISS_MAILLOG_LOG_SOURCES_H_
#define NEARMISS_MAILLOG_LOG_SOURCES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "maillog/shown_time.h"  // ZoneSource

namespace nearmiss::maillog {

// How many servers one Exchange day keeps (ExchangeDay::servers).
inline constexpr size_t kMaxDayServers = 16;

// One "#Date:" directive of an Exchange tracking log (the UTC day its part
// began, seconds since the epoch at 00:00) and the servers its rows name.
struct ExchangeDay {
  int64_t day = 0;
  // The local server of each row (client-hostname of a SEND, whose
  // client is the server sending; server-hostname of every other event,
  // the server it happened on: Microsoft's message tracking log fields),
  // its first label as written ("EX01" of EX01.army.mil), the first
  // kMaxDayServers of them with how many rows named each.
  std::vector<std::pair<std::string, uint64_t>> servers;
};

// One host's earliest and latest Postfix line in the audit window, with
// where each time's zone came from (LineCounts::host_spans).
struct HostSpan {
  std::string host;
  int64_t first = 0, last = 0;
  ZoneSource first_zone = ZoneSource::kInput, last_zone = ZoneSource::kInput;
};

// One host's earliest and latest line whatever the window
// (LineCounts::hosts_read).
struct HostRead {
  std::string host;
  int64_t first = 0, last = 0;
};

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_LOG_SOURCES_H_
