// Descriptive document properties, each a page of its own
// (document_properties.h).
#include "content/document_properties.h"

#include <pugixml.hpp>

#include <cstring>
#include <string>

#include "content/xml_names.h"

namespace nearmiss::content {
namespace {

// The name Office and LibreOffice show for a property's element (local
// name), or the local name itself.
std::string_view ShownName(std::string_view local) {
  static constexpr std::pair<std::string_view, std::string_view> kShown[] = {
      {"title", "Title"},          {"subject", "Subject"},
      {"creator", "Author"},       {"initial-creator", "Initial author"},
      {"keywords", "Keywords"},    {"keyword", "Keywords"},
      {"Keywords", "Keywords"},    {"description", "Comments"},
      {"category", "Category"},    {"contentStatus", "Status"},
      {"lastModifiedBy", "Last saved by"}, {"identifier", "Identifier"},
      {"version", "Version"},      {"language", "Language"}};
  for (const auto& [element, shown] : kShown) {
    if (element == local) return shown;
  }
  return local;
}

// Every text node under `node`, joined by blanks: cp:keywords may hold
// cp:value children (ECMA-376 Part 2, 11.1), XMP a list of rdf:li.
std::string TextUnder(const pugi::xml_node& node) {
  std::string text;
  for (pugi::xml_node d = node.first_child(); d;) {
    if (d.type() == pugi::node_pcdata || d.type() == pugi::node_cdata) {
      if (!text.empty()) text.push_back(' ');
      text += d.value();
    }
    if (d.first_child()) {
      d = d.first_child();
      continue;
    }
    while (d && d != node && !d.next_sibling()) d = d.parent();
    if (!d || d == node) break;
    d = d.next_sibling();
  }
  return text;
}

bool BlankProperty(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// A property element's values: each rdf:li of an XMP list its own
// (dc:subject is a bag of keywords, each of which may be the marking),
// else the element's text.
void AppendElement(std::string_view property, const pugi::xml_node& node, Extracted* out) {
  bool listed = false;
  for (pugi::xml_node list : node.children()) {
    const char* local = XmlLocalName(list.name());
    if (std::strcmp(local, "Alt") != 0 && std::strcmp(local, "Bag") != 0 &&
        std::strcmp(local, "Seq") != 0) {
      continue;
    }
    for (pugi::xml_node li : list.children()) {
      listed = true;
      AppendPropertyPage(property, TextUnder(li), out);
    }
  }
  if (!listed) AppendPropertyPage(property, TextUnder(node), out);
}

// app.xml's fields a user types (ECMA-376 Part 1, 22.2.2); the others are
// counts, the application's name and the parts' titles.
bool TypedExtendedProperty(std::string_view local) {
  return local == "Manager" || local == "Company";
}

}  // namespace

void AppendPropertyPage(std::string_view property, std::string_view value, Extracted* out) {
  if (BlankProperty(value)) return;
  std::string& text = out->text;
  std::string page("\f");
  page += value;
  page.push_back('\f');
  if (text.find(page) != std::string::npos ||
      (text.starts_with(value) && text.size() > value.size() && text[value.size()] == '\f')) {
    return;  // the same value in another property (Title and dc:title)
  }
  if (!text.empty() && text.back() != '\f') text.push_back('\f');
  std::string place = "document property \"";
  place += property;
  place.push_back('"');
  out->places.Start(text, std::move(place));
  text += value;
  text.push_back('\f');
}

bool OfficePropertiesToText(std::string_view xml, Extracted* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return false;
  pugi::xml_node root = doc.document_element();
  const bool extended = std::strcmp(XmlLocalName(root.name()), "Properties") == 0;
  // ODF: office:document-meta > office:meta > the properties; a Flat ODF
  // document's office:meta is given as the root.
  if (std::strcmp(XmlLocalName(root.name()), "document-meta") == 0) {
    root = root.find_child([](const pugi::xml_node& n) {
      return std::strcmp(XmlLocalName(n.name()), "meta") == 0;
    });
  }
  for (pugi::xml_node p : root.children()) {
    if (p.type() != pugi::node_element) continue;
    std::string_view local = XmlLocalName(p.name());
    if (extended && !TypedExtendedProperty(local)) continue;
    if (local == "user-defined") {
      for (pugi::xml_attribute a : p.attributes()) {
        if (std::string_view(XmlLocalName(a.name())) == "name") local = a.value();
      }
    }
    AppendPropertyPage(ShownName(local), TextUnder(p), out);
  }
  return true;
}

bool XmpPropertiesToText(std::string_view xmp, Extracted* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xmp.data(), xmp.size())) return false;
  struct Walker : pugi::xml_tree_walker {
    Extracted* out;
    static bool Shown(std::string_view local) {
      return local == "title" || local == "subject" || local == "description" ||
             local == "Keywords";
    }
    bool for_each(pugi::xml_node& node) override {
      if (node.type() != pugi::node_element) return true;
      std::string_view local = XmlLocalName(node.name());
      if (local == "Description") {  // <rdf:Description pdf:Keywords="...">
        for (pugi::xml_attribute a : node.attributes()) {
          std::string_view attr = XmlLocalName(a.name());
          if (Shown(attr)) AppendPropertyPage(ShownName(attr), a.value(), out);
        }
      } else if (Shown(local)) {
        AppendElement(ShownName(local), node, out);
      }
      return true;
    }
  } walker;
  walker.out = out;
  doc.traverse(walker);
  return true;
}

}  // namespace nearmiss::content
