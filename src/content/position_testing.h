// Shared by the position tests (position_*_test.cc): finds a word in a text
// and asks one of position.h's functions about it.
#ifndef NEARMISS_CONTENT_POSITION_TESTING_H_
#define NEARMISS_CONTENT_POSITION_TESTING_H_

#include <gtest/gtest.h>

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// Finds `word` in `text` and asks `fn` about it.
template <typename Fn>
bool At(Fn fn, std::string_view text, std::string_view word) {
  std::size_t b = text.find(word);
  EXPECT_NE(b, std::string_view::npos);
  return fn(text, b, b + word.size());
}

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_POSITION_TESTING_H_
