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

// docMetadata/LabelInfo.xml, where Office writes a file's sensitivity labels
// since 2021 ([MS-OFFCRYPTO] 2.6.3 LabelInfo stream, namespace
// http://schemas.microsoft.com/office/2020/mipLabelMetadata): <clbl:label
// id="{guid}" enabled="1" removed="0" siteId="{guid}" .../>. It names the
// label by id only; each label becomes "MSIP_Label_<id>_Enabled=true;" (or
// false, when disabled or removed) in msip_labels, so that the policy's
// table places it by id and an id nobody places is unknown-label.
void LabelInfoAsLabels(std::string_view xml, std::string* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return;
  for (pugi::xml_node label : doc.document_element().children()) {
    std::string_view local = label.name();
    if (std::size_t colon = local.rfind(':'); colon != std::string_view::npos) {
      local.remove_prefix(colon + 1);
    }
    if (local != "label") continue;
    std::string id = label.attribute("id").value();
    std::erase_if(id, [](char c) { return c == '{' || c == '}'; });
    if (id.empty()) id = "unknown";
    std::string_view enabled = label.attribute("enabled").value();
    std::string_view removed = label.attribute("removed").value();
    bool on = enabled != "0" && enabled != "false" && removed != "1" &&
              removed != "true";
    out->append("MSIP_Label_" + id + "_Enabled=" + (on ? "true" : "false") +
                "; ");
  }
}

// Page headers and footers, where a tab splits the left, centre and right
// cells of one line (extract.h, XmlTextOptions).
bool IsHeaderFooterPart(DocType type, std::string_view name) {
  if (type == DocType::kOdf) return name == "styles.xml";
  return name.starts_with("word/header") || name.starts_with("word/footer");
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
    bool label_info =
        type == DocType::kOoxml && member_name == "docMetadata/LabelInfo.xml";
    if (!labels && !label_info && !WantedMember(type, member_name)) continue;
    std::string xml;
    if (!zip.Read(i, budget, &used, &xml)) continue;
    XmlTextOptions options;
    options.tab_splits_line = IsHeaderFooterPart(type, member_name);
    if (labels) {
      CustomPropertiesAsLabels(xml, &out.msip_labels);
    } else if (label_info) {
      LabelInfoAsLabels(xml, &out.msip_labels);
    } else if (!XmlToText(xml, &out.text, options)) {
      out.errors.push_back(std::string(name) + ": " + std::string(member_name) +
                           ": malformed XML");
    }
    out.text.push_back('\f');  // each member is its own page for banners
  }
  out.has_text = zip.ok();
  return out;
}

}  // namespace nearmiss::content
