// Zip packages: OOXML (DOCX/XLSX/PPTX) and ODF (ODT/ODS/ODP) text, and the
// MSIP label properties of OOXML files. Reading is bounded by ZipArchive.
#include <pugixml.hpp>

#include "content/extract.h"
#include "content/zip_archive.h"

namespace nearmiss::content {
namespace {

// The members that carry a document's words. Headers and footers matter:
// that is where banner markings live.
bool WantedMember(DocType type, std::string_view name) {
  auto starts = [&](std::string_view p) { return name.substr(0, p.size()) == p; };
  auto ends = [&](std::string_view s) {
    return name.size() >= s.size() && name.substr(name.size() - s.size()) == s;
  };
  if (type == DocType::kOdf) {
    return name == "content.xml" || name == "styles.xml" || name == "meta.xml";
  }
  if (!ends(".xml")) return false;
  return name == "word/document.xml" || starts("word/header") ||
         starts("word/footer") || name == "word/footnotes.xml" ||
         name == "word/comments.xml" || name == "xl/sharedStrings.xml" ||
         starts("xl/worksheets/sheet") || starts("ppt/slides/slide") ||
         starts("ppt/notesSlides/") || name == "docProps/core.xml";
}

// docProps/custom.xml: <property name="MSIP_Label_..._Name"><vt:lpwstr>
// Secret</vt:lpwstr></property> becomes "MSIP_Label_..._Name=Secret;".
void CustomPropertiesAsLabels(std::string_view xml, std::string* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return;
  for (pugi::xml_node p : doc.document_element().children()) {
    std::string_view name = p.attribute("name").value();
    if (name.substr(0, 11) != "MSIP_Label_") continue;
    out->append(name);
    out->push_back('=');
    out->append(p.first_child().text().get());
    out->append("; ");
  }
}

}  // namespace

Extracted ExtractZipDocument(DocType type, std::string_view name,
                             std::string_view bytes, ExtractBudget& budget) {
  Extracted out;
  ZipArchive zip(name, bytes, &out);
  std::size_t used = 0;
  zip_int64_t count = zip.size();
  for (zip_int64_t i = 0; i < count && !zip.stopped(); ++i) {
    const char* member = zip.Name(i);
    if (member == nullptr) continue;
    std::string_view member_name(member);
    bool labels = type == DocType::kOoxml && member_name == "docProps/custom.xml";
    if (!labels && !WantedMember(type, member_name)) continue;
    std::string xml;
    if (!zip.Read(i, budget, &used, &xml)) continue;
    if (labels) {
      CustomPropertiesAsLabels(xml, &out.msip_labels);
    } else if (!XmlToText(xml, &out.text)) {
      out.errors.push_back(std::string(name) + ": " + std::string(member_name) +
                           ": malformed XML");
    }
    out.text.push_back('\f');  // each member is its own page for banners
  }
  out.has_text = zip.ok();
  return out;
}

}  // namespace nearmiss::content
