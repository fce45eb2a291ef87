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

#include "dns/answer.h"
#include "dns/catch_all_probe.h"
#include "dns/facts_cache.h"
#include "dns/resolver.h"

namespace nearmiss::dns {
namespace resolver_internal {

using Clock = std::chrono::steady_clock;

// One MX host of a lookup: its preference and what its A and AAAA answers
// said.
struct ExchangerHost {
  std::string name;
  unsigned pref = 0;
  int answers = 0;      // of 2 (A, AAAA)
  bool usable = false;  // an address a public mail exchanger may have
  bool self = false;    // an address that is this host (AnswerAddresses::this_host)
  bool failed = false;  // a query failed (timeout, SERVFAIL...): its addresses unknown
  bool loopback = false;  // a loopback address, or one of this host's own
  std::string special;    // the first special-purpose range of its addresses
};

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
  bool address_loopback = false;  // an A/AAAA answer held loopback addresses only
  bool address_self = false;  // an A/AAAA answer held an address that is this host
  // An A/AAAA answer held special-purpose addresses only, some not
  // loopback: the first one's range (answer.h, ReadAddresses).
  std::string address_special;
  // The MX hosts asked their addresses (OnExchangerHost), in order of
  // preference, and what their answers said so far; decided as
  // DecideExchangers says.
  std::vector<ExchangerHost> hosts;
  bool hosts_decided = false;
  bool host_loopback = false;  // a "localhost" MX host, dropped with every later one
  std::optional<uint32_t> mx_ttl;
  // The catch-all probe is running: the DNS facts and their TTL, waiting
  // for its answer (resolver.h).
  std::optional<DnsFacts> answer;
  std::optional<uint32_t> answer_ttl;
  std::string exchanger;  // the host probed
  // A channel of this lookup's own, made when a query of it failed with
  // "connection refused": c-ares ends every query in flight to a server
  // whose TCP connection fails (another name's truncated answer asked
  // again over TCP), so that failure may be another lookup's. Asked again
  // alone, the answer is this lookup's own (resolver.cc, RetryAlone).
  ares_channel own_channel = nullptr;
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
    bool alone = false;  // sent on the lookup's own channel
    std::string host;    // an MX host asked of (OnExchangerHost); else ""
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
  // Asks `type` (ns_t_a, ns_t_aaaa) of the MX host `host` of p's domain.
  void SendHost(const std::shared_ptr<Pending>& p, const std::string& host, int type);

  // A query `q` that failed with "connection refused" on the shared
  // channel is sent again on a channel of its lookup's own, once, before
  // the deadline; true when it was. False when `q` was already alone (the
  // failure is its own) or no channel could be made.
  bool RetryAlone(const Query& q, ares_callback callback);

  // A channel like channel_ (same options and servers), or nullptr.
  ares_channel NewChannel() const;

  static void OnMx(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen);

  static void OnAddress(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen);

  // An A or AAAA answer about one of the lookup's MX hosts.
  static void OnExchangerHost(void* arg, int status, int /*timeouts*/, unsigned char* abuf,
                              int alen);

  // Postfix's choice among the MX hosts (src/smtp/smtp_addr.c,
  // smtp_domain_addr): the hosts sorted by preference, smtp_find_self finds
  // the best one that is this host and smtp_truncate_self drops it and
  // every host of the same or a worse preference; none left is a bounce,
  // "mail for D loops back to myself" (5.4.6). So a host with a usable
  // address receives only when its preference is better (lower) than every
  // host that is this host. Once every host of p's preference or better
  // has answered, answers or finishes p and returns true.
  bool DecideExchangers(const std::shared_ptr<Pending>& p);

  // An address that is this host (AnswerAddresses::this_host) makes the MX
  // host, or with no MX the domain, this host: Postfix's loop detection.
  // Off when loopback counts as receiving (tests' responders, below).
  bool IsThisHost(const AnswerAddresses& a) const { return a.this_host() > 0 && !InternalReceives(); }

  // Loopback and other special-purpose addresses count as receiving mail
  // only for tests whose SMTP responders listen on 127.0.0.1
  // (ProbeOptions::allow_internal).
  bool InternalReceives() const { return options_.catch_all && options_.catch_all->allow_internal; }
  bool Receives(const AnswerAddresses& a) const {
    return a.usable() > 0 || (a.count > 0 && InternalReceives());
  }
  // The facts of a domain that exists and whose mail exchangers have no
  // usable address: special-purpose ones (`special` names the first range),
  // loopback ones, or else `otherwise` (none at all).
  static DnsFacts NoUsableAddress(bool loopback, const std::string& special, MailExchanger otherwise);

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
  // What channel_ was made with, for the lookups' own channels.
  ares_options channel_options_{};
  int channel_mask_ = 0;
  std::string servers_csv_;  // "" for "system" (resolv.conf)
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
