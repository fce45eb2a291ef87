#include "content/gmail_labels.h"

#include <string>

namespace nearmiss::content {

bool HasSentLabel(std::string_view labels) {
  bool quoted = false;
  std::string label;
  auto is_sent = [&label] {
    std::string_view l = label;
    while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    return l.size() == 4 && (l[0] == 'S' || l[0] == 's') && (l[1] == 'E' || l[1] == 'e') &&
           (l[2] == 'N' || l[2] == 'n') && (l[3] == 'T' || l[3] == 't');
  };
  for (char c : labels) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      if (is_sent()) return true;
      label.clear();
    } else {
      label += c;
    }
  }
  return is_sent();
}

}  // namespace nearmiss::content
