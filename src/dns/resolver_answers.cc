// The answers of the resolver thread's lookups: c-ares' callbacks (MX,
// then A and AAAA on NODATA; the exchanger's address for the catch-all
// probe), the probe's answer, and Finish, which answers a lookup once.
#include <arpa/inet.h>
#include <arpa/nameser.h>

#include <algorithm>
#include <ctime>
#include <vector>

#include "base/text_format.h"
#include "dns/answer.h"
#include "dns/resolver_impl.h"

namespace nearmiss::dns {
namespace {

std::string NowUtc() {
  return FormatUtc(static_cast<int64_t>(std::time(nullptr)), "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace

DnsFacts Resolver::Impl::Unknown(std::string why) {
  DnsFacts f;
  f.unknown = std::move(why);
  f.checked_at = NowUtc();
  return f;
}

DnsFacts Resolver::Impl::Known(bool exists, MailExchanger m) {
  DnsFacts f;
  f.exists = exists;
  f.exchanger = m;
  f.mx = m == MailExchanger::kMx || m == MailExchanger::kImplicit;
  f.checked_at = NowUtc();
  return f;
}

DnsFacts Resolver::Impl::NoUsableAddress(bool loopback, const std::string& special,
                                         MailExchanger otherwise) {
  if (!special.empty()) {
    DnsFacts f = Known(true, MailExchanger::kSpecialAddress);
    f.address_kind = special;
    return f;
  }
  return Known(true, loopback ? MailExchanger::kLoopback : otherwise);
}

// Answers the lookup once; `ttl` (seconds) caches the answer, capped.
void Resolver::Impl::Finish(Pending& p, DnsFacts facts, std::optional<uint32_t> ttl) {
  if (p.done) return;
  p.done = true;
  if (prober_ && !facts.catch_all && facts.catch_all_unknown.empty()) {
    facts.catch_all_unknown = !facts.exists.has_value() ? "not probed: DNS answer unknown"
                              : p.answer                ? "timeout"
                                                        : "not probed: no mail exchanger";
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    inflight_.erase(p.domain);
    if (prober_ && p.answer && !facts.catch_all) ++counters_.probes_unknown;
    if (!facts.exists.has_value()) {
      ++counters_.unknown;
      if (facts.unknown == "timeout") ++counters_.timeouts;
    } else if (ttl && options_.cache_ttl_max > 0 && options_.cache_size > 0) {
      int64_t seconds = std::min<int64_t>(*ttl, options_.cache_ttl_max);
      if (seconds > 0) {
        Clock::time_point now = Clock::now();
        cache_.Store(p.domain, facts, now + std::chrono::seconds(seconds), now);
      }
    }
  }
  p.promise.set_value(std::move(facts));
}

void Resolver::Impl::Send(const std::shared_ptr<Pending>& p, int type, ares_callback callback) {
  ++p->outstanding;
  ares_query(p->own_channel != nullptr ? p->own_channel : channel_, p->domain.c_str(), ns_c_in, type,
             callback,
             new Query{this, p, static_cast<unsigned>(type), p->own_channel != nullptr, ""});
}

void Resolver::Impl::SendHost(const std::shared_ptr<Pending>& p, const std::string& host, int type) {
  ++p->outstanding;
  ares_query(p->own_channel != nullptr ? p->own_channel : channel_, host.c_str(), ns_c_in, type,
             OnExchangerHost,
             new Query{this, p, static_cast<unsigned>(type), p->own_channel != nullptr, host});
}

void Resolver::Impl::OnMx(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen) {
  std::unique_ptr<Query> q(static_cast<Query*>(arg));
  Pending& p = *q->pending;
  --p.outstanding;
  if (p.done || status == ARES_EDESTRUCTION) return;
  Impl& self = *q->self;
  // Maybe another lookup's failure (resolver_impl.h, own_channel).
  if (status == ARES_ECONNREFUSED && self.RetryAlone(*q, OnMx)) return;
  if (status == ARES_ENOTFOUND) {  // NXDOMAIN: kept as its SOA says, at most kNegativeTtlSeconds
    // Without an SOA (a forwarder's local answer) RFC 2308 §5 says not to
    // cache; it is kept kNoSoaNegativeTtlSeconds only, long enough for the
    // milter to read a lookup started at RCPT at the end of that message.
    std::optional<uint32_t> negative = NegativeTtl(abuf, alen);
    negative = negative ? std::min(*negative, static_cast<uint32_t>(kNegativeTtlSeconds))
                        : static_cast<uint32_t>(kNoSoaNegativeTtlSeconds);
    return self.Finish(p, Known(false, MailExchanger::kNone), negative);
  }
  if (status == ARES_ENODATA) {  // the name exists, without MX
    self.Send(q->pending, ns_t_a, OnAddress);
    self.Send(q->pending, ns_t_aaaa, OnAddress);
    return;
  }
  if (status != ARES_SUCCESS) return self.Finish(p, Unknown(UnknownReason(status)), std::nullopt);
  ares_mx_reply* mx = nullptr;
  int rc = ares_parse_mx_reply(abuf, alen, &mx);
  // An answer of other types only: a CNAME chain whose end has no MX
  // (RFC 1034 §3.6.2). c-ares says ENODATA for some shapes and success
  // with no record for others (a CNAME-only answer): both are NODATA.
  if (rc == ARES_ENODATA || (rc == ARES_SUCCESS && mx == nullptr)) {
    self.Send(q->pending, ns_t_a, OnAddress);
    self.Send(q->pending, ns_t_aaaa, OnAddress);
    return;
  }
  if (rc != ARES_SUCCESS) return self.Finish(p, Unknown(UnknownReason(rc)), std::nullopt);
  // RFC 7505 §3: a null MX is the only MX, preference 0, exchange "."
  // (c-ares hands the root as "" or ".").
  bool null_mx = mx->next == nullptr && mx->priority == 0 &&
                 (mx->host == nullptr || mx->host[0] == '\0' ||
                  std::string_view(mx->host) == ".");
  const std::optional<uint32_t> ttl = MinAnswerTtl(abuf, alen, ns_t_mx);
  if (null_mx) {
    ares_free_data(mx);
    return self.Answered(q->pending, Known(true, MailExchanger::kNullMx), ttl, "");
  }
  // RFC 5321 §5.1: the hosts in order of preference, each tried until one
  // has an address. A host "." (a null MX among others, or with a
  // preference) is none; "localhost" is this machine (RFC 6761 §6.3), and
  // as Postfix drops the best host that is this machine and every host of
  // the same or a worse preference (DecideExchangers), so are those hosts;
  // the others are asked their addresses (OnExchangerHost), at most
  // kMaxExchangerHosts of them.
  constexpr size_t kMaxExchangerHosts = 4;
  std::vector<const ares_mx_reply*> order;
  for (const ares_mx_reply* m = mx; m != nullptr; m = m->next) order.push_back(m);
  std::stable_sort(order.begin(), order.end(),
                   [](const ares_mx_reply* a, const ares_mx_reply* b) { return a->priority < b->priority; });
  bool localhost = false;
  std::vector<resolver_internal::ExchangerHost> hosts;
  for (const ares_mx_reply* m : order) {
    std::string host = m->host != nullptr ? m->host : "";
    while (!host.empty() && host.back() == '.') host.pop_back();
    if (host.empty()) continue;
    if (LocalhostName(host)) {
      // This host: it, the hosts of its preference listed before it and
      // every later host are dropped.
      localhost = true;
      std::erase_if(hosts, [&](const auto& h) { return h.pref == m->priority; });
      break;
    }
    if (hosts.size() < kMaxExchangerHosts &&
        std::none_of(hosts.begin(), hosts.end(), [&](const auto& h) { return h.name == host; })) {
      resolver_internal::ExchangerHost h;
      h.name = std::move(host);
      h.pref = m->priority;
      hosts.push_back(std::move(h));
    }
  }
  ares_free_data(mx);
  if (hosts.empty()) {
    const MailExchanger kind = localhost ? MailExchanger::kLoopback : MailExchanger::kNullMx;
    return self.Finish(p, Known(true, kind), ttl);
  }
  p.host_loopback = localhost;
  p.mx_ttl = ttl;
  p.hosts = hosts;
  for (const auto& host : hosts) {
    self.SendHost(q->pending, host.name, ns_t_a);
    self.SendHost(q->pending, host.name, ns_t_aaaa);
  }
}

void Resolver::Impl::OnExchangerHost(void* arg, int status, int /*timeouts*/, unsigned char* abuf,
                                     int alen) {
  std::unique_ptr<Query> q(static_cast<Query*>(arg));
  Pending& p = *q->pending;
  --p.outstanding;
  if (p.done || status == ARES_EDESTRUCTION || p.hosts_decided) return;
  Impl& self = *q->self;
  auto host = std::find_if(p.hosts.begin(), p.hosts.end(),
                           [&](const resolver_internal::ExchangerHost& h) { return h.name == q->host; });
  if (host == p.hosts.end()) return;
  ++host->answers;
  if (status == ARES_SUCCESS) {
    const AnswerAddresses a = ReadAddresses(abuf, alen, q->type);
    host->usable = host->usable || self.Receives(a);
    host->self = host->self || self.IsThisHost(a);
    host->loopback = host->loopback || a.loopback > 0 || a.own > 0;
    if (host->special.empty()) host->special = a.kind;
  } else if (status != ARES_ENODATA && status != ARES_ENOTFOUND) {
    host->failed = true;
  }
  self.DecideExchangers(q->pending);
}

bool Resolver::Impl::DecideExchangers(const std::shared_ptr<Pending>& pending) {
  Pending& p = *pending;
  // p.hosts is in order of preference. Walking it: the first host that is
  // this host ends the walk (it and the rest are dropped), as does a host
  // not yet answered (what follows waits for it).
  bool all_answered = true;
  const resolver_internal::ExchangerHost* receives = nullptr;
  const resolver_internal::ExchangerHost* failed = nullptr;
  size_t walked = 0;  // the hosts Postfix keeps, and the group that is this host
  for (size_t i = 0; i < p.hosts.size(); ++i) {
    const resolver_internal::ExchangerHost& h = p.hosts[i];
    // Hosts of one preference stand or fall together: every one of them
    // must have answered, and none be this host.
    const unsigned pref = h.pref;
    size_t end = i;
    bool group_answered = true;
    bool group_self = false;
    for (; end < p.hosts.size() && p.hosts[end].pref == pref; ++end) {
      group_answered = group_answered && p.hosts[end].answers == 2;
      group_self = group_self || p.hosts[end].self;
    }
    walked = end;
    if (group_self) break;
    if (!group_answered) {
      all_answered = false;
      break;
    }
    for (size_t j = i; j < end && receives == nullptr; ++j) {
      if (p.hosts[j].usable) receives = &p.hosts[j];
      if (p.hosts[j].failed && failed == nullptr) failed = &p.hosts[j];
    }
    if (receives != nullptr) break;
    i = end - 1;
  }
  if (receives != nullptr) {
    p.hosts_decided = true;
    Answered(pending, Known(true, MailExchanger::kMx), p.mx_ttl, receives->name);
    return true;
  }
  if (!all_answered) return false;
  // A host left whose address could not be learnt may be the one that
  // receives: the MX is believed, as before these checks (fails closed:
  // can receive).
  p.hosts_decided = true;
  if (failed != nullptr) {
    Answered(pending, Known(true, MailExchanger::kMx), p.mx_ttl, failed->name);
    return true;
  }
  // The facts name what the hosts walked were: the dropped ones after the
  // first that is this host do not count.
  bool loopback = p.host_loopback;
  std::string special;
  for (size_t i = 0; i < walked; ++i) {
    loopback = loopback || p.hosts[i].loopback;
    if (special.empty()) special = p.hosts[i].special;
  }
  std::optional<uint32_t> ttl = p.mx_ttl;
  if (ttl) ttl = std::min(*ttl, static_cast<uint32_t>(kNegativeTtlSeconds));
  Finish(p, NoUsableAddress(loopback, special, MailExchanger::kNoExchangerHost), ttl);
  return true;
}

void Resolver::Impl::OnAddress(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen) {
  std::unique_ptr<Query> q(static_cast<Query*>(arg));
  Pending& p = *q->pending;
  --p.outstanding;
  if (p.done || status == ARES_EDESTRUCTION) return;
  Impl& self = *q->self;
  // Maybe another lookup's failure (resolver_impl.h, own_channel).
  if (status == ARES_ECONNREFUSED && self.RetryAlone(*q, OnAddress)) return;
  ++p.address_answers;
  if (status == ARES_SUCCESS) {
    // Only an A or AAAA record is an address; a CNAME-only answer is not.
    // The implicit MX is the domain's own address: loopback or other
    // special-purpose addresses only are no mail (the MX hosts' rule,
    // OnExchangerHost).
    // An address that is this host, in either family, is Postfix's "mail
    // for D loops back to myself" (smtp_addr.c, smtp_host_addr: any
    // address smtp_find_self finds), whatever the other addresses.
    const AnswerAddresses a = ReadAddresses(abuf, alen, q->type);
    std::optional<uint32_t> ttl = MinAnswerTtl(abuf, alen, q->type);
    p.address_self = p.address_self || self.IsThisHost(a);
    if (ttl && self.Receives(a)) {
      p.has_address = true;
      p.address_ttl = p.address_ttl ? std::min(*p.address_ttl, *ttl) : *ttl;
    }
    if (a.usable() < a.count) {
      p.address_loopback = p.address_loopback || a.loopback > 0 || a.own > 0;
      if (p.address_special.empty()) p.address_special = a.kind;
    }
  } else if (status != ARES_ENODATA && status != ARES_ENOTFOUND) {
    p.address_failure = UnknownReason(status);
  }
  // Both families answered first: the other one may hold this host.
  if (p.address_answers < 2) return;
  // One address is enough for the implicit MX of RFC 5321 §5.1.
  if (p.has_address && !p.address_self) {
    return self.Answered(q->pending, Known(true, MailExchanger::kImplicit), p.address_ttl,
                         p.domain);
  }
  if (p.address_self) {
    self.Finish(p, NoUsableAddress(p.address_loopback, p.address_special, MailExchanger::kNone),
                static_cast<uint32_t>(kNegativeTtlSeconds));
    return;
  }
  if (!p.address_failure.empty()) {
    return self.Finish(p, Unknown(p.address_failure), std::nullopt);
  }
  self.Finish(p, NoUsableAddress(p.address_loopback, p.address_special, MailExchanger::kNone),
              static_cast<uint32_t>(kNegativeTtlSeconds));
}

// DNS says the domain receives mail at `exchanger`: done, or (probe on)
// on to the exchanger's address and the probe.
void Resolver::Impl::Answered(const std::shared_ptr<Pending>& p, DnsFacts facts, std::optional<uint32_t> ttl,
              std::string exchanger) {
  if (!prober_ || !facts.mx.value_or(false) || exchanger.empty()) {
    return Finish(*p, std::move(facts), ttl);
  }
  p->answer = std::move(facts);
  p->answer_ttl = ttl;
  p->exchanger = std::move(exchanger);
  ++p->outstanding;
  ares_gethostbyname(channel_, p->exchanger.c_str(), AF_UNSPEC, OnExchangerAddress,
                     new Query{this, p, 0, false, ""});
}

void Resolver::Impl::OnExchangerAddress(void* arg, int status, int /*timeouts*/, hostent* host) {
  std::unique_ptr<Query> q(static_cast<Query*>(arg));
  Pending& p = *q->pending;
  --p.outstanding;
  if (p.done || status == ARES_EDESTRUCTION) return;
  Impl& self = *q->self;
  char text[INET6_ADDRSTRLEN] = {};
  if (status != ARES_SUCCESS || host == nullptr || host->h_addr_list[0] == nullptr ||
      inet_ntop(host->h_addrtype, host->h_addr_list[0], text, sizeof text) == nullptr) {
    return self.Probed(p, {std::nullopt, "no address for the mail exchanger " + p.exchanger +
                                             " (" + UnknownReason(status) + ")"});
  }
  {
    std::lock_guard<std::mutex> lock(self.mu_);
    ++self.counters_.probes;
  }
  self.prober_->Probe(text, p.domain, p.deadline,
                      [impl = &self, pending = q->pending](ProbeResult r) {
                        // The prober's thread: handed to the resolver thread.
                        std::lock_guard<std::mutex> lock(impl->mu_);
                        impl->probed_.emplace_back(pending, std::move(r));
                        impl->Wake();
                      });
}

// The probe's answer: the DNS facts with catch_all, kept for the probe's TTL.
void Resolver::Impl::Probed(Pending& p, ProbeResult r) {
  if (p.done || !p.answer) return;
  DnsFacts facts = *p.answer;
  facts.catch_all = r.catch_all;
  facts.catch_all_unknown = std::move(r.unknown);
  int64_t keep = r.catch_all ? options_.catch_all_cache_ttl : kUnknownProbeTtlSeconds;
  std::optional<uint32_t> ttl = p.answer_ttl;
  if (ttl) ttl = static_cast<uint32_t>(std::min<int64_t>(*ttl, keep));
  Finish(p, std::move(facts), ttl);
}

}  // namespace nearmiss::dns
