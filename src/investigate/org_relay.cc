#include "investigate/org_relay.h"

#include <cctype>

#include "maillog/smart_host.h"
#include "nearmiss/address.h"
#include "nearmiss/verdict.h"

namespace nearmiss::investigate {
namespace {

// `host` is `domain` or a host under it.
bool Under(std::string_view host, std::string_view domain) {
  if (domain.empty()) return false;
  return host == domain || (host.size() > domain.size() && host.ends_with(domain) &&
                            host[host.size() - domain.size() - 1] == '.');
}

// The source of a trusted check's trust; nullptr when it is not trusted.
const Reason* TrustReason(const RecipientCheck& c) {
  if (c.verdict != Verdict::kTrusted) return nullptr;
  for (const Reason& r : c.reasons) {
    if (r.code == ReasonCode::kTrusted) return &r;
  }
  return nullptr;
}

}  // namespace

std::string OrgRelayJudge::Registered(std::string_view address) {
  Result<Address> a = ParseAddress(address);
  return a.ok() ? a->domain.registrable : std::string();
}

int OrgRelayJudge::HostClass(const std::string& host) {
  if (auto it = hosts_.find(host); it != hosts_.end()) return it->second;
  std::string probe = "postmaster@";
  probe += host;
  RecipientCheck c = engine_->CheckRecipient(probe);
  int cls = 0;
  if (c.verdict == Verdict::kLookalike || c.verdict == Verdict::kBlocked) {
    cls = -1;
  } else if (const Reason* r = TrustReason(c);
             r != nullptr &&
             (r->source == TrustSource::kProtected || r->source == TrustSource::kOrganisation)) {
    cls = 1;
  }
  if (hosts_.size() >= kMaxCached) hosts_.clear();  // bounded: asked again at worst
  hosts_.emplace(host, cls);
  return cls;
}

bool OrgRelayJudge::Provider(const std::string& domain) {
  if (auto it = providers_.find(domain); it != providers_.end()) return it->second;
  std::string probe = "postmaster@";
  probe += domain;
  RecipientCheck c = engine_->CheckRecipient(probe);
  const Reason* r = TrustReason(c);
  // A flagged sender's domain is no ground for trust either.
  const bool provider = (r != nullptr && r->source == TrustSource::kProvider) ||
                        c.verdict == Verdict::kLookalike || c.verdict == Verdict::kBlocked;
  if (providers_.size() >= kMaxCached) providers_.clear();
  providers_.emplace(domain, provider);
  return provider;
}

std::string OrgRelayJudge::HostName(std::string_view relay_host) {
  std::string host;
  for (char c : relay_host) host += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (host.ends_with('.')) host.pop_back();
  // "unknown" (no reverse name), "none", a bare address: no name to judge.
  const size_t dot = host.rfind('.');
  if (dot == std::string::npos || dot + 1 == host.size() ||
      std::isdigit(static_cast<unsigned char>(host[dot + 1])) || host.find(':') != std::string::npos) {
    return {};
  }
  return host;
}

bool OrgRelayJudge::IsProviderRelay(std::string_view relay_host, std::string_view sender,
                                    std::string_view recipient) {
  const std::string host = HostName(relay_host);
  if (host.empty() || Under(host, Registered(recipient))) return false;
  // Under a protected or the organisation's own domain: IsOrganisationRelay's.
  if (HostClass(host) != 0) return false;
  const std::string from = Registered(sender);
  if (!Under(host, from)) return false;
  // A shared mailbox provider's relay (alice@gmail.com through a host
  // under gmail.com) keeps the provider rule: neither the organisation's
  // nor a relay service, its 250 counted as the delivery it is in
  // postfix-public-org-relay. A relay service's or gateway's (the list's
  // operators: sendgrid.net, mimecast.com) is a smart host outside.
  return !Provider(from) && maillog::RelayOperatorDomain(from);
}

bool OrgRelayJudge::IsOrganisationRelay(std::string_view relay_host, std::string_view sender,
                                        std::string_view recipient) {
  const std::string host = HostName(relay_host);
  if (host.empty()) return false;
  if (Under(host, Registered(recipient))) return false;  // the recipient's own MX
  const int cls = HostClass(host);
  if (cls < 0) return false;
  if (cls > 0) return true;
  const std::string from = Registered(sender);
  return Under(host, from) && !Provider(from) && !maillog::RelayOperatorDomain(from);
}

}  // namespace nearmiss::investigate
