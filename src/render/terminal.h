// Terminal facts for human output: colour only on a TTY (and never when
// NO_COLOR is set), and a progress line for long runs.
#ifndef NEARMISS_RENDER_TERMINAL_H_
#define NEARMISS_RENDER_TERMINAL_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace nearmiss::render {

enum class Colour { kNone, kRed, kGreen, kYellow, kBold, kDim };

class Terminal {
 public:
  explicit Terminal(FILE* out);
  bool colour() const { return colour_; }
  bool tty() const { return tty_; }
  // `text` wrapped in the escape codes for `c` when colour is on.
  std::string Paint(Colour c, std::string_view text) const;

 private:
  bool tty_ = false;
  bool colour_ = false;
};

}  // namespace nearmiss::render

#endif  // NEARMISS_RENDER_TERMINAL_H_
