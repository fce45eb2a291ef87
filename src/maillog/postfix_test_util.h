// What the Postfix reader's tests share: a sink that keeps every attempt
// (its fields as text) and every finished queue id.
#ifndef NEARMISS_MAILLOG_POSTFIX_TEST_UTIL_H_
#define NEARMISS_MAILLOG_POSTFIX_TEST_UTIL_H_

#include <string>
#include <vector>

#include "maillog/postfix_log.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {

struct Seen {
  std::string time, queue_id, sender, recipient, status, relay, message_id, status_text, hops;
};

class Collect final : public DeliverySink {
 public:
  void OnAttempt(const Attempt& a) override {
    attempts.push_back({FormatTime(a.time), std::string(a.queue_id), std::string(a.sender),
                        std::string(a.recipient), std::string(a.status), std::string(a.relay),
                        std::string(a.message_id), std::string(a.status_text),
                        std::string(a.hops)});
  }
  void OnDone(std::string_view id) override { done.emplace_back(BareQueueId(id)); }
  std::vector<Seen> attempts;
  std::vector<std::string> done;
};

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_POSTFIX_TEST_UTIL_H_
