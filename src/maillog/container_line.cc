#include "maillog/container_line.h"

namespace nearmiss::maillog {
namespace {

// A timestamp of one of log_line.h's forms at the start of `s` (after an
// optional "<PRI>"), followed by a space: the content is a syslog line.
bool StartsWithStamp(std::string_view s) {
  if (s.starts_with('<')) {
    size_t gt = s.find('>');
    if (gt == std::string_view::npos || gt > 4) return false;
    s.remove_prefix(gt + 1);
    if (s.starts_with("1 ")) return true;  // RFC 5424's VERSION
  }
  Stamp st;
  if (ReadBsdStamp(s, &st) != 0 || ReadRfc3339Stamp(s, &st) != 0 || ReadFullStamp(s, &st) != 0) {
    return true;
  }
  // journalctl -o short-unix always writes the microseconds: a bare run of
  // digits (a host named by a number) is no stamp.
  size_t n = ReadUnixStamp(s, &st);
  return n != 0 && s.substr(0, n).find('.') != std::string_view::npos;
}

bool NameChars(std::string_view s) {
  return !s.empty() && s.find_first_of(" []/") == std::string_view::npos;
}

}  // namespace

std::string_view AfterKubectlPrefix(std::string_view line) {
  // kubectl (pkg/cmd/logs/logs.go, addPrefixIfNeeded): "[%s/%s/%s] " with
  // the object's kind, name and container.
  if (!line.starts_with("[pod/")) return line;
  size_t close = line.find("] ");
  if (close == std::string_view::npos) return line;
  std::string_view inside = line.substr(5, close - 5);
  size_t slash = inside.find('/');
  if (slash == std::string_view::npos || !NameChars(inside.substr(0, slash)) ||
      !NameChars(inside.substr(slash + 1))) {
    return line;
  }
  return line.substr(close + 2);
}

bool ReadContainerFrame(std::string_view line, ContainerFrame* out) {
  Stamp st;
  size_t n = ReadRfc3339Stamp(line, &st);
  // The runtime's time always has its zone ("Z"): without one it is an
  // rsyslog line's own stamp, not a runtime's.
  if (n == 0 || !st.zoned) return false;
  std::string_view rest = line.substr(n + 1);
  out->stamp = st;
  out->stream = {};
  out->partial = false;
  if ((rest.starts_with("stdout ") || rest.starts_with("stderr ")) && rest.size() >= 8 &&
      (rest[7] == 'F' || rest[7] == 'P') && (rest.size() == 8 || rest[8] == ' ')) {
    out->kind = ContainerFrame::Kind::kCri;
    out->stream = rest.substr(0, 6);
    out->partial = rest[7] == 'P';
    out->content = rest.size() > 9 ? rest.substr(9) : std::string_view();
    return true;
  }
  if (!StartsWithStamp(rest)) return false;
  out->kind = ContainerFrame::Kind::kKubectl;
  out->content = rest;
  return true;
}

}  // namespace nearmiss::maillog
