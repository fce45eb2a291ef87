#include "dns/resolver_switch.h"

#include <utility>

namespace nearmiss::dns {

Status ResolverSwitch::Follow(const std::optional<ResolverOptions>& options) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (options_ == options && (current_ != nullptr || !options)) return Status::Ok();
  }
  // Started outside the lock: Current() (the milter's MAIL, on its I/O
  // thread) must not wait for a thread to start.
  std::shared_ptr<Resolver> next;
  if (options) {
    NM_ASSIGN_OR_RETURN(std::unique_ptr<Resolver> started, Resolver::Start(*options));
    next = std::move(started);
  }
  std::shared_ptr<Resolver> old;
  {
    std::lock_guard<std::mutex> lock(mu_);
    old = std::exchange(current_, std::move(next));
    options_ = options;
    if (options) ++started_;
  }
  // `old` is released here, outside the lock: when no checker holds it any
  // more its destructor joins the resolver thread.
  return Status::Ok();
}

std::shared_ptr<DnsSource> ResolverSwitch::Current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

uint64_t ResolverSwitch::started() const {
  std::lock_guard<std::mutex> lock(mu_);
  return started_;
}

}  // namespace nearmiss::dns
