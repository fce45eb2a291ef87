#include "http/metrics.h"

#include <cstdio>

namespace nearmiss::http {
namespace {

constexpr int kStatuses[] = {200, 204, 400, 401, 403, 404, 405, 413, 429, 500, 502};
constexpr const char* kFailPaths[] = {"internal-error", "incomplete-scan", "invalid-recipient"};

void Line(std::string& out, const char* name, const std::string& labels, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  out += name;
  if (!labels.empty()) out += "{" + labels + "}";
  out += " ";
  out += buf;
  out += "\n";
}

void Head(std::string& out, const char* name, const char* type, const char* help) {
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

// The decision-record writer's counters as PREFIX_records_total{outcome},
// PREFIX_spool_depth and PREFIX_spool_torn_total; `whose` ends each help.
void JournalMetrics(std::string& out, const std::string& prefix, const std::string& whose,
                    const std::optional<journal::JournalStats>& stats) {
  if (!stats) return;
  const journal::JournalStats& j = *stats;
  std::string name = prefix + "_records_total";
  Head(out, name.c_str(), "counter",
       ("Decision records by outcome: written to the store, spooled while it failed, flushed "
        "from the spool to it, dropped" + whose + ".")
           .c_str());
  const std::pair<const char*, uint64_t> outcomes[] = {
      {"written", j.written}, {"spooled", j.spooled}, {"flushed", j.flushed},
      {"dropped", j.dropped}};
  for (const auto& [outcome, n] : outcomes) {
    Line(out, name.c_str(), std::string("outcome=\"") + outcome + "\"", static_cast<double>(n));
  }
  name = prefix + "_spool_depth";
  Head(out, name.c_str(), "gauge", ("Decision records waiting in the spool" + whose + ".").c_str());
  Line(out, name.c_str(), "", static_cast<double>(j.depth));
  name = prefix + "_spool_torn_total";
  Head(out, name.c_str(), "counter",
       ("Spool lines skipped as torn (a crash mid-write) or corrupt" + whose + ".").c_str());
  Line(out, name.c_str(), "", static_cast<double>(j.torn));
}

}  // namespace

void Metrics::ObserveCheck(ClientAction action, const DecisionRecord& record, double seconds) {
  checks_[static_cast<size_t>(action)].fetch_add(1, std::memory_order_relaxed);
  if (std::optional<Action> a = ParseAction(record.action)) {
    policy_[static_cast<size_t>(*a)].fetch_add(1, std::memory_order_relaxed);
  }
  for (const DecisionRecipient& r : record.recipients) {
    for (size_t v = 0; v < verdicts_.size(); ++v) {
      if (r.verdict == VerdictName(static_cast<Verdict>(v))) {
        verdicts_[v].fetch_add(1, std::memory_order_relaxed);
      }
    }
  }
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  latency_[b].fetch_add(1, std::memory_order_relaxed);
  latency_sum_ns_.fetch_add(static_cast<uint64_t>(seconds * 1e9), std::memory_order_relaxed);
}

void Metrics::ObserveFailClosed(const CheckAnswer& answer) {
  if (answer.unchecked) fail_closed_[0].fetch_add(1, std::memory_order_relaxed);
  if (answer.incomplete) fail_closed_[1].fetch_add(1, std::memory_order_relaxed);
  for (const DecisionRecipient& r : answer.record.recipients) {
    if (r.verdict == VerdictName(Verdict::kInvalid)) {
      fail_closed_[2].fetch_add(1, std::memory_order_relaxed);
    }
  }
}

void Metrics::ObserveResponse(int status) {
  for (size_t i = 0; i < std::size(kStatuses); ++i) {
    if (kStatuses[i] == status) {
      responses_[i].fetch_add(1, std::memory_order_relaxed);
      return;
    }
  }
}

std::string Metrics::Render(const Gauges& g) const {
  std::string out;
  out.reserve(4096);
  auto load = [](const std::atomic<uint64_t>& a) {
    return static_cast<double>(a.load(std::memory_order_relaxed));
  };
  Head(out, "nearmiss_checks_total", "counter", "Pre-send checks answered, by answer.");
  for (size_t i = 0; i < checks_.size(); ++i) {
    Line(out, "nearmiss_checks_total",
         "action=\"" + std::string(ClientActionName(static_cast<ClientAction>(i))) + "\"",
         load(checks_[i]));
  }
  Head(out, "nearmiss_decisions_total", "counter", "Pre-send checks by the policy's action.");
  for (size_t i = 0; i < policy_.size(); ++i) {
    Line(out, "nearmiss_decisions_total",
         "action=\"" + std::string(ActionName(static_cast<Action>(i))) + "\"", load(policy_[i]));
  }
  Head(out, "nearmiss_recipients_total", "counter", "Recipients checked, by class.");
  for (size_t i = 0; i < verdicts_.size(); ++i) {
    Line(out, "nearmiss_recipients_total",
         "class=\"" + std::string(VerdictName(static_cast<Verdict>(i))) + "\"", load(verdicts_[i]));
  }
  Head(out, "nearmiss_fail_closed_total", "counter",
       "Pre-send checks that took a fail-closed path, by path (docs/fail-closed.md).");
  for (size_t i = 0; i < fail_closed_.size(); ++i) {
    Line(out, "nearmiss_fail_closed_total", std::string("path=\"") + kFailPaths[i] + "\"",
         load(fail_closed_[i]));
  }
  Head(out, "nearmiss_check_duration_seconds", "histogram",
       "Time to answer POST /v1/check, parse to response.");
  double cumulative = 0;
  for (size_t b = 0; b < latency_.size(); ++b) {
    cumulative += load(latency_[b]);
    char le[32];
    if (b < kBuckets.size()) std::snprintf(le, sizeof le, "%g", kBuckets[b]);
    else std::snprintf(le, sizeof le, "+Inf");
    Line(out, "nearmiss_check_duration_seconds_bucket", std::string("le=\"") + le + "\"", cumulative);
  }
  Line(out, "nearmiss_check_duration_seconds_sum", "", load(latency_sum_ns_) / 1e9);
  Line(out, "nearmiss_check_duration_seconds_count", "", cumulative);
  Head(out, "nearmiss_http_responses_total", "counter", "HTTP responses, by status.");
  for (size_t i = 0; i < responses_.size(); ++i) {
    Line(out, "nearmiss_http_responses_total", "code=\"" + std::to_string(kStatuses[i]) + "\"",
         load(responses_[i]));
  }
  auto gauge = [&out](const char* name, const char* type, const char* help, int64_t v) {
    if (v < 0) return;
    Head(out, name, type, help);
    Line(out, name, "", static_cast<double>(v));
  };
  gauge("nearmiss_held_messages", "gauge", "Messages in the Postfix hold queue.", g.held_messages);
  gauge("nearmiss_milter_messages_total", "counter",
        "Milter decisions read from its decision log.", g.milter_messages);
  gauge("nearmiss_milter_sessions_total", "counter",
        "Milter sessions (SMTP connections) seen in its decision log.", g.milter_sessions);
  gauge("nearmiss_milter_fail_action_total", "counter",
        "Milter recipients and messages answered with [defaults] on_error (docs/fail-closed.md).",
        g.milter_errors);
  gauge("nearmiss_milter_incomplete_total", "counter",
        "Milter messages decided as not read to the end ([limits] incomplete_level).",
        g.milter_incomplete);
  gauge("nearmiss_milter_dns_unknown_total", "counter",
        "Milter recipients judged on a DNS lookup that did not answer, counted as able to "
        "receive mail (docs/fail-closed.md).",
        g.milter_dns_unknown);
  gauge("nearmiss_policy_generation", "gauge", "Policy reloads since start.", g.policy_generation);
  gauge("nearmiss_history_domains", "gauge",
        "Domains written to in the history the engine compiled (0: empty history).",
        g.history_domains);
  gauge("nearmiss_history_correspondents", "gauge",
        "Sender -> recipient pairs in the history the engine compiled (0: nothing for "
        "address-typo to compare against).",
        g.history_correspondents);
  gauge("nearmiss_decisions_without_history_total", "counter",
        "Checks answered with an empty history since start (no store yet, or one nothing was "
        "learned into): address-typo, new-domain and trust learning judged nothing.",
        g.decisions_without_history);
  gauge("nearmiss_audit_records", "gauge", "Decisions in the recent-decisions ring.", g.audit_records);
  JournalMetrics(out, "nearmiss_journal", "", g.journal);
  JournalMetrics(out, "nearmiss_milter_journal", " (the milter's, as last logged)",
                 g.milter_journal);
  return out;
}

}  // namespace nearmiss::http
