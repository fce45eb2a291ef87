// OfficeCaps' layouts that set capitals outside a run's own styles: a
// PPTX slide master's text styles and a Word table style's conditional
// formats (office_caps.h, round 42 item 5).
#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

#include "content/office_caps.h"
#include "content/xml_node.h"

namespace nearmiss::content {

void OfficeCaps::AddSlideMaster(const pugi::xml_node& master) {
  if (has_master_) return;
  has_master_ = true;
  pugi::xml_node styles = XmlChild(master, "txStyles");
  const char* kinds[3] = {"titleStyle", "bodyStyle", "otherStyle"};
  for (int k = 0; k < 3; ++k) {
    pugi::xml_node style = XmlChild(styles, kinds[k]);
    for (int level = 0; level < kSlideLevels; ++level) {
      std::string name = "lvl" + std::to_string(level + 1) + "pPr";
      master_[k][level] = DrawingCaps(XmlChild(XmlChild(style, name), "defRPr"));
    }
  }
}

Caps OfficeCaps::SlideTextCaps(const pugi::xml_node& paragraph) const {
  pugi::xml_node body = paragraph.parent();
  if (XmlLocal(body) != "txBody") return Caps::kInherit;
  int level = std::clamp(std::atoi(std::string(XmlAttr(XmlChild(paragraph, "pPr"), "lvl")).c_str()),
                         0, kSlideLevels - 1);
  std::string name = "lvl" + std::to_string(level + 1) + "pPr";
  Caps caps = DrawingCaps(XmlChild(XmlChild(XmlChild(body, "lstStyle"), name), "defRPr"));
  if (caps != Caps::kInherit || !has_master_) return caps;
  pugi::xml_node shape = body.parent();
  if (XmlLocal(shape) != "sp") return Caps::kInherit;
  pugi::xml_node props = XmlChild(XmlChild(shape, "nvSpPr"), "nvPr");
  pugi::xml_node placeholder = XmlChild(props, "ph");
  if (!props || !placeholder) return master_[2][level];  // otherStyle
  std::string_view type = XmlAttr(placeholder, "type");
  if (type == "title" || type == "ctrTitle") return master_[0][level];
  if (type.empty() || type == "body" || type == "subTitle" || type == "obj") {
    return master_[1][level];
  }
  return Caps::kInherit;
}

namespace {

// Whether `node` has a sibling element named `local` on the side given.
bool HasSibling(const pugi::xml_node& node, std::string_view local, bool before) {
  for (pugi::xml_node n = before ? node.previous_sibling() : node.next_sibling(); n;
       n = before ? n.previous_sibling() : n.next_sibling()) {
    if (n.type() == pugi::node_element && XmlLocal(n) == local) return true;
  }
  return false;
}

}  // namespace

Caps OfficeCaps::TableRegionCaps(const std::string& key, const pugi::xml_node& table,
                                 const pugi::xml_node& paragraph) const {
  pugi::xml_node look = XmlChild(XmlChild(table, "tblPr"), "tblLook");
  if (!look) return Caps::kInherit;
  pugi::xml_node cell = paragraph.parent();
  for (int i = 0; cell && i < kMaxChain && XmlLocal(cell) != "tc"; ++i) cell = cell.parent();
  if (!cell || XmlLocal(cell) != "tc") return Caps::kInherit;
  const unsigned bits = static_cast<unsigned>(
      std::strtoul(std::string(XmlAttr(look, "val")).c_str(), nullptr, 16));
  static constexpr const char* kNames[kRegions] = {"firstRow", "lastRow", "firstColumn",
                                                   "lastColumn"};
  static constexpr unsigned kBits[kRegions] = {0x0020, 0x0040, 0x0080, 0x0100};
  const bool at[kRegions] = {!HasSibling(cell.parent(), "tr", true),
                             !HasSibling(cell.parent(), "tr", false),
                             !HasSibling(cell, "tc", true), !HasSibling(cell, "tc", false)};
  for (int r = 0; r < kRegions; ++r) {
    std::string_view flag = XmlAttr(look, kNames[r]);
    bool on = flag.empty() ? (bits & kBits[r]) != 0 : flag == "1" || flag == "true" || flag == "on";
    if (!on || !at[r]) continue;
    std::string k = key;
    for (int i = 0; i < kMaxChain && !k.empty(); ++i) {
      auto it = word_.find(k);
      if (it == word_.end()) break;
      if (it->second.regions[r] != Caps::kInherit) return it->second.regions[r];
      k = it->second.parent;
    }
  }
  return Caps::kInherit;
}

}  // namespace nearmiss::content
