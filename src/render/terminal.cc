#include "render/terminal.h"

#include <unistd.h>

#include <cstdlib>

namespace nearmiss::render {

Terminal::Terminal(FILE* out) {
  tty_ = isatty(fileno(out)) == 1;
  const char* term = std::getenv("TERM");
  colour_ = tty_ && std::getenv("NO_COLOR") == nullptr &&
            !(term != nullptr && std::string_view(term) == "dumb");
}

std::string Terminal::Paint(Colour c, std::string_view text) const {
  if (!colour_ || c == Colour::kNone) return std::string(text);
  const char* code = "";
  switch (c) {
    case Colour::kRed: code = "\033[31m"; break;
    case Colour::kGreen: code = "\033[32m"; break;
    case Colour::kYellow: code = "\033[33m"; break;
    case Colour::kBold: code = "\033[1m"; break;
    case Colour::kDim: code = "\033[2m"; break;
    case Colour::kNone: break;
  }
  return std::string(code) + std::string(text) + "\033[0m";
}

}  // namespace nearmiss::render
