#include "lookalike/namespace_names.h"

namespace nearmiss {
namespace data {
extern const std::string_view kNamespaceNames;
}  // namespace data

namespace lookalike {

const std::vector<std::string>& NamespaceNames() {
  // "DOMAIN SOURCE..." lines, "#" comments: the first word of each.
  static const std::vector<std::string>* const names = [] {
    auto* out = new std::vector<std::string>;
    for (std::string_view rest = data::kNamespaceNames; !rest.empty();) {
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
  }();
  return *names;
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
