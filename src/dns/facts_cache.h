// FactsCache: the resolver's answers by domain, each until its expiry
// (resolver.h says how long an answer is kept: its records' TTL, capped).
//
// At most `capacity` domains: storing a new domain into a full cache first
// drops what has expired, then, if still full, the entry that expires first.
// An expired entry is never returned (Find drops it).
//
// Thread safety: none; the resolver guards it with its own mutex.
#ifndef NEARMISS_DNS_FACTS_CACHE_H_
#define NEARMISS_DNS_FACTS_CACHE_H_

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>

#include "nearmiss/dns.h"

namespace nearmiss::dns {

class FactsCache {
 public:
  using Clock = std::chrono::steady_clock;

  // `capacity` 0 keeps nothing.
  explicit FactsCache(size_t capacity) : capacity_(capacity) {}

  // The facts of `domain` if stored and not expired at `now`.
  std::optional<DnsFacts> Find(const std::string& domain, Clock::time_point now);

  // Keeps `facts` for `domain` until `expires`, replacing what was there.
  void Store(const std::string& domain, const DnsFacts& facts, Clock::time_point expires,
             Clock::time_point now);

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    DnsFacts facts;
    Clock::time_point expires;
  };
  size_t capacity_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_FACTS_CACHE_H_
