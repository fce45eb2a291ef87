// Word fields and tracked changes (tracked_changes.h).
#include "content/tracked_changes.h"

#include <cctype>
#include <cstring>

#include "content/xml_names.h"

namespace nearmiss::content {

// The property a DOCPROPERTY field instruction names (ECMA-376 Part 1,
// 17.16.5.13: DOCPROPERTY "Name" [switches]), added to `names` (when not
// null). Field keywords are case-insensitive; a name with blanks is quoted.
void FieldProperty(std::string_view instr, std::vector<std::string>* names) {
  if (names == nullptr) return;
  std::size_t i = instr.find_first_not_of(" \t");
  constexpr std::string_view kKey = "DOCPROPERTY";
  if (i == std::string_view::npos || instr.size() - i < kKey.size()) return;
  for (std::size_t k = 0; k < kKey.size(); ++k) {
    if (std::toupper(static_cast<unsigned char>(instr[i + k])) != kKey[k]) return;
  }
  i = instr.find_first_not_of(" \t", i + kKey.size());
  if (i == std::string_view::npos) return;
  std::size_t end;
  if (instr[i] == '"') {
    end = instr.find('"', ++i);
    if (end == std::string_view::npos) end = instr.size();
  } else {
    end = instr.find_first_of(" \t\\", i);
    if (end == std::string_view::npos) end = instr.size();
  }
  if (end > i) names->emplace_back(instr.substr(i, end - i));
}

ChangeKind ChangeKindOf(const char* local) {
  if (std::strcmp(local, "ins") == 0 || std::strcmp(local, "moveTo") == 0) {
    return ChangeKind::kInserted;
  }
  if (std::strcmp(local, "del") == 0 || std::strcmp(local, "moveFrom") == 0 ||
      std::strcmp(local, "deletion") == 0) {
    return ChangeKind::kDeleted;
  }
  if (std::strcmp(local, "change-info") == 0) return ChangeKind::kChangeInfo;
  return ChangeKind::kNone;
}

// The kind of the nearest tracked change around a text node.
ChangeKind ChangeAround(const pugi::xml_node& text) {
  for (pugi::xml_node a = text.parent(); a; a = a.parent()) {
    if (a.type() != pugi::node_element) continue;
    ChangeKind kind = ChangeKindOf(XmlLocalName(a.name()));
    if (kind != ChangeKind::kNone) return kind;
  }
  return ChangeKind::kNone;
}

}  // namespace nearmiss::content
