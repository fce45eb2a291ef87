#include "content/office_caps.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "content/xml_node.h"

namespace nearmiss::content {
namespace {

// <w:caps/>, <w:caps w:val="true"/> are on; w:val "0", "false" or "off"
// (ST_OnOff) turns it off. Either of caps and smallCaps on shows capitals.
Caps WordRunProperties(const pugi::xml_node& rpr) {
  Caps caps = Caps::kInherit;
  for (pugi::xml_node c : rpr.children()) {
    std::string_view local = XmlLocal(c);
    if (local != "caps" && local != "smallCaps") continue;
    std::string_view val = XmlAttr(c, "val");
    bool off = val == "0" || val == "false" || val == "off";
    if (!off) return Caps::kUpper;
    caps = Caps::kNone;
  }
  return caps;
}


// <style:text-properties fo:text-transform=... fo:font-variant=...>.
Caps OdfTextProperties(const pugi::xml_node& properties) {
  std::string_view transform = XmlAttr(properties, "text-transform");
  std::string_view variant = XmlAttr(properties, "font-variant");
  if (transform == "uppercase" || variant == "small-caps") return Caps::kUpper;
  if (transform == "none" || variant == "normal") return Caps::kNone;
  return Caps::kInherit;
}

// The style family an ODF element's text:style-name names (ODF 1.2 Part 1,
// 19.876: paragraphs and headings name paragraph styles, spans and links
// text styles; a table cell's table:style-name names a table-cell style).
const char* OdfFamily(std::string_view element) {
  if (element == "p" || element == "h") return "paragraph";
  if (element == "span" || element == "a" || element == "ruby") return "text";
  if (element == "table-cell" || element == "covered-table-cell") return "table-cell";
  return nullptr;
}

// A drawing shape's style (ODF 1.2 Part 1, the presentation:style-name and
// draw:style-name attributes): a presentation object's text takes its
// presentation style, any other shape's its graphic style. Sets `*family`
// (left null for an element that is no shape) and returns the name, or
// empty.
std::string_view OdfShapeStyle(const pugi::xml_node& node, const char** family) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view name = a.name();
    if (name == "presentation:style-name") {
      *family = "presentation";
      return a.value();
    }
  }
  std::string_view element = node.name();
  if (!element.starts_with("draw:") || element == "draw:text-box" || element == "draw:g" ||
      element == "draw:a" || element == "draw:image") {
    return {};  // not a shape that holds text
  }
  *family = "graphic";  // a shape without a style: the graphic default
  for (pugi::xml_attribute a : node.attributes()) {
    if (std::string_view(a.name()) == "draw:style-name") return a.value();
  }
  return {};
}

// table:number-columns-repeated: 1 when absent or not a number, and
// bounded (a sheet's last column is often repeated a million times, and
// past the bound no column is looked for).
std::size_t Repeated(const pugi::xml_node& node) {
  constexpr std::size_t kMaxRepeat = std::size_t{1} << 20;
  std::string_view v = XmlAttr(node, "number-columns-repeated");
  std::size_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return 1;
    n = std::min(kMaxRepeat, n * 10 + static_cast<std::size_t>(c - '0'));
  }
  return n == 0 ? 1 : n;
}

// Bound on the cells and columns counted to find a cell's column.
constexpr int kMaxColumnSteps = 1024;

// The default cell style of the column a cell stands in
// (ODF 1.2 Part 1, table:default-cell-style-name on table:table-column),
// the row's first (the same attribute on table:table-row): what a cell
// without a style of its own is shown with. Empty when none is found
// within kMaxColumnSteps.
std::string_view ColumnCellStyle(const pugi::xml_node& cell) {
  pugi::xml_node row = cell.parent();
  if (std::string_view r = XmlAttr(row, "default-cell-style-name"); !r.empty()) return r;
  std::size_t column = 0;
  int steps = 0;
  for (pugi::xml_node c = cell.previous_sibling(); c && steps < kMaxColumnSteps;
       c = c.previous_sibling(), ++steps) {
    if (c.type() == pugi::node_element) column += Repeated(c);
  }
  // The table: up through row groups and header rows.
  pugi::xml_node table = row.parent();
  for (int i = 0; table && i < 4 && XmlLocal(table) != "table"; ++i) table = table.parent();
  if (!table || XmlLocal(table) != "table") return {};
  // Columns in document order, inside column groups and header columns.
  std::size_t at = 0;
  steps = 0;
  for (pugi::xml_node n = table.first_child(); n && steps < kMaxColumnSteps; ++steps) {
    std::string_view local = XmlLocal(n);
    if (local.starts_with("table-row") || local == "table-header-rows") break;
    if (local == "table-column") {
      std::size_t next = at + Repeated(n);
      if (column < next) return XmlAttr(n, "default-cell-style-name");
      at = next;
    }
    if ((local == "table-columns" || local == "table-column-group" ||
         local == "table-header-columns") && n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling() && n.parent() != table) n = n.parent();
    n = n.next_sibling();
  }
  return {};
}

}  // namespace

// DrawingML's cap attribute (ST_TextCapsType: none, small, all).
Caps OfficeCaps::DrawingCaps(const pugi::xml_node& properties) {
  std::string_view cap = XmlAttr(properties, "cap");
  if (cap == "all" || cap == "small") return Caps::kUpper;
  if (cap == "none") return Caps::kNone;
  return Caps::kInherit;
}

void OfficeCaps::AddStyles(const pugi::xml_node& root) {
  if (XmlLocal(root) == "styles") {  // w:styles; ODF's root is office:document-styles
    AddWordStyles(root);
    return;
  }
  if (XmlLocal(root) == "sldMaster") {
    AddSlideMaster(root);
    return;
  }
  for (pugi::xml_node c : root.children()) {
    std::string_view local = XmlLocal(c);
    if (local == "styles" || local == "automatic-styles") AddOdfStyles(c);
  }
}

void OfficeCaps::AddWordStyles(const pugi::xml_node& styles) {
  if (pugi::xml_node defaults = XmlChild(styles, "docDefaults")) {
    if (pugi::xml_node rpr = XmlChild(XmlChild(defaults, "rPrDefault"), "rPr")) {
      word_defaults_ = WordRunProperties(rpr);
    }
  }
  for (pugi::xml_node s : styles.children()) {
    if (XmlLocal(s) != "style") continue;
    std::string id(XmlAttr(s, "styleId"));
    Style style;
    style.parent = std::string(XmlAttr(XmlChild(s, "basedOn"), "val"));
    if (pugi::xml_node rpr = XmlChild(s, "rPr")) style.caps = WordRunProperties(rpr);
    for (pugi::xml_node c : s.children()) {
      if (XmlLocal(c) != "tblStylePr") continue;
      std::string_view type = XmlAttr(c, "type");
      int region = type == "firstRow" ? kFirstRow : type == "lastRow" ? kLastRow
                 : type == "firstCol" ? kFirstCol : type == "lastCol" ? kLastCol : -1;
      if (region >= 0) style.regions[region] = WordRunProperties(XmlChild(c, "rPr"));
    }
    std::string_view is_default = XmlAttr(s, "default");
    if (is_default == "1" || is_default == "true") {
      if (XmlAttr(s, "type") == "paragraph") word_default_paragraph_ = id;
      if (XmlAttr(s, "type") == "table") word_default_table_ = id;
    }
    word_[std::move(id)] = std::move(style);
  }
}

void OfficeCaps::AddOdfStyles(const pugi::xml_node& container) {
  for (pugi::xml_node s : container.children()) {
    // style:default-style: the family's formatting where no style of the
    // chain says (ODF 1.2 Part 1, <style:default-style>).
    if (XmlLocal(s) == "default-style") {
      if (pugi::xml_node properties = XmlChild(s, "text-properties")) {
        Caps caps = OdfTextProperties(properties);
        if (caps != Caps::kInherit) odf_defaults_[std::string(XmlAttr(s, "family"))] = caps;
      }
      continue;
    }
    if (XmlLocal(s) != "style") continue;
    std::string family(XmlAttr(s, "family"));
    Style style;
    if (std::string_view parent = XmlAttr(s, "parent-style-name"); !parent.empty()) {
      style.parent = family + "/" + std::string(parent);
    }
    if (pugi::xml_node properties = XmlChild(s, "text-properties")) {
      style.caps = OdfTextProperties(properties);
    }
    odf_[family + "/" + std::string(XmlAttr(s, "name"))] = std::move(style);
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
  if (pugi::xml_node rpr = XmlChild(run, "rPr")) {
    Caps caps = DrawingCaps(rpr);
    if (caps == Caps::kInherit) caps = WordRunProperties(rpr);
    if (caps == Caps::kInherit) {
      caps = Chain(word_, std::string(XmlAttr(XmlChild(rpr, "rStyle"), "val")));
    }
    if (caps != Caps::kInherit) return caps;
  }
  // The paragraph: a run may sit in a hyperlink, a content control or a
  // tracked insertion inside it.
  pugi::xml_node paragraph = run.parent();
  for (int i = 0; paragraph && i < kMaxChain && XmlLocal(paragraph) != "p"; ++i) {
    paragraph = paragraph.parent();
  }
  if (paragraph && XmlLocal(paragraph) == "p") {
    pugi::xml_node ppr = XmlChild(paragraph, "pPr");
    Caps caps = DrawingCaps(XmlChild(ppr, "defRPr"));
    if (caps == Caps::kInherit) caps = SlideTextCaps(paragraph);
    if (caps != Caps::kInherit) return caps;
    std::string style(XmlAttr(XmlChild(ppr, "pStyle"), "val"));
    caps = Chain(word_, style.empty() ? word_default_paragraph_ : style);
    if (caps != Caps::kInherit) return caps;
    // A table style's run properties, under the paragraph's and over the
    // document defaults (ECMA-376 Part 1, 17.7.2 style hierarchy): the
    // table's w:tblStyle, or the default table style.
    pugi::xml_node table = paragraph.parent();
    for (int i = 0; table && i < kMaxChain && XmlLocal(table) != "tbl"; ++i) {
      table = table.parent();
    }
    if (table && XmlLocal(table) == "tbl") {
      std::string table_style(XmlAttr(XmlChild(XmlChild(table, "tblPr"), "tblStyle"), "val"));
      std::string key = table_style.empty() ? word_default_table_ : table_style;
      caps = TableRegionCaps(key, table, paragraph);
      if (caps == Caps::kInherit) caps = Chain(word_, key);
      if (caps != Caps::kInherit) return caps;
    }
  }
  return word_defaults_;
}

bool OfficeCaps::ShownInCapitals(const pugi::xml_node& text) const {
  pugi::xml_node parent = text.parent();
  if (XmlLocal(parent) == "t") {  // w:t, a:t: a run's text
    pugi::xml_node run = parent.parent();
    std::string_view local = XmlLocal(run);
    return (local == "r" || local == "fld") && RunCaps(run) == Caps::kUpper;
  }
  if (odf_.empty() && odf_defaults_.empty()) return false;
  // The nearest style that says, from the span out through the paragraph,
  // its table cell (its own style, else its column's default cell style)
  // and its drawing shape; then the default styles of the families met,
  // innermost first.
  const char* families[4] = {};
  int met = 0;
  int steps = 0;
  for (pugi::xml_node n = parent; n && steps < kMaxChain; n = n.parent(), ++steps) {
    std::string_view local = XmlLocal(n);
    const char* family = OdfFamily(local);
    std::string_view name;
    if (family != nullptr) {
      name = XmlAttr(n, "style-name");
      if (name.empty() && std::strcmp(family, "table-cell") == 0) name = ColumnCellStyle(n);
    } else if (local != "page") {  // a draw:page's style is the page's
      name = OdfShapeStyle(n, &family);
    }
    if (family == nullptr) continue;
    if (met < 4 && (met == 0 || std::strcmp(families[met - 1], family) != 0)) {
      families[met++] = family;
    }
    if (name.empty()) continue;
    Caps caps = Chain(odf_, std::string(family) + "/" + std::string(name));
    if (caps != Caps::kInherit) return caps == Caps::kUpper;
  }
  for (int i = 0; i < met; ++i) {
    auto it = odf_defaults_.find(std::string_view(families[i]));
    if (it != odf_defaults_.end()) return it->second == Caps::kUpper;
  }
  return false;
}

}  // namespace nearmiss::content
