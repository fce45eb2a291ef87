// Report, a recipient still waiting when its queue id ended: a deferral or
// hold that a later attempt of the same recipient replaces, at the same
// queue id or at a queue id the message was handed to (report.h, waiting_).
#include <algorithm>
#include <string>
#include <vector>

#include "investigate/report.h"
#include "maillog/postfix_log.h"  // BareQueueId

namespace nearmiss::investigate {

std::string Report::WaitingKey(std::string_view queue_id, std::string_view to) {
  std::string key(maillog::BareQueueId(queue_id));
  key += '\0';
  key += to;
  return key;
}

size_t Report::Revive(const Row& row, std::vector<Open>& list) {
  if (row.queue_id.empty() || waiting_.empty()) return list.size();
  auto w = waiting_.find(WaitingKey(row.queue_id, row.to));
  // The same queue id's (a bare id of another host or instance is not).
  if (w == waiting_.end() || w->second.row.queue_id != row.queue_id) return list.size();
  list.push_back(std::move(w->second));
  waiting_.erase(w);
  return list.size() - 1;
}

int64_t Report::DropHopWaits(const Row& row, std::string* first_time) {
  int64_t first = 0;
  if (row.hops.empty() || row.to.empty()) return first;
  // "ID via RELAY, ID via RELAY": each hop's queue id first.
  std::string_view hops = row.hops;
  for (size_t at = 0; at < hops.size();) {
    size_t end = hops.find(", ", at);
    if (end == std::string_view::npos) end = hops.size();
    std::string_view hop = hops.substr(at, end - at);
    at = end + 2;
    size_t via = hop.find(" via ");
    if (via == std::string_view::npos || via == 0) continue;
    std::string key = WaitingKey(hop.substr(0, via), row.to);
    auto w = waiting_.find(key);
    if (w == waiting_.end()) {
      // Its queue id may still be open: its wait is dropped at Done.
      if (superseded_.size() >= kMaxOpen) superseded_.clear();  // bounded: counted twice at worst
      superseded_.insert(std::move(key));
      continue;
    }
    if (first == 0 || w->second.first_seconds < first) {
      first = w->second.first_seconds;
      if (first_time != nullptr) *first_time = w->second.first_time;
    }
    waiting_.erase(w);
  }
  return first;
}

void Report::Superseded(const Row& row) {
  if (row.queue_id.empty() || row.to.empty()) return;
  if (auto open = open_.find(row.queue_id); open != open_.end()) {
    std::erase_if(open->second, [&](const Open& d) {
      return d.row.to == row.to && Waiting(d.last_status) && d.last_seconds <= row.seconds;
    });
  }
  if (auto w = waiting_.find(WaitingKey(row.queue_id, row.to));
      w != waiting_.end() && w->second.row.queue_id == row.queue_id) {
    waiting_.erase(w);
  }
  DropHopWaits(row);
}

void Report::DoneOne(Open& d) {
  if (d.row.queue_id.empty() || d.row.to.empty()) {
    Close(d);
    return;
  }
  std::string key = WaitingKey(d.row.queue_id, d.row.to);
  const bool handed_on = !superseded_.empty() && superseded_.erase(key) != 0;
  if (!Waiting(d.last_status)) {
    Close(d);
    return;
  }
  // A later attempt at the next hop was read already: this wait is over.
  if (handed_on) return;
  if (waiting_.size() >= kMaxOpen) CloseWaiting();
  auto [w, added] = waiting_.try_emplace(std::move(key));
  if (!added) Close(w->second);  // the same bare id on another host
  w->second = std::move(d);
}

void Report::CloseWaiting() {
  std::vector<std::string> keys;
  keys.reserve(waiting_.size());
  for (const auto& [key, d] : waiting_) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  for (const std::string& key : keys) Close(waiting_[key]);
  waiting_.clear();
}

}  // namespace nearmiss::investigate
