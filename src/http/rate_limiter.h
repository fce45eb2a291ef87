// Per-client token buckets: `rate` requests a second with bursts of `burst`.
// Keyed by the client's address; the table is bounded, and when full the
// longest-idle client is forgotten (it starts again with a full bucket).
//
// Thread safety: every method may be called from any thread.
#ifndef NEARMISS_HTTP_RATE_LIMITER_H_
#define NEARMISS_HTTP_RATE_LIMITER_H_

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace nearmiss::http {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // rate <= 0 turns limiting off.
  RateLimiter(double rate, double burst, size_t max_clients = 10000)
      : rate_(rate), burst_(burst), max_clients_(max_clients) {}

  // True when `client` may go on; otherwise `retry_after` is set (seconds).
  bool Allow(std::string_view client, Clock::time_point now, int* retry_after);

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;
  };
  void EvictIdlest();

  double rate_, burst_;
  size_t max_clients_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_RATE_LIMITER_H_
