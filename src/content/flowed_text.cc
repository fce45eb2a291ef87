// UnflowText (flowed_text.h).
#include "content/flowed_text.h"

#include <strings.h>

namespace nearmiss::content {
namespace {

// The quote depth of `line`: its leading '>' characters (RFC 3676 4.5).
std::size_t QuoteDepth(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == '>') ++n;
  return n;
}

}  // namespace

bool IsFlowed(const char* format) {
  return format != nullptr && strcasecmp(format, "flowed") == 0;
}

bool IsDelsp(const char* delsp) {
  return delsp != nullptr && strcasecmp(delsp, "yes") == 0;
}

bool UnflowText(std::string_view text, bool delsp, std::string* out) {
  std::string joined;
  joined.reserve(text.size());
  bool soft_seen = false;
  std::size_t at = 0;
  // The quote depth of a soft-broken line the next one continues, or npos.
  std::size_t open_depth = std::string_view::npos;
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t depth = QuoteDepth(line);
    std::string_view content = line;
    if (open_depth != std::string_view::npos && depth == open_depth) {
      // The continuation of a soft-broken line: its quote marks and the
      // stuffed blank after them are the line's, not the text's.
      content.remove_prefix(depth);
      if (!content.empty() && content.front() == ' ') content.remove_prefix(1);
    } else if (open_depth != std::string_view::npos) {
      joined += '\n';  // a different depth: the soft break was not one
    }
    const bool soft = !line.empty() && line.back() == ' ' && line != "-- " &&
                      line.substr(depth) != " -- " && nl != std::string_view::npos;
    if (soft) {
      soft_seen = true;
      if (delsp) content.remove_suffix(1);
      joined += content;
      open_depth = depth;
    } else {
      joined += content;
      if (nl != std::string_view::npos) joined += '\n';
      open_depth = std::string_view::npos;
    }
    at = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  if (!soft_seen) return false;
  *out = std::move(joined);
  return true;
}

}  // namespace nearmiss::content
