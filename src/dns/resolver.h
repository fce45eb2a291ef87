// Resolver: the DnsSource of the daemons and the CLI, over c-ares.
//
// One resolver thread owns the c-ares channel and its sockets (poll(2), so
// any descriptor number works in a daemon with many connections); callers
// on any thread get a shared_future that the resolver thread fulfils by the
// lookup's deadline at the latest, so a milter worker waits at most
// `timeout_ms` and never on the network itself.
//
// A lookup asks MX; with no MX (NODATA) it asks A and AAAA (the implicit MX
// of RFC 5321 §5.1). A null MX (RFC 7505) means the domain receives no mail.
// NXDOMAIN means it does not exist. A timeout, SERVFAIL, REFUSED or any
// other failure leaves both facts unknown, with the reason.
//
// Cache: answers are kept for their records' TTL, at most `cache_ttl_max`
// seconds; an NXDOMAIN for its SOA's negative TTL (RFC 2308 §5: the SOA's
// TTL or MINIMUM, the smaller), at most kNegativeTtlSeconds, and without an
// SOA (RFC 2308 §5: "SHOULD NOT be cached") only kNoSoaNegativeTtlSeconds,
// the time one message takes from RCPT to its end; no MX and no
// address for at most kNegativeTtlSeconds; unknown answers are never kept.
// At most `cache_size` domains: a full cache drops what expired, then what
// expires first.
//
// Catch-all probe (optional, `catch_all`): when DNS says the domain can
// receive mail, the lookup goes on to its first mail exchanger (the MX of
// lowest preference, or the domain itself for an implicit MX), resolves its
// address with the same c-ares channel and asks CatchAllProber
// (catch_all_probe.h) whether it accepts a random address. The lookup's
// deadline is then `timeout_ms` + `catch_all_timeout_ms`; a probe past it
// is answered with the DNS facts and catch_all unknown ("timeout"). The
// whole answer is kept for at most `catch_all_cache_ttl` when the probe
// answered, kUnknownProbeTtlSeconds when it did not (so a silent exchanger
// is not asked for every message, nor believed silent for a day).
//
// Thread safety: Lookup may be called from any number of threads.
#ifndef NEARMISS_DNS_RESOLVER_H_
#define NEARMISS_DNS_RESOLVER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <optional>

#include "dns/catch_all_probe.h"
#include "dns/server_list.h"  // IsLoopbackServer, for callers of the resolver
#include "nearmiss/dns.h"
#include "nearmiss/status.h"

namespace nearmiss::dns {

// Failover: with several servers, each query asks the first and moves on to
// the next when it is silent for PerServerTimeoutMs(timeout_ms, n), so a
// dead first server leaves time for the others within the deadline. A
// server that answers SERVFAIL or REFUSED is believed (the facts unknown),
// not passed over.
// Returns `deadline_ms` for one server, else deadline_ms / (2 n) (the MX
// round and the A/AAAA round each get half), at least 1.
int64_t PerServerTimeoutMs(int64_t deadline_ms, size_t servers);

inline constexpr int64_t kNegativeTtlSeconds = 300;
// An NXDOMAIN without an SOA: kept only while one message is decided.
inline constexpr int64_t kNoSoaNegativeTtlSeconds = 30;
inline constexpr int64_t kUnknownProbeTtlSeconds = 60;

struct ResolverOptions {
  // "127.0.0.1:5353", "[::1]:53", "[::1]", "192.0.2.1" (port 53), or
  // {"system"}: resolv.conf(5), only when so named (base/dns_server.h).
  // Empty, or a bad one: Start fails (InvalidArgument) naming it.
  std::vector<std::string> servers;
  int64_t timeout_ms = 1500;     // deadline of one lookup, all its queries
  int64_t cache_ttl_max = 3600;  // seconds; 0 keeps nothing
  size_t cache_size = 10000;     // domains
  // The catch-all probe; nullopt (the default): off, nothing but DNS.
  std::optional<ProbeOptions> catch_all;
  int64_t catch_all_timeout_ms = 3000;   // the probe's share of the deadline
  int64_t catch_all_cache_ttl = 86400;   // seconds a probe's answer is kept
  // DnsSource::LooksUpEveryLookalike ([dns] lookup_every_lookalike).
  bool every_lookalike = false;

  bool operator==(const ResolverOptions&) const = default;
};

struct ResolverCounters {
  uint64_t lookups = 0;     // Lookup calls
  uint64_t cache_hits = 0;  // answered from the cache
  uint64_t joined = 0;      // joined a lookup in flight
  uint64_t unknown = 0;     // answered unknown (timeout, SERVFAIL, ...)
  uint64_t timeouts = 0;    // of those, past the deadline
  uint64_t probes = 0;          // catch-all probes started (the exchanger's address known)
  uint64_t probes_unknown = 0;  // lookups whose catch-all probe answered unknown
  uint64_t one_label = 0;       // names of one label, refused unasked (Lookup)
};

class Resolver final : public DnsSource {
 public:
  // Starts the resolver thread. Errors: a server that does not parse
  // (kInvalidArgument, naming it), c-ares failing to start (kInternal).
  static Result<std::unique_ptr<Resolver>> Start(const ResolverOptions& options);
  // Stops the thread; lookups in flight are answered unknown ("shutdown").
  ~Resolver() override;

  // A name of one label (gmailcom) is never sent: it is answered at once
  // as no mail domain (exists false, no mail exchanger) and counted
  // (`one_label`). Such a name is a TLD, and a TLD is no mail domain: ICANN
  // forbids dotless domains (SAC053; NGPC resolution 2013.08.13.01), and
  // asking would only tell the server the look-alike, or, to the search
  // list of the system resolver, ask gmailcom.$domain instead.
  std::shared_future<DnsFacts> Lookup(std::string_view ascii_domain) override;
  bool LooksUpEveryLookalike() const override { return every_lookalike_; }

  ResolverCounters counters() const;

  class Impl;

 private:
  explicit Resolver(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  bool every_lookalike_ = false;
};

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_RESOLVER_H_
