// LeftOut: what the figures of an audit report leave out, in numbers
// (Report::left_out gives it, IncompleteNotice says it in words): lines
// not read or not understood, inputs not read, and deliveries whose
// outcome is in a log not given, with where the log read shows them.
//
// Thread safety: a plain value.
#ifndef NEARMISS_INVESTIGATE_LEFT_OUT_H_
#define NEARMISS_INVESTIGATE_LEFT_OUT_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace nearmiss::investigate {

struct LeftOut {
  uint64_t unrecognised_lines = 0;    // in no form the reader knows
  uint64_t not_understood_lines = 0;  // delivery lines that did not parse
  size_t inputs_not_read = 0;         // Report::unread(): whole or in part
  // Delivery lines not understood yet counted, their recipients in the
  // report with the sender or outcome unknown (LineCounts::read_in_part);
  // not in not_understood_lines, which are left out.
  uint64_t read_in_part_lines = 0;
  // Flagged deliveries sent on to a server whose log was not given
  // (Counts::unknown), and those servers (Exchange's next hops).
  int64_t outcome_unknown = 0;
  std::set<std::string> next_hops;
  // Of next_hops, each one's first line in the logs read that sent a
  // message on to it ("maillog:12", Row::where; the earliest by log time):
  // the line an investigator opens to see which message, and a hop the
  // reader took for another server's can be checked there.
  std::map<std::string, std::string> next_hop_lines;
  // Of outcome_unknown, Postfix hand-offs (a content filter, another
  // instance) whose next queue id's delivery is not in the logs, and a
  // few of them named "RELAY (queued as ID, said at FILE:LINE)" (at most
  // kNamedHandOffs).
  int64_t handed_unknown = 0;
  std::set<std::string> hand_offs;
  static constexpr size_t kNamedHandOffs = 5;
  // Postfix lines of a message not held (LineCounts::orphan_lines).
  uint64_t orphan_lines = 0;
  // Of not_understood_lines, another mail server's delivery lines
  // (LineCounts::other_server_lines), and the first: "Exim at
  // mainlog:3".
  uint64_t other_server_lines = 0;
  std::string first_other_server;
  // Notices in the logs that the logging system lost lines
  // (LineCounts::loss_notices), the lines they say were lost, and the
  // first ("maillog:4: 'imjournal: 2310 messages lost ...'"); recipients
  // queued and removed with no line of theirs (LineCounts::
  // missing_outcomes) and the first such "removed" ("maillog:9").
  // Of the delivery lines not understood, those cut short (LineCounts::
  // cut_lines), and the first one's words (maillog::CutLines).
  uint64_t cut_lines = 0;
  std::string first_cut;
  uint64_t loss_notices = 0, lost_said = 0;
  // Runs of NUL bytes in the logs (LineCounts::nul_runs + nul_holes): a
  // crash's hole where what was being written is lost; the first one's
  // "FILE:LINE" and length in bytes.
  uint64_t nul_runs = 0, first_nul_bytes = 0;
  std::string first_nul_run;
  std::string first_loss_notice;
  uint64_t missing_outcomes = 0;
  std::string first_missing_outcome;
  // Trace rows of a local time in a zone not stated that the window
  // leaves out by less than 14 hours (LineCounts::zone_edge_rows): they
  // may be inside it. The first: "te.csv:3".
  uint64_t zone_edge_rows = 0;
  std::string first_zone_edge;
  // The same for Postfix delivery lines of a time without a zone
  // (LineCounts::zone_edge_deliveries).
  uint64_t zone_edge_deliveries = 0;
  std::string first_zone_edge_delivery;
  // Spans of time no log read covers (coverage.h), each in words.
  std::vector<std::string> coverage_gaps;
  // Flagged recipients last seen deferred whose log goes on for more than
  // kQueueLifetime after that line with no other line of theirs: the
  // server retries a deferred recipient at least every
  // maximal_backoff_time (4000 s) and gives up after
  // maximal_queue_lifetime (5 days; Exchange's message expiration, 2), so
  // its delivery, bounce or expiry is in lines not given; "still waiting"
  // would be false (round 46's tester 16, finding 4). The first named
  // ("maillog:2").
  // Measured over the file's own log kind (a rotated set, an Exchange
  // server's daily files: all files of that kind given); those of them
  // Exchange's (its 2 days) counted apart too, for the words.
  // Recipients two inputs give opposite outcomes at the same time
  // ("Delivered" in one Microsoft 365 export, "Failed" in another): the
  // failure is counted, but the other input says the message arrived. The
  // first: "b1@army.ml: sent at B.csv:2, bounced at D.csv:2".
  uint64_t disagreements = 0;
  std::string first_disagreement;
  uint64_t stale_waits = 0, stale_exchange_waits = 0;
  std::string first_stale_wait;
  static constexpr int64_t kQueueLifetime = 5 * 86400;
  // Exchange Server's Set-TransportService -MessageExpirationTimeout
  // default, 2 days.
  static constexpr int64_t kExchangeExpiration = 2 * 86400;
  bool any() const {
    return !coverage_gaps.empty() || unrecognised_lines != 0 || not_understood_lines != 0 ||
           inputs_not_read != 0 ||
           outcome_unknown != 0 || read_in_part_lines != 0 || orphan_lines != 0 ||
           loss_notices != 0 || missing_outcomes != 0 || stale_waits != 0 || nul_runs != 0 ||
           disagreements != 0 || zone_edge_rows != 0 || zone_edge_deliveries != 0;
  }
};

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_LEFT_OUT_H_
