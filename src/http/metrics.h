// Prometheus counters for the API, rendered in the text exposition format
// with the nearmiss_ prefix: checks by answer, recipients by class, check
// latency, HTTP responses by status, plus gauges the server samples at
// scrape time (held messages, milter messages, policy generation, the
// decision-record writer's counters and spool depth).
//
// Thread safety: Observe* are lock-free (relaxed atomics) and may run on
// every request thread; Render may run concurrently with them.
#ifndef NEARMISS_HTTP_METRICS_H_
#define NEARMISS_HTTP_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "http/check_service.h"
#include "journal/store_writer.h"
#include "nearmiss/verdict.h"

namespace nearmiss::http {

// Sampled when /metrics is scraped; a negative value is left out.
struct Gauges {
  int64_t held_messages = -1;
  int64_t milter_messages = -1;  // decisions read from the milter's log
  int64_t milter_sessions = -1;  // distinct milter sessions seen there
  int64_t milter_errors = -1;    // its fail-action ("error") lines
  int64_t milter_incomplete = -1;  // its messages not read to the end
  int64_t milter_dns_unknown = -1;  // its recipients judged on an unanswered lookup
  int64_t policy_generation = 0;
  // What the serving engine's history holds (EngineStats): 0 and 0 is an
  // empty history, warned about at start (daemon/single_server.h).
  int64_t history_domains = -1;
  int64_t history_correspondents = -1;
  // Checks answered by an engine whose history was empty, since start.
  int64_t decisions_without_history = -1;
  int64_t audit_records = -1;
  // The store writer's counters, with --store.
  std::optional<journal::JournalStats> journal;
  // The milter's, as last reported in its log (--milter-log).
  std::optional<journal::JournalStats> milter_journal;
};

class Metrics {
 public:
  // Latency bucket upper bounds, seconds; the last bucket is +Inf.
  static constexpr std::array<double, 10> kBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025,
                                                      0.005,  0.01,    0.025,  0.1,   1.0};

  void ObserveCheck(ClientAction action, const DecisionRecord& record, double seconds);
  // The fail-closed paths a check took (docs/fail-closed.md): the check
  // failed (on_error), the content was not read to the end
  // (incomplete_level), recipients that could not be judged (on_invalid).
  void ObserveFailClosed(const CheckAnswer& answer);
  void ObserveResponse(int status);
  std::string Render(const Gauges& g) const;

 private:
  std::array<std::atomic<uint64_t>, 3> checks_{};    // by ClientAction
  std::array<std::atomic<uint64_t>, 6> policy_{};    // by Action
  std::array<std::atomic<uint64_t>, 5> verdicts_{};  // by Verdict
  std::array<std::atomic<uint64_t>, 3> fail_closed_{};  // by kFailPaths
  std::array<std::atomic<uint64_t>, kBuckets.size() + 1> latency_{};
  std::atomic<uint64_t> latency_sum_ns_{0};
  // 2xx..5xx, and the statuses a client or operator watches on their own.
  std::array<std::atomic<uint64_t>, 11> responses_{};
};

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_METRICS_H_
