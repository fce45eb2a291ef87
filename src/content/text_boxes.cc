// IsTextBoxElement and DropAnsweredFallbacks: see text_boxes.h.
#include "content/text_boxes.h"

#include <array>
#include <cstring>
#include <vector>

#include "content/xml_names.h"

namespace nearmiss::content {
namespace {

constexpr std::array<const char*, 15> kTextBoxElements = {
    "txbxContent", "textbox", "text-box", "custom-shape", "rect",
    "ellipse",     "circle",  "polygon",  "polyline",     "regular-polygon",
    "path",        "connector", "caption", "measure",     "line"};

bool HoldsText(const pugi::xml_node& node) {
  return static_cast<bool>(node.find_node([](const pugi::xml_node& n) {
    return (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) &&
           n.value()[0] != '\0';
  }));
}

}  // namespace

bool IsTextBoxElement(const char* local) {
  for (const char* n : kTextBoxElements) {
    if (std::strcmp(local, n) == 0) return true;
  }
  return false;
}

void DropAnsweredFallbacks(pugi::xml_node root) {
  std::vector<pugi::xml_node> stack{root};
  std::vector<pugi::xml_node> drop;
  while (!stack.empty()) {
    pugi::xml_node node = stack.back();
    stack.pop_back();
    bool alternate = std::strcmp(XmlLocalName(node.name()), "AlternateContent") == 0;
    bool answered = false;
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      const char* local = XmlLocalName(c.name());
      if (alternate && std::strcmp(local, "Choice") == 0 && HoldsText(c)) answered = true;
      if (alternate && answered && std::strcmp(local, "Fallback") == 0) {
        drop.push_back(c);
        continue;
      }
      stack.push_back(c);
    }
  }
  for (pugi::xml_node& n : drop) n.parent().remove_child(n);
}

}  // namespace nearmiss::content
