// XPS fixed pages' text (xps_text.h).
#include "content/xps_text.h"

#include <pugixml.hpp>

#include <cstring>
#include <string>

#include "base/ascii.h"
#include "content/xml_names.h"

namespace nearmiss::content {
namespace {

// The page's Glyphs in drawing order, a line per baseline.
struct GlyphLines : pugi::xml_tree_walker {
  std::string text;
  std::size_t unread = 0;  // Glyphs with glyph indices and no text
  pugi::xml_node parent;
  std::string baseline;
  bool for_each(pugi::xml_node& node) override {
    if (node.type() != pugi::node_element ||
        std::strcmp(XmlLocalName(node.name()), "Glyphs") != 0) {
      return true;
    }
    std::string_view run = node.attribute("UnicodeString").value();
    if (run.starts_with("{}")) run.remove_prefix(2);  // ECMA-388 12.1.4
    if (run.empty()) {
      if (*node.attribute("Indices").value() != '\0') ++unread;
      return true;
    }
    std::string y = node.attribute("OriginY").value();
    if (node.parent() != parent || y != baseline || text.empty()) {
      if (!text.empty()) text.push_back('\n');
    } else if (text.back() != ' ' && run.front() != ' ') {
      text.push_back(' ');
    }
    parent = node.parent();
    baseline = std::move(y);
    text.append(run);
    return true;
  }
};

}  // namespace

bool IsXpsPage(std::string_view member) { return EndsWithNoCase(member, ".fpage"); }

void XpsPageAsText(std::string_view name, std::string_view member, std::string_view xml,
                   Extracted* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) {
    out->errors.push_back(std::string(name) + ": " + std::string(member) + ": malformed XML");
    return;
  }
  GlyphLines lines;
  doc.traverse(lines);
  if (lines.unread > 0) {
    std::string error(name);
    error += ": ";
    error += member;
    error += ": ";
    error += std::to_string(lines.unread);
    error += " runs of glyphs carry no Unicode text (UnicodeString); their words are not read";
    out->errors.push_back(std::move(error));
  }
  if (lines.text.empty()) return;
  if (!out->text.empty() && out->text.back() != '\f') out->text.push_back('\f');
  std::string place = "page \"";
  place += member;
  place.push_back('"');
  out->places.Start(out->text, std::move(place));
  out->text += lines.text;
  out->text.push_back('\f');
}

}  // namespace nearmiss::content
