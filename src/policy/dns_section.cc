// [dns]: the optional DNS signals (nearmiss/dns.h) and the servers asked.
#include <arpa/inet.h>

#include <algorithm>
#include <charconv>

#include "policy/sections.h"

namespace nearmiss::policy {
namespace {

// "192.0.2.1", "127.0.0.1:5353", "2001:db8::1", "[::1]:5353": the forms
// c-ares' ares_set_servers_ports_csv takes.
bool IsServer(std::string_view s) {
  auto is_v4 = [](const std::string& h) {
    in_addr a{};
    return inet_pton(AF_INET, h.c_str(), &a) == 1;
  };
  auto is_v6 = [](const std::string& h) {
    in6_addr a{};
    return inet_pton(AF_INET6, h.c_str(), &a) == 1;
  };
  auto is_port = [](std::string_view p) {
    int value = 0;
    auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), value);
    return ec == std::errc() && end == p.data() + p.size() && value > 0 && value < 65536;
  };
  if (s.starts_with('[')) {  // [IPv6] or [IPv6]:PORT
    size_t close = s.find(']');
    if (close == std::string_view::npos || !is_v6(std::string(s.substr(1, close - 1)))) {
      return false;
    }
    std::string_view rest = s.substr(close + 1);
    return rest.empty() || (rest.starts_with(':') && is_port(rest.substr(1)));
  }
  size_t colons = std::count(s.begin(), s.end(), ':');
  if (colons == 0) return is_v4(std::string(s));
  if (colons == 1) {  // IPv4:PORT
    size_t colon = s.find(':');
    return is_v4(std::string(s.substr(0, colon))) && is_port(s.substr(colon + 1));
  }
  return is_v6(std::string(s));  // a bare IPv6 address, port 53
}

}  // namespace

void ReadDnsSection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "dns");
  DnsPolicy& d = policy.dns;
  d.where = ctx.Where(t.source());
  if (auto v = GetBool(ctx, t, "enabled")) d.enabled = *v;
  if (auto servers = GetStrings(ctx, t, "servers")) {
    for (const Located& s : *servers) {
      if (!IsServer(s.value)) {
        ctx.Error(s.at, "bad DNS server '" + s.value + "'",
                  "an IP address with an optional port: \"127.0.0.1:5353\", \"[::1]:53\"");
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
}

}  // namespace nearmiss::policy
