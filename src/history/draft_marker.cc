#include "history/draft_marker.h"

#include <cctype>

namespace nearmiss::history {
namespace {

bool SameNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Whether a field (name, unfolded value) marks a draft.
bool Marks(std::string_view name, std::string_view value) {
  value = Trim(value);
  if (SameNoCase(name, "X-Mozilla-Draft-Info")) return true;
  if (SameNoCase(name, "X-Unsent")) return value == "1";
  if (SameNoCase(name, "X-Uniform-Type-Identifier")) {
    return SameNoCase(value, "com.apple.mail-draft");
  }
  return false;
}

}  // namespace

DraftMarker FindDraftMarker(std::string_view message) {
  std::string_view name;
  std::string value;
  unsigned line = 0, field_line = 0;
  auto marked = [&]() {
    DraftMarker d;
    if (name.empty() || !Marks(name, value)) return d;
    d.field = std::string(name) + ": " + std::string(Trim(value));
    if (d.field.size() > 80) d.field.resize(80);
    d.line = field_line;
    return d;
  };
  for (size_t pos = 0; pos < message.size(); ++line) {
    size_t end = message.find('\n', pos);
    if (end == std::string_view::npos) end = message.size();
    std::string_view l = message.substr(pos, end - pos);
    pos = end + 1;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (!l.empty() && (l.front() == ' ' || l.front() == '\t')) {
      if (!name.empty()) value += l;  // a folded continuation (RFC 5322 2.2.3)
      continue;
    }
    if (DraftMarker d = marked(); !d.field.empty()) return d;
    name = {};
    value.clear();
    if (l.empty()) break;  // the end of the header
    const size_t colon = l.find(':');
    // A line that is no field (an .emlx's byte count, an mbox From_ line)
    // is passed over.
    if (colon == std::string_view::npos || colon == 0) continue;
    name = Trim(l.substr(0, colon));
    value = l.substr(colon + 1);
    field_line = line;
  }
  return marked();
}

}  // namespace nearmiss::history
