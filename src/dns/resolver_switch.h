// ResolverSwitch: the DNS resolver a daemon uses now, following the
// policy's [dns] section across reloads (SIGHUP).
//
// Follow(options) compares the new options with those of the resolver in
// use: equal, nothing happens (its cache is kept); different, a new Resolver
// is started and published, or none when the signals are turned off. A
// checker that took the old resolver at MAIL keeps it (shared ownership)
// until its message ends, so a lookup in flight is answered by the server
// it was sent to; the old resolver's thread stops when the last one goes.
//
// Errors: a resolver that does not start (resolver.h Start: a server that
// does not parse, c-ares failing) leaves the current one in place and is
// returned, so the reload is reported as failed, never half done.
//
// Thread safety: Follow and Current may be called from any thread.
#ifndef NEARMISS_DNS_RESOLVER_SWITCH_H_
#define NEARMISS_DNS_RESOLVER_SWITCH_H_

#include <memory>
#include <mutex>
#include <optional>

#include "dns/resolver.h"
#include "nearmiss/dns.h"
#include "nearmiss/status.h"

namespace nearmiss::dns {

class ResolverSwitch {
 public:
  // No resolver yet: Current() is null until a Follow with options.
  ResolverSwitch() = default;

  // `options` nullopt: the DNS signals are off.
  Status Follow(const std::optional<ResolverOptions>& options);

  // The resolver in use; null when the signals are off.
  std::shared_ptr<DnsSource> Current() const;

  // How many resolvers Follow has started: 1 after start-up, one more per
  // reload that changed [dns] (tests and the reload log read it).
  uint64_t started() const;

 private:
  mutable std::mutex mu_;
  std::optional<ResolverOptions> options_;
  std::shared_ptr<Resolver> current_;
  uint64_t started_ = 0;
};

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_RESOLVER_SWITCH_H_
