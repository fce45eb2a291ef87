#include "http/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace nearmiss::http {

bool RateLimiter::Allow(std::string_view client, Clock::time_point now, int* retry_after) {
  if (rate_ <= 0) return true;
  std::lock_guard lock(mu_);
  auto it = buckets_.find(std::string(client));
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) EvictIdlest();
    it = buckets_.emplace(std::string(client), Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  double elapsed = std::chrono::duration<double>(now - b.last).count();
  b.tokens = std::min(burst_, b.tokens + std::max(0.0, elapsed) * rate_);
  b.last = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  *retry_after = std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / rate_)));
  return false;
}

void RateLimiter::EvictIdlest() {
  // O(n) but only when the table is full, which a flood of new addresses
  // reaches once per eviction: cheaper than an LRU list on every request.
  auto idlest = std::min_element(buckets_.begin(), buckets_.end(), [](const auto& a, const auto& b) {
    return a.second.last < b.second.last;
  });
  if (idlest != buckets_.end()) buckets_.erase(idlest);
}

}  // namespace nearmiss::http
