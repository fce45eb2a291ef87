#include "maillog/final_relay.h"

#include <cctype>

#include "maillog/relay_host.h"

namespace nearmiss::maillog {
namespace {

bool SameHost(std::string_view a, std::string_view b) {
  while (a.ends_with('.')) a.remove_suffix(1);
  while (b.ends_with('.')) b.remove_suffix(1);
  if (a.empty() || a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// "HOST", "HOST:PORT", "[ADDR]", "[ADDR]:PORT"; a bare IPv6 address (two
// colons or more) has no port.
void SplitDeclared(std::string_view d, std::string_view* host, std::string_view* port) {
  *port = {};
  if (d.starts_with('[')) {
    size_t close = d.find(']');
    *host = d.substr(1, close == std::string_view::npos ? d.npos : close - 1);
    if (close != std::string_view::npos && d.substr(close + 1).starts_with(':')) {
      *port = d.substr(close + 2);
    }
    return;
  }
  size_t colon = d.find(':');
  if (colon != std::string_view::npos && d.find(':', colon + 1) == std::string_view::npos) {
    *host = d.substr(0, colon);
    *port = d.substr(colon + 1);
    return;
  }
  *host = d;
}

}  // namespace

bool FinalRelay(std::string_view relay, const std::vector<std::string>& declared) {
  if (declared.empty()) return false;
  // "name[addr]:port" (smtp(8), lmtp(8)); Postfix may write "ipv6:" before
  // an IPv6 address.
  size_t open = relay.find('[');
  size_t close = relay.find(']', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos) {
    // A pipe(8) transport's name ("dovecot", "maildrop"): master.cf's
    // service name, which pipe(8) logs as relay=; declared without a port.
    for (const std::string& d : declared) {
      std::string_view host, want_port;
      SplitDeclared(d, &host, &want_port);
      if (want_port.empty() && SameHost(host, relay)) return true;
    }
    return false;
  }
  if (close == std::string_view::npos) return false;
  std::string_view name = relay.substr(0, open);
  std::string_view addr = relay.substr(open + 1, close - open - 1);
  if (addr.starts_with("ipv6:") || addr.starts_with("IPv6:")) addr.remove_prefix(5);
  std::string_view port =
      relay.substr(close + 1).starts_with(':') ? relay.substr(close + 2) : std::string_view();
  for (const std::string& d : declared) {
    std::string_view host, want_port;
    SplitDeclared(d, &host, &want_port);
    // Addresses compare as addresses: "[FD00:0:0::40]:24" given names the
    // "fd00::40" Postfix logs (inet_ntop's form).
    if (!SameHost(host, name) && !SameHost(host, addr) &&
        !(addr.find(':') != std::string_view::npos && !NormalAddress(addr).empty() &&
          NormalAddress(addr) == NormalAddress(host))) {
      continue;
    }
    if (want_port.empty() || want_port == port) return true;
  }
  return false;
}

}  // namespace nearmiss::maillog
