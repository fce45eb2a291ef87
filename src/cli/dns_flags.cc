#include "cli/dns_flags.h"

#include "base/dns_server.h"
#include "base/log.h"
#include "dns/server_list.h"

namespace nearmiss::cli {

void DnsFlags::Register(CLI::App& cmd) {
  cmd.add_flag("--dns", enable,
               "Look up each look-alike's domain: does it exist, can it receive mail (the "
               "policy's [dns] section; off by default)");
  cmd.add_option("--dns-server", servers,
                 "DNS server to ask, IP or IP:PORT or [IPv6]:PORT (repeatable), or \"system\" "
                 "for resolv.conf(5); turns --dns on and replaces [dns] servers")
      ->allow_extra_args(false)  // one server per flag: addresses follow
      // A bad one is a usage error here, not a resolver error later; ""
      // must never drop to the system's resolvers.
      ->check(CLI::Validator(
          [](const std::string& s) -> std::string {
            if (s == kSystemDnsServers || IsDnsServerAddress(s)) return {};
            return "bad DNS server '" + s +
                   "': write IP, IP:PORT or [IPv6]:PORT (port 1-65535), or \"system\"";
          },
          "SERVER"));
  cmd.add_option("--dns-timeout-ms", timeout_ms,
                 "Deadline of one lookup in milliseconds; past it the answer is unknown "
                 "(default: [dns] timeout_ms, 1500)")
      ->check(CLI::Range(int64_t{10}, int64_t{30'000}));
  cmd.add_flag("--dns-probe-internal", probe_internal,
               "Let the catch-all probe connect to a mail exchanger at an internal address "
               "(loopback, RFC 1918, link-local, ULA, documentation and the other IANA "
               "special-purpose ranges, this host's own); for test rigs on "
               "127.0.0.1 only, never on a mail host in service");
  cmd.add_flag("--dns-lookup-every-lookalike", every_lookalike,
               "Look up every look-alike, also one a rule refuses whatever DNS says (as [dns] "
               "lookup_every_lookalike); by default such a one is not asked about, as the query "
               "reaches the look-alike's own name servers");
}

std::optional<dns::ResolverOptions> ResolverOptionsFor(const DnsFlags& flags,
                                                       const DnsPolicy& policy) {
  if (!flags.enable && flags.servers.empty() && !policy.enabled) return std::nullopt;
  dns::ResolverOptions options;
  options.servers = flags.servers.empty() ? policy.servers : flags.servers;
  options.timeout_ms = flags.timeout_ms > 0 ? flags.timeout_ms : policy.timeout_ms;
  options.cache_ttl_max = policy.cache_ttl_max;
  options.cache_size = static_cast<size_t>(policy.cache_size);
  options.every_lookalike = flags.every_lookalike || policy.lookup_every_lookalike;
  if (policy.catch_all_probe) {
    dns::ProbeOptions probe;
    probe.port = static_cast<uint16_t>(policy.catch_all_port);
    probe.max_concurrent = static_cast<size_t>(policy.catch_all_max_probes);
    probe.allow_internal = flags.probe_internal;
    options.catch_all = probe;
    options.catch_all_timeout_ms = policy.catch_all_timeout_ms;
    options.catch_all_cache_ttl = policy.catch_all_cache_ttl;
  }
  return options;
}

std::vector<PolicyError> DnsStartErrors(const DnsFlags& flags, const DnsPolicy& policy) {
  std::optional<dns::ResolverOptions> options = ResolverOptionsFor(flags, policy);
  if (!options) return {};
  Status servers = dns::CheckServers(options->servers);
  if (servers.ok()) return {};
  PolicyError e;
  if (!flags.servers.empty()) {
    e.where = "--dns-server";
    e.what = servers.message();
    return {e};
  }
  // [dns] servers' own spelling is the parser's (dns_section.cc): what is
  // left is DNS turned on with no server named.
  const bool by_flag = !policy.enabled;
  e.where = by_flag ? "--dns" : policy.where;  // `enabled`'s place (dns_section.cc)
  if (e.where.empty()) e.where = "[dns]";
  e.what = by_flag ? "--dns turns the DNS signals on, and neither --dns-server nor [dns] "
                     "servers names a server to ask"
                   : "[dns] enabled = true, and dns.servers names no server to ask: check, "
                     "milter and serve refuse to start with it";
  e.hint = "list servers = [\"127.0.0.1:53\"] in [dns] (\"system\" for resolv.conf(5)), or set "
           "enabled = false; --dns-server IP[:PORT] names one for a single run";
  return {e};
}

Status FollowDns(dns::ResolverSwitch& resolvers, const DnsFlags& flags, const DnsPolicy& policy) {
  std::string refused;
  for (const PolicyError& e : DnsStartErrors(flags, policy)) {
    if (!refused.empty()) refused += "; ";
    refused += e.ToString();
  }
  if (!refused.empty()) return Status::InvalidArgument(refused);
  std::optional<dns::ResolverOptions> want = ResolverOptionsFor(flags, policy);
  const uint64_t before = resolvers.started();
  NM_RETURN_IF_ERROR(resolvers.Follow(want));
  if (!want) {
    if (before > 0) log::Info("dns: look-alikes' domains are no longer looked up");
  } else if (resolvers.started() != before) {
    std::string said = "dns: look-alikes' domains are looked up (exists, MX), timeout ";
    said += std::to_string(want->timeout_ms);
    said += " ms";
    if (want->catch_all) {
      said += "; catch-all probe ON: connects to each look-alike's mail exchanger on port ";
      said += std::to_string(want->catch_all->port);
      said += ", timeout ";
      said += std::to_string(want->catch_all_timeout_ms);
      said += " ms";
    }
    log::Info(said);
  }
  return Status::Ok();
}

Result<std::unique_ptr<dns::Resolver>> OpenResolver(const DnsFlags& flags, const DnsPolicy& policy) {
  std::optional<dns::ResolverOptions> options = ResolverOptionsFor(flags, policy);
  if (!options) return std::unique_ptr<dns::Resolver>();
  return dns::Resolver::Start(*options);
}

}  // namespace nearmiss::cli
