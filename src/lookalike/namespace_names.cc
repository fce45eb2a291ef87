#include "lookalike/namespace_names.h"

#include <algorithm>

namespace nearmiss {
namespace data {
extern const std::string_view kNamespaceNames;
extern const std::string_view kDepartmentWords;
extern const std::string_view kProtectedHosts;
}  // namespace data

namespace lookalike {

namespace {

// "WORD REST..." lines, "#" comments: the first word of each.
std::vector<std::string>* FirstWords(std::string_view text) {
  auto* out = new std::vector<std::string>;
  for (std::string_view rest = text; !rest.empty();) {
    const size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    line = line.substr(0, line.find('#'));
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string_view::npos) continue;
    line.remove_prefix(start);
    out->emplace_back(line.substr(0, line.find_first_of(" \t\r")));
  }
  return out;
}

}  // namespace

const std::vector<std::string>& NamespaceNames() {
  static const std::vector<std::string>* const names = FirstWords(data::kNamespaceNames);
  return *names;
}

const std::vector<std::string>& DepartmentWords() {
  static const std::vector<std::string>* const words = FirstWords(data::kDepartmentWords);
  return *words;
}

const std::vector<std::string>& ProtectedHosts() {
  static const std::vector<std::string>* const hosts = FirstWords(data::kProtectedHosts);
  return *hosts;
}

bool IsDepartmentWord(std::string_view label) {
  const std::vector<std::string>& words = DepartmentWords();
  return std::find(words.begin(), words.end(), label) != words.end();
}

std::vector<std::string> NamespaceNamesUnder(std::string_view ns) {
  std::vector<std::string> out;
  for (const std::string& d : NamespaceNames()) {
    if (d.size() <= ns.size() + 1 || !d.ends_with(ns) || d[d.size() - ns.size() - 1] != '.') {
      continue;
    }
    std::string name = d.substr(0, d.size() - ns.size() - 1);
    if (name.find('.') == std::string::npos) out.push_back(std::move(name));
  }
  return out;
}

}  // namespace lookalike
}  // namespace nearmiss
