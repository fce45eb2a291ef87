// ASCII case folding of addresses and senders for AddressIndex
// (address_typo.h), which compares local parts and domains without ASCII
// case, as learn folds what it counts. Internal to src/engine.
//
// Thread safety: a FoldBuffer belongs to one call; the functions are pure.
#ifndef NEARMISS_ENGINE_ADDRESS_FOLD_H_
#define NEARMISS_ENGINE_ADDRESS_FOLD_H_

#include <array>
#include <string>
#include <string_view>

#include "base/ascii.h"

namespace nearmiss::engine {

inline constexpr size_t kMaxLocal = 64;  // RFC 5321 section 4.5.3.1.1

inline char Lower(char c) { return AsciiToLower(c); }

// A folded copy of an address or sender: on the stack for any address
// RFC 5321 allows (section 4.5.3.1.3: 256 octets of path), on the heap
// beyond that.
class FoldBuffer {
 public:
  std::string_view Fold(std::string_view s) {
    if (s.size() > stack_.size()) {
      heap_ = std::string(s);
      for (char& c : heap_) c = Lower(c);
      return heap_;
    }
    for (size_t i = 0; i < s.size(); ++i) stack_[i] = Lower(s[i]);
    return std::string_view(stack_.data(), s.size());
  }

 private:
  std::array<char, 320> stack_;
  std::string heap_;
};

inline std::string Folded(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// The local part of `address` (its '@' at `at`, at most kMaxLocal octets)
// folded into `buffer`, which the view points into.
inline std::string_view FoldedLocal(std::string_view address, size_t at,
                                    std::array<char, kMaxLocal>& buffer) {
  for (size_t i = 0; i < at; ++i) buffer[i] = Lower(address[i]);
  return std::string_view(buffer.data(), at);
}

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_ADDRESS_FOLD_H_
