// What the trace reader's tests share: a sink that keeps what it is given.
// (Named apart from postfix_test_util.h's Collect and Seen: one program links
// every maillog test, and two classes of one name would break it silently.)
#ifndef NEARMISS_MAILLOG_TRACE_TEST_UTIL_H_
#define NEARMISS_MAILLOG_TRACE_TEST_UTIL_H_

#include <initializer_list>
#include <string>
#include <vector>

#include "maillog/postfix_log.h"
#include "maillog/timestamp.h"
#include "maillog/trace_log.h"

namespace nearmiss::maillog {

struct TraceSeen {
  std::string time, id, sender, rcpt, status, relay;
};

class TraceCollect final : public DeliverySink {
 public:
  void OnAttempt(const Attempt& a) override {
    seen.push_back({FormatTime(a.time), std::string(a.queue_id), std::string(a.sender),
                    std::string(a.recipient), std::string(a.status), std::string(a.relay)});
  }
  std::vector<TraceSeen> seen;
};

// Feeds `lines` to `t` and finishes it.
inline void FeedAll(TraceLog& t, std::initializer_list<const char*> lines) {
  for (const char* line : lines) t.Feed(line);
  t.Finish();
}

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_TRACE_TEST_UTIL_H_
