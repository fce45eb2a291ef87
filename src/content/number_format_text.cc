// The text a spreadsheet's custom number formats show (number_format_text.h).
#include "content/number_format_text.h"

#include <pugixml.hpp>

#include <set>
#include <string>

#include "content/xml_names.h"

namespace nearmiss::content {
namespace {

bool ElementNamed(const pugi::xml_node& node, std::string_view name) {
  return node.type() == pugi::node_element && XmlLocalName(std::string_view(node.name())) == name;
}

// The literals of one format code: "text" runs and '\'-escaped characters;
// each section's (';'-separated) literals are words of the line.
std::string CodeLiterals(std::string_view code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '\\' && i + 1 < code.size()) {
      out.push_back(code[++i]);
    } else if (code[i] == '"') {
      for (++i; i < code.size() && code[i] != '"'; ++i) out.push_back(code[i]);
    } else if (code[i] == ';' && !out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  return out;
}

}  // namespace

bool NumberFormatLiterals(std::string_view styles_xml, std::string* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(styles_xml.data(), styles_xml.size())) return false;
  std::set<std::string> used;  // numFmtId of the cell formats
  for (pugi::xml_node part : doc.document_element().children()) {
    if (!ElementNamed(part, "cellXfs")) continue;
    for (pugi::xml_node xf : part.children()) {
      if (ElementNamed(xf, "xf")) {
        used.insert(xf.attribute("numFmtId").value());
      }
    }
  }
  for (pugi::xml_node part : doc.document_element().children()) {
    if (!ElementNamed(part, "numFmts")) continue;
    for (pugi::xml_node f : part.children()) {
      if (!ElementNamed(f, "numFmt") ||
          !used.contains(f.attribute("numFmtId").value())) {
        continue;
      }
      std::string literals = CodeLiterals(f.attribute("formatCode").value());
      if (literals.empty()) continue;
      out->push_back('\n');
      out->append(literals);
    }
  }
  return true;
}

}  // namespace nearmiss::content
