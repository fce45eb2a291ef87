#include "engine/recipient_cache.h"

#include "nearmiss/address.h"

namespace nearmiss::engine {
namespace {

// Finds `key` in `map`, or stores compute() under it, starting over when the
// map is full: a scan's recipients are a small working set, so dropping all
// of it now and then costs a few rechecks, not an eviction policy. A key
// longer than any real address is answered in `*uncached`, not kept, so the
// cache's memory stays bounded whatever a hostile mailbox holds.
template <typename Map, typename Compute>
const typename Map::mapped_type& FindOrCompute(Map& map, std::string_view key,
                                               Compute compute,
                                               typename Map::mapped_type* uncached) {
  if (key.size() > RecipientCache::kMaxKeyBytes) {
    *uncached = compute();
    return *uncached;
  }
  if (auto it = map.find(key); it != map.end()) return it->second;
  if (map.size() >= RecipientCache::kMaxEntries) map.clear();
  return map.emplace(std::string(key), compute()).first->second;
}

}  // namespace

const RecipientCheck& RecipientCache::Check(std::string_view input) {
  // Too long to keep: checked into the one spare check, its strings reused.
  if (input.size() > kMaxKeyBytes) {
    engine_.CheckRecipient(input, &uncached_check_);
    return uncached_check_;
  }
  return FindOrCompute(
      checks_, input, [&] { return engine_.CheckRecipient(input); }, &uncached_check_);
}

const std::string& RecipientCache::Sender(std::string_view from) {
  return FindOrCompute(senders_, from, [&] {
    Result<Address> parsed = ParseAddress(from);
    return parsed.ok() ? parsed->ToString() : std::string(from);
  }, &uncached_sender_);
}

}  // namespace nearmiss::engine
