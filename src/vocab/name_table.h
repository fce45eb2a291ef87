// The vocabulary's closed enums are named by a table indexed by the value;
// parsing a name is the reverse lookup, written once here.
#ifndef NEARMISS_VOCAB_NAME_TABLE_H_
#define NEARMISS_VOCAB_NAME_TABLE_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace nearmiss::vocab {

// The value whose name in `names` is exactly `name`; nullopt when none is.
template <typename Enum, size_t N>
std::optional<Enum> ParseByName(const std::array<std::string_view, N>& names,
                                std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace nearmiss::vocab

#endif  // NEARMISS_VOCAB_NAME_TABLE_H_
