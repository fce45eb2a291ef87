#include "investigate/lookalike_hop.h"

#include <cctype>

#include "address/root_zone.h"
#include "base/text_format.h"
#include "investigate/auditor.h"
#include "investigate/report.h"
#include "maillog/eop_mx.h"
#include "maillog/postfix_fields.h"
#include "maillog/trace_send.h"
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

std::string InternalHop(std::string_view relay) {
  if (maillog::InternalRelay(relay)) {
    return "its address is loopback, private or link-local (RFC 1918, RFC 4193): "
           "a server of the organisation";
  }
  const std::string host = NextHopName(relay);
  if (host.empty()) return {};
  if (host == "home.arpa" || host.ends_with(".home.arpa")) {
    return "home.arpa is for home networks (RFC 8375): a server of the organisation";
  }
  const std::string_view tld = std::string_view(host).substr(host.rfind('.') + 1);
  if (!address::IsDelegatedTld(tld)) {
    return "the TLD ." + std::string(tld) +
           " is not in the DNS root zone: only the organisation's own DNS names this server";
  }
  return {};
}

std::string NextHopDomain(std::string_view relay) {
  if (!InternalHop(relay).empty()) return {};
  const std::string host = NextHopName(relay);
  // A tenant's Exchange Online MX (maillog/eop_mx.h), whatever tenant:
  // Microsoft's server under Microsoft's name in that country
  // (contoso-cn.mail.protection.partner.outlook.cn), never a look-alike's.
  if (!maillog::EopDomainKey(host).empty()) return {};
  Domain d;
  if (host.empty() || !ParseDomain(host, &d).ok()) return {};
  return d.registrable;
}

const Auditor::Flag* Auditor::LookalikeHop(std::string_view relay, std::string_view address,
                                           Row& row) {
  // Judged once per next hop as logged (its head, NextHopHead): a log names
  // few relays for many deliveries, and the name's parse (libpsl) was
  // redone for each unflagged delivery (issue 16, h52). Past
  // kMaxHopNames heads the cache is emptied and filled again: the same
  // verdicts, recomputed.
  // The address is judged before the cache, whose key is the name alone:
  // one name at a private address and at a public one (gw.army.ml[10.1.1.2],
  // gw.army.ml[203.0.113.5]) are two next hops, and the first one seen
  // must not decide for the other.
  // An Exchange SEND's server-ip is beside its server-hostname, not in
  // the relay text (Attempt::relay_address): judged the same way, so
  // gw.armymil.com at 10.0.0.5 is the organisation's as
  // gw.armymil.com[10.0.0.5] in Postfix's relay= is (issue-16 tester
  // round 58b, carried).
  if (maillog::InternalRelay(relay) || maillog::PrivateNextHop(address, {})) return nullptr;
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
  // A typo is asked about only for a look-alike: a hop under a domain the
  // policy blocks (a provider in a country blocked, mx.yandex.ru) is where
  // the partner's mail is hosted, no slip (round 58b's tester, note).
  const bool lookalike = !f.target.empty();
  row.reason = "handed to " + host + ", " +
               (lookalike ? "a look-alike of " + f.target : "under a " + f.verdict + " domain") +
               ", whose operator receives the message whoever the recipient is" +
               (lookalike ? " (a relayhost, transport or smart-host typo?)" : "") +
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
         "): its operator received the message (a look-alike one: a relayhost, transport or "
         "smart-host typo?); "
         "counted under the next hop's domain";
}

}  // namespace nearmiss::investigate
