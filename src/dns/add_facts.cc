#include "dns/add_facts.h"

#include <chrono>

namespace nearmiss::dns {

bool AddDnsFacts(DnsSource& source, RecipientCheck* check) {
  if (check->verdict != Verdict::kLookalike || check->domain.empty()) return false;
  check->dns = source.Lookup(check->domain).get();
  return true;
}

bool AddReadyDnsFacts(DnsSource& source, RecipientCheck* check) {
  if (check->verdict != Verdict::kLookalike || check->domain.empty()) return false;
  std::shared_future<DnsFacts> f = source.Lookup(check->domain);
  if (f.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    check->dns_pending = true;
    return false;
  }
  check->dns = f.get();
  check->dns_pending = false;
  return true;
}

}  // namespace nearmiss::dns
