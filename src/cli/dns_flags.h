// --dns, --dns-server and --dns-timeout-ms: the DNS signals of `check` and
// `milter` (nearmiss/dns.h), over the policy's [dns] section.
//
// Thread safety: plain values, read once at start-up.
#ifndef NEARMISS_CLI_DNS_FLAGS_H_
#define NEARMISS_CLI_DNS_FLAGS_H_

#include <CLI/CLI.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dns/resolver.h"
#include "dns/resolver_switch.h"
#include "nearmiss/policy.h"

namespace nearmiss::cli {

struct DnsFlags {
  bool enable = false;               // --dns: on, whatever [dns] enabled says
  std::vector<std::string> servers;  // --dns-server: replaces [dns] servers; turns DNS on
  int64_t timeout_ms = 0;            // --dns-timeout-ms; 0: [dns] timeout_ms
  // --dns-probe-internal: let the catch-all probe connect to internal
  // addresses (dns/internal_address.h). For test rigs whose SMTP servers
  // listen on 127.0.0.1 only; a look-alike's owner chooses where its MX
  // points, so a mail host in service never sets it.
  bool probe_internal = false;
  // --dns-lookup-every-lookalike: as [dns] lookup_every_lookalike = true.
  bool every_lookalike = false;
  void Register(CLI::App& cmd);
};

// The resolver options the flags and the policy's [dns] ask for (a flag
// wins over its key); nullopt when the DNS signals are off.
std::optional<dns::ResolverOptions> ResolverOptionsFor(const DnsFlags& flags,
                                                       const DnsPolicy& policy);

// What check, milter and serve refuse to start (or a milter reload to
// take) with in the DNS signals the flags and [dns] ask for, and `policy
// lint` reports with no flags given: DNS on with no server named (docs/
// policy.md, dns.servers: there is no default), a bad server, "system" not
// alone. Each error names the file, line and key (or the flag) at fault and
// says how to fix it; empty when the resolver can start. The one check of
// all four commands, so the lint passes nothing a daemon then refuses.
std::vector<PolicyError> DnsStartErrors(const DnsFlags& flags, const DnsPolicy& policy);

// Points `resolvers` at what the flags and `policy` ask for, at start and
// after each policy reload of the milter and serve: DnsStartErrors first
// (all of them, joined, as InvalidArgument: a reload they fail keeps the
// running resolver), then ResolverSwitch::Follow; logs when the lookups
// start, change or stop.
Status FollowDns(dns::ResolverSwitch& resolvers, const DnsFlags& flags, const DnsPolicy& policy);

// The resolver of ResolverOptionsFor; null (and OK) when the DNS signals
// are off. A bad server is an error naming it.
Result<std::unique_ptr<dns::Resolver>> OpenResolver(const DnsFlags& flags, const DnsPolicy& policy);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_DNS_FLAGS_H_
