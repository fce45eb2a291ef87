#include "content/html_labels.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "base/ascii.h"
#include "content/xml_names.h"

namespace nearmiss::content {
namespace {

// The value of `node`'s attribute `name` ("" when it has none).
std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* raw = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (raw == nullptr) return "";
  std::string value(reinterpret_cast<const char*>(raw));
  xmlFree(raw);
  return value;
}

bool Named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && node->name != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

// Every <meta name=... content=...> of the head. A bare "classification"
// is also an old search-engine tag for a page's topic (<meta
// name="classification" content="Business">), so its content is read as a
// subject line is (a banner there counts, a topic is nothing) rather than
// as a label name, which would make every such newsletter unknown-label.
void ReadMeta(const xmlNode* root, LabelProperties* out, std::vector<std::string>* subjects) {
  for (const xmlNode* part = root == nullptr ? nullptr : root->children; part != nullptr;
       part = part->next) {
    if (!Named(part, "head")) continue;
    for (const xmlNode* c = part->children; c != nullptr; c = c->next) {
      if (!Named(c, "meta")) continue;
      const std::string name = Attribute(c, "name");
      if (name.empty()) continue;
      if (AsciiLower(name) == "classification") {
        if (std::string content = Attribute(c, "content"); !content.empty() && subjects != nullptr) {
          subjects->push_back(std::move(content));
        }
        continue;
      }
      OfferLabelProperty(name, Attribute(c, "content"), out);
    }
  }
}

// Word's <o:CustomDocumentProperties> block: found by its tags (it sits in
// a conditional comment a browser never parses) and read as XML, each
// child element a property named by its local name.
void ReadWordProperties(std::string_view html, LabelProperties* out) {
  constexpr std::string_view kOpen = "<o:customdocumentproperties";
  constexpr std::string_view kClose = "</o:customdocumentproperties>";
  // Searched in place, without case: every HTML body passes here, and a
  // lower-cased copy of each cost a copy of the whole page.
  auto find = [html](std::string_view what, std::size_t from) {
    auto it = std::search(html.begin() + static_cast<std::ptrdiff_t>(from), html.end(),
                          what.begin(), what.end(), [](char a, char b) {
                            return std::tolower(static_cast<unsigned char>(a)) == b;
                          });
    return it == html.end() ? std::string_view::npos
                            : static_cast<std::size_t>(it - html.begin());
  };
  for (std::size_t from = 0;;) {
    const std::size_t open = find(kOpen, from);
    if (open == std::string_view::npos) return;
    const std::size_t close = find(kClose, open);
    if (close == std::string_view::npos) return;
    const std::size_t end = close + kClose.size();
    // The o: and dt: prefixes are declared on <html>: wrapped here so the
    // block is a document of its own (pugixml reads prefixes as names).
    const std::string block = "<x>" + std::string(html.substr(open, end - open)) + "</x>";
    pugi::xml_document doc;
    if (doc.load_buffer(block.data(), block.size())) {
      for (pugi::xml_node props : doc.document_element().children()) {
        for (pugi::xml_node p : props.children()) {
          if (p.type() != pugi::node_element) continue;
          OfferLabelProperty(XmlLocalName(p.name()), p.text().get(), out);
        }
      }
    }
    from = end;
  }
}

}  // namespace

void ReadHtmlLabels(std::string_view html, const xmlNode* root, LabelProperties* out,
                    std::vector<std::string>* subjects) {
  ReadMeta(root, out, subjects);
  ReadWordProperties(html, out);
}

}  // namespace nearmiss::content
