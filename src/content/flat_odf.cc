// ExtractFlatOdf (extract.h): a Flat ODF document, the whole package in one
// XML file (ODF 1.2 Part 1, 2.2.1 office:document; LibreOffice's .fodt,
// .fods, .fodp, .fodg). Its elements are those of the zipped package's
// parts, so each is read as that part is: office:master-styles as
// styles.xml (page headers and footers, a tab a cell break), office:body
// as content.xml (tracked deletions as deleted text), office:meta as
// meta.xml, with the document's own styles deciding what shows in
// capitals.
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "content/document_properties.h"
#include "content/extract.h"
#include "content/office_caps.h"
#include "content/xml_node.h"

namespace nearmiss::content {
Extracted ExtractFlatOdf(std::string_view name, std::string_view bytes,
                         ExtractBudget& budget) {
  Extracted out;
  pugi::xml_document doc;
  if (!doc.load_buffer(bytes.data(), bytes.size())) {
    out.errors.push_back(std::string(name) + ": Flat ODF document: malformed XML");
    return out;
  }
  const pugi::xml_node root = doc.document_element();
  if (std::strcmp(XmlLocalName(root.name()), "document") != 0) {
    out.errors.push_back(std::string(name) + ": not a Flat ODF document (no office:document)");
    return out;
  }
  OfficeCaps caps;
  caps.AddStyles(root);  // office:styles and office:automatic-styles
  std::string deleted;
  // Headers and footers first, as the zipped package's styles.xml is read
  // before content.xml; then the body, then the properties.
  for (const char* part : {"master-styles", "body", "meta"}) {
    for (pugi::xml_node child : root.children()) {
      if (child.type() != pugi::node_element ||
          std::strcmp(XmlLocalName(child.name()), part) != 0) {
        continue;
      }
      const std::string xml = XmlPrint(child);
      XmlTextOptions options;
      options.tab_splits_line = std::strcmp(part, "master-styles") == 0;
      options.styles = &caps;
      options.original = &deleted;
      const std::size_t before = out.text.size();
      const bool meta = std::strcmp(part, "meta") == 0;  // document_properties.h
      if (!(meta ? OfficePropertiesToText(xml, &out)
                 : XmlToText(xml, &out.text, options))) {
        out.errors.push_back(std::string(name) + ": office:" + part + ": malformed XML");
      }
      if (out.text.size() > before && !meta) out.text.push_back('\f');
    }
  }
  if (out.text.size() > budget.per_attachment_bytes ||
      out.text.size() > budget.total_bytes_left) {
    out.limits.push_back({"max-attachment-bytes",
                          std::string(name) + ": text exceeds budget"});
    out.text.resize(std::min(budget.per_attachment_bytes, budget.total_bytes_left));
  }
  budget.total_bytes_left -= out.text.size();
  if (!deleted.empty()) out.hidden.push_back({"deleted text", std::move(deleted)});
  out.has_text = true;
  return out;
}

}  // namespace nearmiss::content
