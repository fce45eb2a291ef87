#include "investigate/lookalike_hop.h"

#include <cctype>

#include "base/text_format.h"
#include "investigate/auditor.h"
#include "investigate/report.h"
#include "nearmiss/address.h"

namespace nearmiss::investigate {

std::string_view NextHopHead(std::string_view relay) {
  // Before the address in brackets, a port, a note: "host[addr]:port (...)".
  return relay.substr(0, relay.find_first_of("[]: ,;()"));
}

std::string NextHopName(std::string_view relay) {
  relay = NextHopHead(relay);
  std::string host;
  for (char c : relay) {
    if (c == '/' || c == '@') return {};  // a socket path, an address
    host += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (host.ends_with('.')) host.pop_back();
  const size_t dot = host.rfind('.');
  // No dot: "none", "unknown", "local"; a digit after the last dot: an
  // IPv4 address (no top-level domain starts with one).
  if (dot == std::string::npos || dot == 0 || dot + 1 == host.size() ||
      std::isdigit(static_cast<unsigned char>(host[dot + 1]))) {
    return {};
  }
  return host;
}

std::string NextHopDomain(std::string_view relay) {
  const std::string host = NextHopName(relay);
  Domain d;
  if (host.empty() || !ParseDomain(host, &d).ok()) return {};
  return d.registrable;
}

const Auditor::Flag* Auditor::LookalikeHop(std::string_view relay, Row& row) {
  // Judged once per next hop as logged (its head, NextHopHead): a log names
  // few relays for many deliveries, and the name's parse (libpsl) was
  // redone for each unflagged delivery (issue 16, h52). Past
  // kMaxHopNames heads the cache is emptied and filled again: the same
  // verdicts, recomputed.
  const std::string_view head = NextHopHead(relay);
  auto it = hop_names_.find(head);
  if (it == hop_names_.end()) {
    if (hop_names_.size() >= kMaxHopNames) hop_names_.clear();
    HopName h;
    // The host's registrable name, judged as a recipient's domain:
    // smtp.armymil.com is armymil.com's server.
    h.domain = NextHopDomain(relay);
    if (!h.domain.empty()) {
      h.host = NextHopName(relay);
      h.flag = &Classify(h.domain);  // flags_ keeps references
    }
    it = hop_names_.emplace(std::string(head), std::move(h)).first;
  }
  const HopName& h = it->second;
  if (h.flag == nullptr || !h.flag->flagged) return nullptr;
  const Flag& f = *h.flag;
  const std::string& domain = h.domain;
  const std::string& host = h.host;
  row.domain = domain;
  row.reason = "handed to " + host + ", " +
               (f.target.empty() ? "a " + f.verdict + " domain" : "a look-alike of " + f.target) +
               ", whose operator receives the message whoever the recipient is (a relayhost, "
               "transport or smart-host typo?)" +
               (f.reason.empty() ? "" : "; " + domain + ": " + f.reason);
  row.lookalike_hop = host;
  return &f;
}

std::string LookalikeHopText(const Report& rep) {
  if (rep.lookalike_hop_deliveries == 0) return {};
  std::string hosts;
  for (const std::string& h : rep.lookalike_hops) hosts += (hosts.empty() ? "" : ", ") + h;
  if (rep.lookalike_hops_more) hosts += ", ...";
  return "of which " +
         Counted(rep.lookalike_hop_deliveries, "recipient", "recipients") +
         " not at a flagged domain, handed to a next hop under a look-alike or blocked domain (" +
         hosts +
         "): its operator received the message (a relayhost, transport or smart-host typo?); "
         "counted under the next hop's domain";
}

}  // namespace nearmiss::investigate
