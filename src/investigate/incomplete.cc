// The report's one sentence on what its figures leave out, shown first in
// every form of it: a reader must not take a partial count for the whole
// (DESIGN.md, fail closed).
#include <string>
#include <vector>

#include "investigate/render.h"

namespace nearmiss::investigate {

std::string IncompleteNotice(const Report& rep, const std::string& where) {
  Report::LeftOut l = rep.left_out();
  if (!l.any()) return {};
  std::vector<std::string> parts;
  if (l.unrecognised_lines != 0) {
    parts.push_back(Thousands(static_cast<int64_t>(l.unrecognised_lines)) +
                    (l.unrecognised_lines == 1 ? " log line" : " log lines") +
                    " in no form this reader knows");
  }
  if (l.not_understood_lines != 0) {
    parts.push_back(Thousands(static_cast<int64_t>(l.not_understood_lines)) +
                    (l.not_understood_lines == 1 ? " delivery line" : " delivery lines") +
                    " not understood");
  }
  if (l.inputs_not_read != 0) {
    parts.push_back(Thousands(static_cast<int64_t>(l.inputs_not_read)) +
                    (l.inputs_not_read == 1 ? " input" : " inputs") +
                    " that could not be read, whole or in part");
  }
  std::string list;
  for (size_t i = 0; i < parts.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  }
  return "INCOMPLETE: this report leaves out " + list +
         "; deliveries they hold are not counted in it. " + where;
}

}  // namespace nearmiss::investigate
