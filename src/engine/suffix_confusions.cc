#include <sstream>

#include "engine/embedded_lists.h"

namespace nearmiss::engine {

Result<std::vector<SuffixConfusion>> ParseSuffixConfusions(std::string_view text,
                                                           std::string_view name) {
  std::vector<SuffixConfusion> out;
  std::istringstream in{std::string(text)};
  std::string line;
  for (size_t line_no = 1; std::getline(in, line); ++line_no) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    SuffixConfusion c;
    fields >> c.typed >> c.intended;
    std::getline(fields >> std::ws, c.note);
    if (c.typed.empty()) continue;  // blank but for spaces
    if (c.intended.empty() || c.note.empty()) {
      return Status::ParseError(std::string(name) + ":" + std::to_string(line_no) +
                                ": expected 'TYPED INTENDED NOTE'");
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace nearmiss::engine
