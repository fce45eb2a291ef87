// [dns]: the optional DNS signals (nearmiss/dns.h) and the servers asked.
#include "base/dns_server.h"
#include "policy/sections.h"

namespace nearmiss::policy {

void ReadDnsSection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "dns");
  DnsPolicy& d = policy.dns;
  d.where = ctx.Where(t.source());
  // DnsPolicy::where: the `enabled` key when written, what DnsStartErrors
  // (cli/dns_flags.h) names when DNS is on with no server.
  if (auto v = GetBool(ctx, t, "enabled")) {
    d.enabled = *v;
    d.where = ctx.Where(t.get("enabled")->source());
  }
  if (auto servers = GetStrings(ctx, t, "servers")) {
    // An empty list never falls back to the system's resolvers: a guard
    // that asks public DNS about the look-alikes it sees tells whoever
    // runs them what the organisation almost wrote to. Those are used
    // only when named: "system".
    if (servers->empty()) {
      ctx.Error(t.get("servers")->source(), "[dns] servers = [] names no DNS server",
                "list servers (\"127.0.0.1:53\"), or \"system\" for resolv.conf(5), or set "
                "enabled = false");
    }
    for (const Located& s : *servers) {
      if (s.value == kSystemDnsServers) {
        if (servers->size() > 1) {
          ctx.Error(s.at, "\"system\" stands alone in [dns] servers",
                    "either \"system\" (resolv.conf(5)) or a list of addresses");
        }
      } else if (!IsDnsServerAddress(s.value)) {
        ctx.Error(s.at, "bad DNS server '" + s.value + "'",
                  "an IP address with an optional port 1-65535: \"127.0.0.1:5353\", "
                  "\"[::1]:53\", or \"system\"");
        continue;
      }
      d.servers.push_back(s.value);
    }
  }
  // Above 30 s the milter's own command timeout (Postfix milter_command_timeout) would fire first.
  if (auto v = GetInt(ctx, t, "timeout_ms", 10, 30'000)) d.timeout_ms = *v;
  if (auto v = GetInt(ctx, t, "cache_ttl_max", 0, 7 * 86'400)) d.cache_ttl_max = *v;
  if (auto v = GetInt(ctx, t, "cache_size", 0, 10'000'000)) d.cache_size = *v;
  if (auto v = GetBool(ctx, t, "catch_all_probe")) d.catch_all_probe = *v;
  if (auto v = GetInt(ctx, t, "catch_all_port", 1, 65'535)) d.catch_all_port = *v;
  // The milter waits at end of message for DNS and the probe together:
  // both within Postfix's milter_command_timeout (30 s).
  if (auto v = GetInt(ctx, t, "catch_all_timeout_ms", 10, 20'000)) d.catch_all_timeout_ms = *v;
  if (auto v = GetInt(ctx, t, "catch_all_cache_ttl", 0, 30 * 86'400)) d.catch_all_cache_ttl = *v;
  if (auto v = GetInt(ctx, t, "catch_all_max_probes", 1, 1'000)) d.catch_all_max_probes = *v;
  if (auto v = GetBool(ctx, t, "lookup_every_lookalike")) d.lookup_every_lookalike = *v;
}

}  // namespace nearmiss::policy
