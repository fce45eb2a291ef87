#include "http/client_address.h"

#include <arpa/inet.h>

#include <vector>

#include "base/ascii.h"

namespace nearmiss::http {
namespace {

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsIpAddress(const std::string& s) {
  unsigned char b[16];
  return inet_pton(AF_INET, s.c_str(), b) == 1 || inet_pton(AF_INET6, s.c_str(), b) == 1;
}

// Every value of header `name`, in order, split at commas: one hop each.
std::vector<std::string_view> Hops(const httplib::Request& req, const char* name) {
  std::vector<std::string_view> hops;
  auto [first, last] = req.headers.equal_range(name);
  for (auto it = first; it != last; ++it) {
    std::string_view v = it->second;
    while (!v.empty()) {
      size_t comma = v.find(',');
      hops.push_back(TrimBlanks(v.substr(0, comma)));
      v = comma == std::string_view::npos ? "" : v.substr(comma + 1);
    }
  }
  return hops;
}

// A Forwarded element's "for=" node ("for=192.0.2.60;proto=http;by=..."),
// the parameter name case-blind (RFC 7239 section 4); "" when it has none.
std::string_view ForNode(std::string_view element) {
  while (!element.empty()) {
    size_t semi = element.find(';');
    std::string_view pair = TrimBlanks(element.substr(0, semi));
    element = semi == std::string_view::npos ? "" : element.substr(semi + 1);
    if (pair.size() > 4 && EqualsNoCase(pair.substr(0, 4), "for=")) return pair.substr(4);
  }
  return {};
}

}  // namespace

std::string HopAddress(std::string_view node) {
  node = TrimBlanks(node);
  if (node.size() >= 2 && node.front() == '"' && node.back() == '"') {
    node = node.substr(1, node.size() - 2);
  }
  std::string host;
  if (!node.empty() && node.front() == '[') {
    size_t close = node.find(']');
    if (close == std::string_view::npos) return "";
    host = node.substr(1, close - 1);
  } else if (node.find(':') != node.rfind(':')) {
    host = node;  // a bare IPv6 address (X-Forwarded-For writes them so)
  } else {
    host = node.substr(0, node.find(':'));  // IPv4, its port dropped
  }
  return IsIpAddress(host) ? host : "";
}

std::string ClientOf(const httplib::Request& req, const maillog::AddressRanges& trusted) {
  const std::string& peer = req.remote_addr;
  if (trusted.size() == 0 || !trusted.Contains(peer)) return peer;
  std::vector<std::string_view> hops;
  // RFC 7239 is the standard form; X-Forwarded-For only without it.
  for (std::string_view element : Hops(req, "Forwarded")) hops.push_back(ForNode(element));
  if (hops.empty()) hops = Hops(req, "X-Forwarded-For");
  if (hops.empty()) return peer;
  std::string proxy = peer;
  for (size_t i = hops.size(); i-- > 0;) {
    std::string hop = HopAddress(hops[i]);
    if (hop.empty() || !trusted.Contains(hop) || i == 0) {
      std::string client = hop.empty() ? "unknown" : hop;
      client += " via proxy ";
      client += proxy;
      return client;
    }
    proxy = hop;
  }
  return peer;  // not reached: the loop returns at i == 0
}

}  // namespace nearmiss::http
