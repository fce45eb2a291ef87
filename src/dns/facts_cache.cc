#include "dns/facts_cache.h"

#include <algorithm>

namespace nearmiss::dns {

std::optional<DnsFacts> FactsCache::Find(const std::string& domain, Clock::time_point now) {
  auto hit = entries_.find(domain);
  if (hit == entries_.end()) return std::nullopt;
  if (hit->second.expires <= now) {
    entries_.erase(hit);
    return std::nullopt;
  }
  return hit->second.facts;
}

void FactsCache::Store(const std::string& domain, const DnsFacts& facts,
                       Clock::time_point expires, Clock::time_point now) {
  if (capacity_ == 0) return;
  if (entries_.size() >= capacity_ && entries_.count(domain) == 0) {
    std::erase_if(entries_, [now](const auto& e) { return e.second.expires <= now; });
    if (entries_.size() >= capacity_) {
      entries_.erase(std::min_element(
          entries_.begin(), entries_.end(),
          [](const auto& a, const auto& b) { return a.second.expires < b.second.expires; }));
    }
  }
  entries_[domain] = Entry{facts, expires};
}

}  // namespace nearmiss::dns
