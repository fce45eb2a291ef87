// RecipientCache: Engine::CheckRecipient and the sender's canonical form,
// remembered per input string, one cache per thread in the Engine's thread
// state (Engine::CheckMessage). A mailbox's recipients recur from message to
// message, and each check parses the address, splits its
// public suffix and searches the look-alike index; a lookup is far cheaper.
// Valid while the engine it was made for is: the engine is immutable, and
// its answers depend on the input string only. Bounded: when full it starts
// over, and it keeps no input longer than kMaxKeyBytes, so an mbox of
// millions of distinct addresses costs at most kMaxEntries remembered checks
// of short inputs. Not thread-safe: one per thread.
#ifndef NEARMISS_ENGINE_RECIPIENT_CACHE_H_
#define NEARMISS_ENGINE_RECIPIENT_CACHE_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "nearmiss/engine.h"

namespace nearmiss::engine {

class RecipientCache {
 public:
  explicit RecipientCache(const Engine& engine) : engine_(engine) {}

  // engine.CheckRecipient(input). The reference is good until the next call.
  const RecipientCheck& Check(std::string_view input);
  // ParseAddress(from)->ToString(), or `from` as given when it does not parse.
  // The reference is good until the next call.
  const std::string& Sender(std::string_view from);

  static constexpr std::size_t kMaxEntries = 4096;
  // Longer inputs are answered but not remembered: an address is at most 254
  // bytes, and a display name rarely takes the rest.
  static constexpr std::size_t kMaxKeyBytes = 512;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;

  const Engine& engine_;
  Map<RecipientCheck> checks_;
  Map<std::string> senders_;
  RecipientCheck uncached_check_;
  std::string uncached_sender_;
};

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_RECIPIENT_CACHE_H_
