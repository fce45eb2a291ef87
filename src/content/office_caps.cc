#include "content/office_caps.h"

#include <cstring>
#include <string_view>

namespace nearmiss::content {
namespace {

std::string_view Local(const pugi::xml_node& node) {
  std::string_view name = node.name();
  std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// An attribute by its local name ("w:val", "fo:text-transform"): the
// prefixes are the writer's choice, not the format's.
std::string_view Attribute(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view name = a.name();
    std::size_t colon = name.rfind(':');
    if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local) {
      return a.value();
    }
  }
  return {};
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && Local(c) == local) return c;
  }
  return {};
}

// <w:caps/>, <w:caps w:val="true"/> are on; w:val "0", "false" or "off"
// (ST_OnOff) turns it off. Either of caps and smallCaps on shows capitals.
Caps WordRunProperties(const pugi::xml_node& rpr) {
  Caps caps = Caps::kInherit;
  for (pugi::xml_node c : rpr.children()) {
    std::string_view local = Local(c);
    if (local != "caps" && local != "smallCaps") continue;
    std::string_view val = Attribute(c, "val");
    bool off = val == "0" || val == "false" || val == "off";
    if (!off) return Caps::kUpper;
    caps = Caps::kNone;
  }
  return caps;
}

// DrawingML's cap attribute (ST_TextCapsType: none, small, all).
Caps DrawingCaps(const pugi::xml_node& properties) {
  std::string_view cap = Attribute(properties, "cap");
  if (cap == "all" || cap == "small") return Caps::kUpper;
  if (cap == "none") return Caps::kNone;
  return Caps::kInherit;
}

// <style:text-properties fo:text-transform=... fo:font-variant=...>.
Caps OdfTextProperties(const pugi::xml_node& properties) {
  std::string_view transform = Attribute(properties, "text-transform");
  std::string_view variant = Attribute(properties, "font-variant");
  if (transform == "uppercase" || variant == "small-caps") return Caps::kUpper;
  if (transform == "none" || variant == "normal") return Caps::kNone;
  return Caps::kInherit;
}

// The style family an ODF element's text:style-name names (ODF 1.2 Part 1,
// 19.876: paragraphs and headings name paragraph styles, spans and links
// text styles).
const char* OdfFamily(std::string_view element) {
  if (element == "p" || element == "h") return "paragraph";
  if (element == "span" || element == "a" || element == "ruby") return "text";
  return nullptr;
}

// Style chains longer than this are a loop or hostile.
constexpr int kMaxChain = 32;

}  // namespace

void OfficeCaps::AddStyles(const pugi::xml_node& root) {
  if (Local(root) == "styles") {  // w:styles; ODF's root is office:document-styles
    AddWordStyles(root);
    return;
  }
  for (pugi::xml_node c : root.children()) {
    std::string_view local = Local(c);
    if (local == "styles" || local == "automatic-styles") AddOdfStyles(c);
  }
}

void OfficeCaps::AddWordStyles(const pugi::xml_node& styles) {
  if (pugi::xml_node defaults = Child(styles, "docDefaults")) {
    if (pugi::xml_node rpr = Child(Child(defaults, "rPrDefault"), "rPr")) {
      word_defaults_ = WordRunProperties(rpr);
    }
  }
  for (pugi::xml_node s : styles.children()) {
    if (Local(s) != "style") continue;
    std::string id(Attribute(s, "styleId"));
    Style style;
    style.parent = std::string(Attribute(Child(s, "basedOn"), "val"));
    if (pugi::xml_node rpr = Child(s, "rPr")) style.caps = WordRunProperties(rpr);
    std::string_view is_default = Attribute(s, "default");
    if (Attribute(s, "type") == "paragraph" && (is_default == "1" || is_default == "true")) {
      word_default_paragraph_ = id;
    }
    word_[std::move(id)] = std::move(style);
  }
}

void OfficeCaps::AddOdfStyles(const pugi::xml_node& container) {
  for (pugi::xml_node s : container.children()) {
    if (Local(s) != "style") continue;
    std::string family(Attribute(s, "family"));
    Style style;
    if (std::string_view parent = Attribute(s, "parent-style-name"); !parent.empty()) {
      style.parent = family + "/" + std::string(parent);
    }
    if (pugi::xml_node properties = Child(s, "text-properties")) {
      style.caps = OdfTextProperties(properties);
    }
    odf_[family + "/" + std::string(Attribute(s, "name"))] = std::move(style);
  }
}

Caps OfficeCaps::Chain(const Styles& styles, std::string key) {
  for (int i = 0; i < kMaxChain && !key.empty(); ++i) {
    auto it = styles.find(key);
    if (it == styles.end()) return Caps::kInherit;
    if (it->second.caps != Caps::kInherit) return it->second.caps;
    key = it->second.parent;
  }
  return Caps::kInherit;
}

Caps OfficeCaps::RunCaps(const pugi::xml_node& run) const {
  if (pugi::xml_node rpr = Child(run, "rPr")) {
    Caps caps = DrawingCaps(rpr);
    if (caps == Caps::kInherit) caps = WordRunProperties(rpr);
    if (caps == Caps::kInherit) {
      caps = Chain(word_, std::string(Attribute(Child(rpr, "rStyle"), "val")));
    }
    if (caps != Caps::kInherit) return caps;
  }
  // The paragraph: a run may sit in a hyperlink, a content control or a
  // tracked insertion inside it.
  pugi::xml_node paragraph = run.parent();
  for (int i = 0; paragraph && i < kMaxChain && Local(paragraph) != "p"; ++i) {
    paragraph = paragraph.parent();
  }
  if (paragraph && Local(paragraph) == "p") {
    pugi::xml_node ppr = Child(paragraph, "pPr");
    Caps caps = DrawingCaps(Child(ppr, "defRPr"));
    if (caps != Caps::kInherit) return caps;
    std::string style(Attribute(Child(ppr, "pStyle"), "val"));
    caps = Chain(word_, style.empty() ? word_default_paragraph_ : style);
    if (caps != Caps::kInherit) return caps;
  }
  return word_defaults_;
}

bool OfficeCaps::ShownInCapitals(const pugi::xml_node& text) const {
  pugi::xml_node parent = text.parent();
  if (Local(parent) == "t") {  // w:t, a:t: a run's text
    pugi::xml_node run = parent.parent();
    std::string_view local = Local(run);
    return (local == "r" || local == "fld") && RunCaps(run) == Caps::kUpper;
  }
  if (odf_.empty()) return false;
  int steps = 0;
  for (pugi::xml_node n = parent; n && steps < kMaxChain; n = n.parent(), ++steps) {
    const char* family = OdfFamily(Local(n));
    if (family == nullptr) continue;
    std::string_view name = Attribute(n, "style-name");
    if (name.empty()) continue;
    Caps caps = Chain(odf_, std::string(family) + "/" + std::string(name));
    if (caps != Caps::kInherit) return caps == Caps::kUpper;
  }
  return false;
}

}  // namespace nearmiss::content
