// Author's page breaks in WordprocessingML (page_breaks.h).
#include "content/page_breaks.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "content/xml_names.h"

namespace nearmiss::content {
namespace {

bool Named(const pugi::xml_node& node, const char* local) {
  return node.type() == pugi::node_element && std::strcmp(XmlLocalName(node.name()), local) == 0;
}

// An attribute by its local name ("w:val", "w:type").
const char* LocalAttribute(const pugi::xml_node& node, const char* local) {
  for (pugi::xml_attribute a : node.attributes()) {
    if (std::strcmp(XmlLocalName(a.name()), local) == 0) return a.value();
  }
  return nullptr;
}

// ST_OnOff (17.18.63): false, 0 and off turn a property off; left out, on.
bool OnOffTrue(const char* value) {
  if (value == nullptr) return true;
  return std::strcmp(value, "false") != 0 && std::strcmp(value, "0") != 0 &&
         std::strcmp(value, "off") != 0;
}

// Whether a section whose properties are `sect` starts on a new page.
bool StartsPage(const pugi::xml_node& sect) {
  for (pugi::xml_node c : sect.children()) {
    if (!Named(c, "type")) continue;
    const char* val = LocalAttribute(c, "val");
    return val == nullptr || (std::strcmp(val, "continuous") != 0 &&
                              std::strcmp(val, "nextColumn") != 0);
  }
  return true;  // nextPage when w:type is left out
}

// Every section's properties in document order, not a tracked change's
// old ones; and the ODF styles that break a page before or after.
class SectionWalker : public pugi::xml_tree_walker {
 public:
  bool for_each(pugi::xml_node& node) override {
    if (Named(node, "sectPr") && !Named(node.parent(), "sectPrChange")) found.push_back(node);
    if (Named(node, "paragraph-properties") && Named(node.parent(), "style")) {
      const char* name = LocalAttribute(node.parent(), "name");
      const char* before = LocalAttribute(node, "break-before");
      const char* after = LocalAttribute(node, "break-after");
      if (name != nullptr && before != nullptr && std::strcmp(before, "page") == 0) {
        before_.emplace_back(name);
      }
      if (name != nullptr && after != nullptr && std::strcmp(after, "page") == 0) {
        after_.emplace_back(name);
      }
    }
    return true;
  }
  std::vector<pugi::xml_node> found;
  std::vector<std::string> before_, after_;
};

// An ODF paragraph's or heading's automatic style, or null.
const char* OdfParagraphStyle(const pugi::xml_node& node) {
  if (!Named(node, "p") && !Named(node, "h")) return nullptr;
  return LocalAttribute(node, "style-name");
}

bool Holds(const std::vector<std::string>& names, const char* name) {
  return name != nullptr && std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

PageBreaks::PageBreaks(pugi::xml_document& doc) {
  SectionWalker walker;
  doc.traverse(walker);
  before_ = std::move(walker.before_);
  after_ = std::move(walker.after_);
  for (std::size_t i = 0; i + 1 < walker.found.size(); ++i) {
    pugi::xml_node ppr = walker.found[i].parent();
    if (!Named(ppr, "pPr") || !Named(ppr.parent(), "p")) continue;
    if (StartsPage(walker.found[i + 1])) ending_.push_back(ppr.parent().internal_object());
  }
  std::sort(ending_.begin(), ending_.end());
}

bool PageBreaks::BreaksHere(const pugi::xml_node& element) const {
  if (Holds(before_, OdfParagraphStyle(element))) return true;
  if (Named(element, "br")) {
    const char* type = LocalAttribute(element, "type");
    return type != nullptr && std::strcmp(type, "page") == 0;
  }
  if (Named(element, "pageBreakBefore")) {
    return Named(element.parent(), "pPr") && Named(element.parent().parent(), "p") &&
           OnOffTrue(LocalAttribute(element, "val"));
  }
  return false;
}

bool PageBreaks::EndsPage(const pugi::xml_node& paragraph) const {
  if (Holds(after_, OdfParagraphStyle(paragraph))) return true;
  // Sorted, so a document of many sections costs a search per paragraph.
  return std::binary_search(ending_.begin(), ending_.end(),
                            static_cast<const void*>(paragraph.internal_object()));
}

}  // namespace nearmiss::content
