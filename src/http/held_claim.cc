#include "http/held_claim.h"

#include "base/log.h"

namespace nearmiss::http {

std::string HeldClaims::Key(std::string_view queue_id) {
  // Link nonces are hex: the prefix keeps the two apart in one table.
  std::string key("held:");
  key.append(queue_id);
  return key;
}

Result<bool> HeldClaims::Claim(std::string_view queue_id, int64_t now) {
  if (store_ != nullptr) return store_->UseLink(Key(queue_id), now + kClaimSeconds, now);
  std::lock_guard lock(mu_);
  return local_.emplace(queue_id).second;
}

void HeldClaims::Give(std::string_view queue_id) {
  if (store_ == nullptr) {
    std::lock_guard lock(mu_);
    local_.erase(std::string(queue_id));
    return;
  }
  if (Status s = store_->ReturnLink(Key(queue_id)); !s.ok()) {
    log::Warn("the claim on held message " + log::Untrusted(queue_id) +
              " was not given back (it lapses in " + std::to_string(kClaimSeconds) +
              " s): " + s.message());
  }
}

}  // namespace nearmiss::http
