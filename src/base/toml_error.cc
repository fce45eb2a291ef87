#include "base/toml_error.h"

#include <vector>

namespace nearmiss {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The part of `s` before the first `stop` outside quotes ('=' ends a key,
// ']' a table header), or empty when there is none.
std::string_view UntilOutsideQuotes(std::string_view s, char stop) {
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == stop) {
      return s.substr(0, i);
    }
  }
  return {};
}

// A key or header as written, blanks around its dots dropped and a lone
// quoted key unquoted: "Team Internal", a.b, "a".b.
std::string KeyForm(std::string_view key) {
  key = Trim(key);
  if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') &&
      key.back() == key.front() &&
      key.substr(1, key.size() - 2).find(key.front()) == std::string_view::npos) {
    return std::string(key.substr(1, key.size() - 2));
  }
  std::string out;
  char quote = 0;
  for (char c : key) {
    if (quote == 0 && (c == ' ' || c == '\t')) continue;
    if (quote == 0 && (c == '"' || c == '\'')) {
      quote = c;
    } else if (c == quote) {
      quote = 0;
    }
    out.push_back(c);
  }
  return out;
}

// The header of a [table] or [[array]] line, or nullopt-like empty with
// `is_header` false.
bool HeaderOf(std::string_view line, std::string* header) {
  line = Trim(line);
  if (line.empty() || line.front() != '[') return false;
  bool array = line.size() > 1 && line[1] == '[';
  std::string_view inside = UntilOutsideQuotes(line.substr(array ? 2 : 1), ']');
  *header = KeyForm(inside);
  return true;
}

}  // namespace

std::string TomlErrorText(std::string_view text, uint32_t line, std::string_view description) {
  if (description.find("cannot redefine existing") == std::string_view::npos) {
    return std::string(description);
  }
  std::vector<std::string_view> lines = Lines(text);
  if (line == 0 || line > lines.size()) return std::string(description);
  std::string_view here = lines[line - 1];
  std::string name;
  bool header = HeaderOf(here, &name);
  if (!header) {
    std::string_view key = UntilOutsideQuotes(Trim(here), '=');
    if (key.empty()) return std::string(description);
    name = KeyForm(key);
  }
  if (name.empty()) return std::string(description);
  uint32_t first = 0;
  for (uint32_t n = line - 1; n >= 1 && first == 0; --n) {
    std::string other;
    if (HeaderOf(lines[n - 1], &other)) {
      if (header && other == name) first = n;
      if (!header) break;  // the key's table starts here
      continue;
    }
    if (header) continue;
    std::string_view key = UntilOutsideQuotes(Trim(lines[n - 1]), '=');
    if (!key.empty() && KeyForm(key) == name) first = n;
  }
  std::string what = header ? "table [" + name + "] is defined twice"
                            : "'" + name + "' is defined twice in this table";
  if (first != 0) what += " (first at line " + std::to_string(first) + ")";
  return what + (header ? ": TOML allows one [table] header per table"
                        : ": TOML allows one definition of a key per table");
}

}  // namespace nearmiss
