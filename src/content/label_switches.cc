// Purview labels switched on and off in one header (label_switches.h).
#include "content/label_switches.h"

#include <algorithm>

namespace nearmiss::content {
namespace {

std::vector<std::string> Guids(const std::string& text, const std::regex& pattern) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    if (it->size() < 2 || it->length(1) == 0) continue;
    std::string id = it->str(1);
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
  }
  return out;
}

}  // namespace

bool LabelSwitches::Names(const std::vector<std::string>& ids, const std::string& keys) {
  return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
    return keys.find(id) != std::string::npos;
  });
}

LabelSwitches ReadLabelSwitches(const std::string& text, const std::regex& enabled,
                                bool has_enabled, const std::regex& disabled,
                                bool has_disabled) {
  LabelSwitches out;
  if (has_enabled) out.enabled = Guids(text, enabled);
  if (!has_disabled) return out;
  for (std::string& id : Guids(text, disabled)) {
    if (std::find(out.enabled.begin(), out.enabled.end(), id) != out.enabled.end()) {
      out.conflicting.push_back(std::move(id));
    } else {
      out.disabled.push_back(std::move(id));
    }
  }
  return out;
}

}  // namespace nearmiss::content
