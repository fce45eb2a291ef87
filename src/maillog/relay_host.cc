#include "maillog/relay_host.h"

#include <arpa/inet.h>

#include <cctype>
#include <charconv>

#include "base/ascii.h"

namespace nearmiss::maillog {
namespace {

// Why Postfix's valid_hostname() (src/util/valid_hostname.c) refuses
// `h`, or "" when it takes it: letters, digits, '_' (which it lets
// through) and hyphens; labels of at most 63 (VALID_LABEL_LEN), neither
// empty (no leading, trailing or adjacent dots) nor starting or ending
// with a hyphen; at most 255 in all (VALID_HOSTNAME_LEN); not all numeric
// (an address is read as one, never as a name: "10.0.0" is neither).
std::string_view HostNameRefusal(std::string_view h) {
  if (h.empty()) return "empty host name";
  size_t label = 0;
  bool numeric = true;
  for (size_t i = 0; i < h.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(h[i]);
    const bool last_of_label = i + 1 == h.size() || h[i + 1] == '.';
    if (std::isalnum(c) || c == '_') {
      if (++label > 63) return "a label longer than 63 characters";
      numeric &= std::isdigit(c) != 0;
    } else if (c == '.') {
      if (label == 0 || i + 1 == h.size()) return "an empty label (a misplaced dot)";
      label = 0;
    } else if (c == '-') {
      if (++label == 1 || last_of_label) return "a label starting or ending with a hyphen";
    } else {
      return "a character no host name has (letters, digits, '-', '_' and dots only)";
    }
  }
  if (numeric) return "all numeric, and no IP address";
  if (h.size() > 255) return "longer than 255 characters";
  return {};
}

// A port: digits in 1-65535, or the service names of the ports a relay
// listens on (services(5): smtp 25, submissions 465, submission 587).
bool Port(std::string_view p, int* port) {
  if (p == "smtp") return (*port = 25), true;
  if (p == "submissions") return (*port = 465), true;
  if (p == "submission") return (*port = 587), true;
  auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), *port);
  return !p.empty() && ec == std::errc() && end == p.data() + p.size() && *port >= 1 &&
         *port <= 65535;
}

// A transport(5) name before the next hop ("smtp:", "relay:", "lmtp:"):
// letters, digits, '-' and '_', no dot (a host name has one, "host:25" a
// port after it).
bool TransportName(std::string_view t) {
  if (t.empty()) return false;
  for (char ch : t) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
  }
  return true;
}

}  // namespace

std::string NormalAddress(std::string_view text) {
  if (text.size() >= INET6_ADDRSTRLEN) return {};
  const std::string a(text);
  unsigned char b[16];
  char out[INET6_ADDRSTRLEN];
  for (int family : {AF_INET, AF_INET6}) {
    if (inet_pton(family, a.c_str(), b) == 1 && inet_ntop(family, b, out, sizeof out) != nullptr) {
      return out;
    }
  }
  return {};
}

bool ReadRelayHost(std::string_view given, RelayHost* out, std::string* why) {
  *out = {};
  std::string_view s = given;
  if (s.empty()) {
    *why = "empty: give a host, [host], host:port or [host]:port (Postfix's relayhost forms)";
    return false;
  }
  if (std::string a = NormalAddress(s); !a.empty()) {
    // A bare address, IPv6 too ("fd00::40": no port, its colons are its
    // own), in the form Postfix logs it (RFC 5952: "FD00:0:0::40" is
    // "fd00::40").
    out->host = std::move(a);
    return true;
  }
  if (size_t colon = s.find(':'); colon != std::string_view::npos && !s.starts_with('[') &&
                                  TransportName(s.substr(0, colon))) {
    std::string_view rest = s.substr(colon + 1);
    int ignored = 0;
    // "relay:25" is a host and its port; "smtp:[relay.example.net]:587" a
    // transport and its next hop.
    if (!Port(rest, &ignored)) s = rest;
  }
  std::string_view host = s, port;
  if (s.starts_with('[')) {
    const size_t close = s.find(']');
    if (close == std::string_view::npos) {
      *why = "'[' without ']'";
      return false;
    }
    host = s.substr(1, close - 1);
    std::string_view after = s.substr(close + 1);
    if (!after.empty()) {
      if (!after.starts_with(':')) {
        *why = "text after ']' that is not :port";
        return false;
      }
      port = after.substr(1);
      if (port.empty()) {
        *why = "':' with no port after it";
        return false;
      }
    }
    if (host.size() > 5 && AsciiLower(host.substr(0, 5)) == "ipv6:") host.remove_prefix(5);
  } else if (size_t colon = s.rfind(':'); colon != std::string_view::npos) {
    host = s.substr(0, colon);
    port = s.substr(colon + 1);
    if (port.empty()) {
      *why = "':' with no port after it";
      return false;
    }
  }
  while (host.ends_with('.') && host.size() > 1) host.remove_suffix(1);
  out->host = AsciiLower(host);
  if (out->host.empty()) {
    *why = "no host given";
    return false;
  }
  if (std::string a = NormalAddress(out->host); !a.empty()) {
    out->host = std::move(a);
  } else if (std::string_view refusal = HostNameRefusal(out->host); !refusal.empty()) {
    // Built by += into a local: GCC 12 at -O3 reports a false -Wrestrict on
    // "literal" + std::string (GCC bug 105329), which release-check makes an error.
    std::string message = "'";
    message += host;
    message += "' is no host name or IP address: ";
    message += refusal;
    message += " (Postfix's valid_hostname() refuses it; a network such as 10.0.0.0/8 is not "
               "a next hop)";
    *why = std::move(message);
    return false;
  }
  if (!port.empty() && !Port(port, &out->port)) {
    std::string message = "port '";
    message += port;
    message += "' is no number in 1-65535";
    *why = std::move(message);
    return false;
  }
  return true;
}

std::string DeclaredRelay(const RelayHost& hop) {
  if (hop.port == 0) return hop.host;
  return "[" + hop.host + "]:" + std::to_string(hop.port);
}

}  // namespace nearmiss::maillog
