// Resolver::Impl, the resolver thread's state (resolver.cc: the thread,
// the channel, the deadline; resolver_answers.cc: c-ares' callbacks and the
// answer of each lookup). Private to nearmiss_dns: include only there.
// Thread-safety: members after mu_ are guarded by it; the rest is touched
// only on the resolver thread, except where a comment says otherwise.
#ifndef NEARMISS_DNS_RESOLVER_IMPL_H_
#define NEARMISS_DNS_RESOLVER_IMPL_H_

#include <ares.h>
#include <netdb.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dns/catch_all_probe.h"
#include "dns/facts_cache.h"
#include "dns/resolver.h"

namespace nearmiss::dns {
namespace resolver_internal {

using Clock = std::chrono::steady_clock;

// One lookup: MX, then (on NODATA) A and AAAA. Touched only on the
// resolver thread, except `future`, which is set before it is shared.
struct Pending {
  std::string domain;
  std::promise<DnsFacts> promise;
  std::shared_future<DnsFacts> future;
  Clock::time_point deadline;
  bool done = false;
  int outstanding = 0;  // c-ares queries whose callbacks are still to come
  int address_answers = 0;
  bool has_address = false;
  std::optional<uint32_t> address_ttl;
  std::string address_failure;  // an A/AAAA query failed: why
  // The catch-all probe is running: the DNS facts and their TTL, waiting
  // for its answer (resolver.h).
  std::optional<DnsFacts> answer;
  std::optional<uint32_t> answer_ttl;
  std::string exchanger;  // the host probed
};

}  // namespace resolver_internal

class Resolver::Impl {
  using Clock = resolver_internal::Clock;
  using Pending = resolver_internal::Pending;

 public:
  explicit Impl(const ResolverOptions& options)
      : options_(options), cache_(options.cache_size) {}

  Status Init();

  ~Impl();

  std::shared_future<DnsFacts> Lookup(std::string_view domain_in);

  // The c-ares channel, each server waited on for `server_timeout_ms`.
  Status InitChannel(int64_t server_timeout_ms);

  size_t CountServers() const;

  ResolverCounters counters() const {
    std::lock_guard<std::mutex> lock(mu_);
    return counters_;
  }

 private:
  struct Query {
    Impl* self;
    std::shared_ptr<Pending> pending;
    unsigned type = 0;  // the RR type asked (ns_t_mx, ns_t_a, ns_t_aaaa)
  };

  void Wake() {
    char b = 1;
    [[maybe_unused]] ssize_t n = write(wake_[1], &b, 1);  // full pipe: already woken
  }

  static DnsFacts Unknown(std::string why);

  static DnsFacts Known(bool exists, MailExchanger m);

  // Answers the lookup once; `ttl` (seconds) caches the answer, capped.
  void Finish(Pending& p, DnsFacts facts, std::optional<uint32_t> ttl);

  void Send(const std::shared_ptr<Pending>& p, int type, ares_callback callback);

  static void OnMx(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen);

  static void OnAddress(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen);

  // DNS says the domain receives mail at `exchanger`: done, or (probe on)
  // on to the exchanger's address and the probe.
  void Answered(const std::shared_ptr<Pending>& p, DnsFacts facts, std::optional<uint32_t> ttl,
                std::string exchanger);

  static void OnExchangerAddress(void* arg, int status, int /*timeouts*/, hostent* host);

  // The probe's answer: the DNS facts with catch_all, kept for the probe's TTL.
  void Probed(Pending& p, ProbeResult r);

  void Run();

  ResolverOptions options_;
  ares_channel channel_ = nullptr;
  bool initialised_ = false;
  int wake_[2] = {-1, -1};
  std::thread thread_;
  // Resolver thread only.
  std::vector<std::shared_ptr<Pending>> all_;

  mutable std::mutex mu_;  // guards what follows
  bool stop_ = false;
  std::deque<std::shared_ptr<Pending>> queue_;
  std::unordered_map<std::string, std::shared_ptr<Pending>> inflight_;
  FactsCache cache_;
  ResolverCounters counters_;
  // Answers of the prober's thread, for the resolver thread.
  std::vector<std::pair<std::shared_ptr<Pending>, ProbeResult>> probed_;
  // Last member: destroyed first (its callbacks lock mu_ and write wake_).
  std::unique_ptr<CatchAllProber> prober_;
};

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_RESOLVER_IMPL_H_
