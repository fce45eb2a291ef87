// TraceMessageIds: a trace message's key, folded unless its MessageTraceId
// tells it apart (trace_message_ids.h).
#include "investigate/trace_message_ids.h"

#include "base/ascii.h"

namespace nearmiss::investigate {

std::string_view TraceMessageIds::Key(std::string_view id, std::string_view trace_id) {
  if (by_folded_.size() + apart_.size() >= max_) {
    by_folded_.clear();
    apart_.clear();
  }
  if (auto a = apart_.find(std::string(id)); a != apart_.end()) return a->first;
  First& first = by_folded_.try_emplace(AsciiLower(id), First{std::string(id), {}}).first->second;
  if (first.trace_id.empty()) {
    // The first row to carry one names the folded message's (an Exchange
    // event of it, read before, carries none).
    first.trace_id.assign(trace_id);
  } else if (!trace_id.empty() && trace_id != first.trace_id && id != first.spelling) {
    // Another message: another MessageTraceId, another spelling.
    return apart_.try_emplace(std::string(id), trace_id).first->first;
  }
  return first.spelling;
}

}  // namespace nearmiss::investigate
