#include "maillog/smart_host.h"

#include <cctype>
#include <charconv>

#include "base/ascii.h"
#include "maillog/address_ranges.h"
#include "maillog/eop_mx.h"
#include "maillog/postfix_fields.h"  // InternalRelay

namespace nearmiss::data {
extern const std::string_view kOutboundRelays;  // data/lists/outbound-relays.txt
}  // namespace nearmiss::data

namespace nearmiss::maillog {
namespace {

// `host` is `name` or a host under it.
bool Under(std::string_view host, std::string_view name) {
  if (name.empty()) return false;
  return host == name || (host.size() > name.size() && host.ends_with(name) &&
                          host[host.size() - name.size() - 1] == '.');
}

// `host` matches `pattern`, whose '*' stands for any run of characters
// but '.' (outbound-relays.txt's glob).
bool Glob(std::string_view host, std::string_view pattern) {
  if (pattern.empty()) return host.empty();
  if (pattern.front() == '*') {
    for (size_t i = 0; i <= host.size(); ++i) {
      if (Glob(host.substr(i), pattern.substr(1))) return true;
      if (i < host.size() && host[i] == '.') break;
    }
    return false;
  }
  return !host.empty() && host.front() == pattern.front() &&
         Glob(host.substr(1), pattern.substr(1));
}

// data/lists/outbound-relays.txt, read once.
struct Relays {
  std::vector<std::string> hosts, globs, unders, connector_words;
  AddressRanges ranges;  // "range": a gateway's published block
};

const Relays& List() {
  static const Relays relays = [] {
    Relays r;
    std::string_view text = data::kOutboundRelays;
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
      size_t blank = line.find(' ');
      if (blank == std::string_view::npos) continue;
      std::string_view kind = line.substr(0, blank);
      std::string value = AsciiLower(line.substr(blank + 1));
      while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.pop_back();
      if (value.empty()) continue;
      if (kind == "host") r.hosts.push_back(std::move(value));
      if (kind == "glob") r.globs.push_back(std::move(value));
      if (kind == "under") r.unders.push_back(std::move(value));
      if (kind == "connector") r.connector_words.push_back(std::move(value));
      // A malformed range is left out (smart_host_test.cc checks that
      // every entry of the list parses).
      if (kind == "range") r.ranges.Add(value);
    }
    return r;
  }();
  return relays;
}

// A word boundary before `at` in `s`: its start, after a character that
// is no letter or digit, or where a lower-case letter meets an upper-case
// one ("ToMimecast").
bool WordStart(std::string_view s, size_t at) {
  if (at == 0 || at >= s.size()) return true;
  const unsigned char before = static_cast<unsigned char>(s[at - 1]);
  const unsigned char c = static_cast<unsigned char>(s[at]);
  return !std::isalnum(before) || !std::isalnum(c) || (std::islower(before) && std::isupper(c));
}

// `word` (lower case) is a whole word of `name` (`lower` its lower case):
// "To Cisco" and "ToCisco" hold "cisco", "San Francisco Internet" does not
// (issue-16 tester round 36, defect 4).
bool HasWord(std::string_view name, std::string_view lower, std::string_view word) {
  for (size_t at = lower.find(word); at != std::string_view::npos;
       at = lower.find(word, at + 1)) {
    if (WordStart(name, at) && WordStart(name, at + word.size())) return true;
  }
  return false;
}

}  // namespace

bool OutboundRelay(const NextHop& hop, std::string_view recipient_domain,
                   const std::vector<std::string>& named) {
  if (RecipientOwnHost(hop.host, recipient_domain)) return false;
  std::string host = AsciiLower(hop.host);
  while (host.ends_with('.')) host.pop_back();
  const std::string address = AsciiLower(hop.address);
  for (const std::string& n : named) {
    if (Under(host, n) || (!address.empty() && address == n)) return true;
  }
  // Any port but 25, to an address not the organisation's own.
  if (hop.port != 0 && hop.port != 25 &&
      !InternalRelay("[" + (address.empty() ? host : address) + "]")) {
    return true;
  }
  const Relays& list = List();
  // A next hop known by its address alone (a Microsoft 365 trace's ToIP)
  // in a block a gateway operator publishes for its servers: its inbound
  // and outbound hosts share those blocks, and either may still hold or
  // drop the message. A named host is judged by its name below.
  if (host.empty() && !address.empty() && list.ranges.Contains(address)) return true;
  if (host.empty() || host.find('.') == std::string::npos) return false;
  for (const std::string& h : list.hosts) {
    if (host == h) return true;
  }
  for (const std::string& g : list.globs) {
    if (Glob(host, g)) return true;
  }
  for (const std::string& u : list.unders) {
    if (Under(host, u)) return true;
  }
  // Exchange Online's tenant name: the recipient's MX when its domain key
  // names the recipient's domain, else the organisation's tenant (eop_mx.h).
  if (const std::string_view key = EopDomainKey(host); !key.empty()) {
    return !EopKeyNames(key, recipient_domain);
  }
  return false;
}

bool RecipientOwnHost(std::string_view host, std::string_view recipient_domain) {
  std::string name = AsciiLower(host);
  while (name.ends_with('.')) name.pop_back();
  std::string domain = ALabels(recipient_domain);
  while (domain.ends_with('.')) domain.pop_back();
  return domain.find('.') != std::string::npos && Under(name, domain);
}

bool PostfixSmartHost(std::string_view relay, std::string_view recipient_domain,
                      const std::vector<std::string>& named) {
  NextHop hop;
  size_t open = relay.find('[');
  size_t close = relay.find(']', open == std::string_view::npos ? 0 : open);
  hop.host = relay.substr(0, relay.find_first_of("[:"));
  if (open != std::string_view::npos && close != std::string_view::npos) {
    hop.address = relay.substr(open + 1, close - open - 1);
    if (close + 1 < relay.size() && relay[close + 1] == ':') {
      std::string_view port = relay.substr(close + 2);
      std::from_chars(port.data(), port.data() + port.size(), hop.port);
    }
  }
  return OutboundRelay(hop, recipient_domain, named);
}

bool LmtpRecipientStore(std::string_view relay, std::string_view recipient_domain) {
  const size_t open = relay.find('[');
  if (open == std::string_view::npos || open == 0 || InternalRelay(relay)) return false;
  std::string host = AsciiLower(relay.substr(0, open));
  while (host.ends_with('.')) host.pop_back();
  std::string domain = AsciiLower(recipient_domain);
  while (domain.ends_with('.')) domain.pop_back();
  // A socket's path in the brackets is no address (SocketRelay): local.
  if (relay.find('/', open) != std::string_view::npos) return false;
  return domain.find('.') != std::string::npos && Under(host, domain);
}

bool RelayOperatorDomain(std::string_view domain) {
  if (domain.find('.') == std::string_view::npos) return false;
  const Relays& list = List();
  // A glob's fixed tail names its operator ("email-smtp.*.amazonaws.com").
  for (const auto* entries : {&list.hosts, &list.globs, &list.unders}) {
    for (const std::string& e : *entries) {
      if (Under(e, domain)) return true;
    }
  }
  return false;
}

bool SmartHostConnector(std::string_view connector, const std::vector<std::string>& named) {
  if (connector.empty()) return false;
  const std::string lower = AsciiLower(connector);
  // A connector-id names its server too ("EX01\To Gateway").
  const size_t server = lower.rfind('\\');
  const std::string_view name = server == std::string::npos
                                    ? std::string_view(lower)
                                    : std::string_view(lower).substr(server + 1);
  for (const std::string& n : named) {
    if (lower == n || name == n) return true;
  }
  if (lower.starts_with("outbound to office 365") || lower.find("smarthost") != std::string::npos ||
      lower.find("smart host") != std::string::npos) {
    return true;
  }
  for (const std::string& w : List().connector_words) {
    if (HasWord(connector, lower, w)) return true;
  }
  return false;
}

}  // namespace nearmiss::maillog
