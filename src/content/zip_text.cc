// Zip packages: OOXML (DOCX/XLSX/PPTX) and ODF (ODT/ODS/ODP) text, and the
// MSIP label properties of OOXML files. Reading is bounded by ZipArchive.
#include <pugixml.hpp>

#include <algorithm>

#include "base/ascii.h"

#include "content/document_properties.h"
#include "content/extract.h"
#include "content/label_properties.h"
#include "content/office_caps.h"
#include "content/part_places.h"
#include "content/sheet_text.h"
#include "content/zip_archive.h"
#include "content/zip_framing.h"
#include "content/xml_names.h"
#include "content/xps_text.h"

namespace nearmiss::content {
namespace {

// The members that carry a document's words: every XML part but those that
// never hold text a reader sees (ECMA-376 Part 1 names the parts: styles,
// themes, fonts, settings, numbering, relationships), so that a part we did
// not think of (a slide master or layout, where PowerPoint puts a banner;
// endnotes; comments; a chart title; a text box in a drawing) is read, not
// skipped. The glossary (Word's building blocks) is left out: it is not on
// any page, and an organisation's templates keep marking blocks there.
bool WantedMember(DocType type, std::string_view name) {
  auto ends = [&](std::string_view s) {
    return name.size() >= s.size() && name.substr(name.size() - s.size()) == s;
  };
  std::string_view base = name.substr(name.rfind('/') + 1);
  if (type == DocType::kOdf) {
    // ODF 1.2 Part 3, section 3: content.xml, styles.xml (master pages:
    // headers and footers) and meta.xml, and the same in embedded objects
    // ("Object 1/content.xml": a chart, a formula).
    return base == "content.xml" || base == "styles.xml" || name == "meta.xml";
  }
  if (!ends(".xml")) return false;
  static constexpr std::string_view kNoText[] = {
      "[Content_Types].xml", "styles.xml",   "stylesWithEffects.xml", "settings.xml",
      "webSettings.xml",     "fontTable.xml", "numbering.xml",        "presProps.xml",
      "viewProps.xml",       "tableStyles.xml", "calcChain.xml",      "app.xml",
      "custom.xml",          "LabelInfo.xml"};
  for (std::string_view n : kNoText) {
    if (base == n) return false;
  }
  for (std::string_view dir : {"_rels/", "/theme/", "customXml/", "word/glossary/",
                               "/printerSettings/", "/fonts/"}) {
    if (name.find(dir) != std::string_view::npos || name.substr(0, dir.size()) == dir) {
      return false;
    }
  }
  return true;
}

// A part an Office package declares as holding no text by its format,
// known by its place in the package (its bytes have no magic number): an
// embedded font (ECMA-376 Part 1, 15.2.13: Word's obfuscated "word/fonts/
// font1.odttf", PowerPoint's "ppt/fonts/font1.fntdata") and the "[trash]/"
// items older Office left behind (freed space). Tester 13 finding 6: each
// held an ordinary document as "not read to the end". Printer settings are
// asked of their bytes (PrinterSettings). Anything else unknown stays
// unreadable.
bool NoTextPart(DocType type, std::string_view name) {
  if (type != DocType::kOoxml) return false;
  auto ends = [&](std::string_view s) { return name.ends_with(s); };
  if (name.find("/fonts/") != std::string_view::npos &&
      (ends(".odttf") || ends(".fntdata") || ends(".ttf"))) {
    return true;
  }
  // An obfuscated font has no other use (ECMA-376 Part 2, 12.2; an XPS
  // document keeps its fonts as "Resources/<guid>.odttf", ECMA-388 9.1.7).
  if (EndsWithNoCase(name, ".odttf")) return true;
  return name.starts_with("[trash]/") && ends(".dat");
}

bool PrinterSettingsPart(DocType type, std::string_view name) {
  return type == DocType::kOoxml && name.find("/printerSettings/") != std::string_view::npos &&
         name.ends_with(".bin");
}

// A sheet's or document's printer settings (ECMA-376 Part 1, 15.2.15;
// "xl/printerSettings/printerSettings1.bin", written whenever a page setup
// names a printer): a Windows DEVMODEW ([MS-RPRN] 2.2.2.1), its printer's
// name in 32 UTF-16 units, then dmSize (offset 68) and dmDriverExtra (70),
// which add up to the part's length. Nothing a reader sees.
bool PrinterSettings(std::string_view data) {
  constexpr std::size_t kSizeAt = 68, kMinSize = 72;
  if (data.size() < kMinSize) return false;
  auto u16 = [&](std::size_t at) {
    return static_cast<std::size_t>(static_cast<unsigned char>(data[at])) |
           static_cast<std::size_t>(static_cast<unsigned char>(data[at + 1])) << 8;
  };
  std::size_t size = u16(kSizeAt), extra = u16(kSizeAt + 2);
  return size >= kMinSize && size + extra == data.size();
}

// A member that is not one of the package's XML parts: an embedded object
// ("word/embeddings/Microsoft_Word_Document1.docx", "ppt/embeddings/
// oleObject1.bin", ODF's "Object 1/"), media, or a file that has no business
// in the package ("word/notes.txt", every member of a zip renamed .docx).
// It is read like an archive member (ExtractEmbedded): what holds words is
// extracted, images and fonts have none (binary, no known format), a
// legacy Office object is reported unread. An embedded marked document is
// inside the file being sent (issue 13, breaker round 8 defect 2). Only the
// macro project is left: code, not the document's words (ECMA-376 Part 1,
// 15.2.13 and [MS-OVBA]).
// A directory entry that declares bytes (ZipArchive::HoldsBytes) is one.
bool OtherMember(std::string_view name, bool holds_bytes) {
  if (name.empty()) return false;
  if (name.back() == '/') return holds_bytes;
  std::string_view base = name.substr(name.rfind('/') + 1);
  auto ends = [&](std::string_view s) {
    return base.size() >= s.size() && base.substr(base.size() - s.size()) == s;
  };
  return !ends(".xml") && !ends(".rels") && !base.starts_with("vbaProject") &&
         name != "mimetype";
}

void KeepLabels(LabelProperties found, Extracted* out) {
  out->msip_labels += found.msip_labels;
  for (std::string& c : found.classifications) out->classifications.push_back(std::move(c));
}

// docProps/custom.xml: <property name="MSIP_Label_..._Name"><vt:lpwstr>
// Secret</vt:lpwstr></property> becomes "MSIP_Label_..._Name=Secret;", and
// a property named "Classification" (Titus, templates) a label name to read
// (label_properties.h). False when the part is not well-formed XML.
using Properties = std::vector<std::pair<std::string, std::string>>;

bool CustomPropertiesAsLabels(std::string_view xml, Extracted* out, Properties* all) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return false;
  LabelProperties found;
  for (pugi::xml_node p : doc.document_element().children()) {
    OfferLabelProperty(p.attribute("name").value(), p.first_child().text().get(),
                       &found);
    all->emplace_back(p.attribute("name").value(), p.first_child().text().get());
  }
  KeepLabels(std::move(found), out);
  return true;
}

// customXml/item<N>.xml, a custom XML data part (not its itemProps<N>.xml,
// which only names the part's schemas): its classification fields as labels
// (label_properties.h). False when the part is not well-formed XML.
bool IsCustomXmlItem(std::string_view name) {
  constexpr std::string_view kDir = "customXml/item";
  if (!name.starts_with(kDir) || !name.ends_with(".xml")) return false;
  std::string_view number = name.substr(kDir.size(), name.size() - kDir.size() - 4);
  return !number.empty() && number.find_first_not_of("0123456789") == std::string_view::npos;
}

// word/settings.xml's document variables (label_properties.h
// OfferWordDocVars). False when the part is not well-formed XML.
bool DocVarsAsLabels(std::string_view xml, Extracted* out) {
  LabelProperties found;
  if (!OfferWordDocVars(xml, &found)) return false;
  KeepLabels(std::move(found), out);
  return true;
}

bool CustomXmlAsLabels(std::string_view xml, Extracted* out) {
  LabelProperties found;
  if (!OfferCustomXmlProperties(xml, &found)) return false;
  KeepLabels(std::move(found), out);
  return true;
}

// docMetadata/LabelInfo.xml, where Office writes a file's sensitivity labels
// since 2021 ([MS-OFFCRYPTO] 2.6.3 LabelInfo stream, namespace
// http://schemas.microsoft.com/office/2020/mipLabelMetadata): <clbl:label
// id="{guid}" enabled="1" removed="0" siteId="{guid}" .../>. It names the
// label by id only; each label becomes "MSIP_Label_<id>_Enabled=true;" (or
// false, when disabled or removed) in msip_labels, so that the policy's
// table places it by id and an id nobody places is unknown-label. False
// when the part is not well-formed XML.
bool LabelInfoAsLabels(std::string_view xml, std::string* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return false;
  for (pugi::xml_node label : doc.document_element().children()) {
    if (XmlLocalName(std::string_view(label.name())) != "label") continue;
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
  return true;
}

// meta.xml's user-defined properties (ODF 1.2 Part 1, 4.3.2.4:
// <meta:user-defined meta:name="Classification">SECRET</...>), which ODF's
// user-defined fields show. Malformed XML adds nothing (the part is also
// read as text, which reports it).
void OdfUserProperties(std::string_view xml, Properties* all) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return;
  for (pugi::xml_node meta : doc.document_element().children()) {
    for (pugi::xml_node p : meta.children()) {
      if (XmlLocalName(std::string_view(p.name())) != "user-defined") continue;
      for (pugi::xml_attribute a : p.attributes()) {
        if (XmlLocalName(std::string_view(a.name())) == "name") {
          all->emplace_back(a.value(), p.text().get());
        }
      }
    }
  }
}

// The values of the custom properties that DOCPROPERTY fields show
// (`fields`, extract.h XmlTextOptions), each a page of its own: Word
// updates such fields when it prints, so the property's value is what the
// page shows, whatever result was cached ("{ DOCPROPERTY Classification }"
// in a header, saved before the fields were updated). Names are compared
// without case, as Word does; each value is written once.
void ShowFieldProperties(const std::vector<std::string>& fields, const Properties& props,
                         std::string* text) {
  std::vector<std::string_view> shown;
  for (const auto& [name, value] : props) {
    bool used = std::any_of(fields.begin(), fields.end(), [&](const std::string& f) {
      return EqualsNoCase(f, name);
    });
    if (!used || value.empty() ||
        std::find(shown.begin(), shown.end(), value) != shown.end()) {
      continue;
    }
    shown.push_back(value);
    text->push_back('\f');
    text->append(value);
    text->push_back('\f');
  }
}

// Page headers and footers, where a tab splits the left, centre and right
// cells of one line (extract.h, XmlTextOptions).
bool IsHeaderFooterPart(DocType type, std::string_view name) {
  if (type == DocType::kOdf) return name == "styles.xml";
  return name.starts_with("word/header") || name.starts_with("word/footer");
}

// An ODF package saved with a password: its manifest gives the parts'
// <manifest:encryption-data> (ODF 1.2 Part 3, section 4.8), and content.xml
// and styles.xml are ciphertext. Nothing of the document can be read, so it
// is an encrypted attachment for the policy, as a locked PDF is.
bool OdfEncrypted(ZipArchive& zip, ExtractBudget& budget, std::size_t* used) {
  for (zip_int64_t i = 0; i < zip.size(); ++i) {
    const char* member = zip.Name(i);
    if (member == nullptr || std::string_view(member) != "META-INF/manifest.xml") continue;
    std::string xml;
    if (!zip.Read(i, budget, used, &xml)) return false;
    return xml.find("encryption-data") != std::string::npos;
  }
  return false;
}

// The package's styles parts, where the formatting that shows text in
// capitals is named (office_caps.h): word/styles.xml, a PPTX's slide
// masters, or ODF's styles.xml.
// Read before the text parts, which the zip may list first. ODF's is also
// a text part (page headers and footers): its bytes are kept in
// `*odf_styles` so that it is read once. A styles part that is not
// well-formed XML is an error: what it would show in capitals is unknown.
OfficeCaps ReadStyles(DocType type, std::string_view name, ZipArchive& zip,
                      ExtractBudget& budget, std::size_t* used, Extracted& out,
                      std::string* odf_styles) {
  OfficeCaps caps;
  std::string_view part = type == DocType::kOdf ? "styles.xml" : "word/styles.xml";
  for (zip_int64_t i = 0; i < zip.size() && !zip.stopped(); ++i) {
    const char* member = zip.Name(i);
    if (member == nullptr || zip.Encrypted(i)) continue;
    // A PPTX's slide masters: their text styles show placeholders in
    // capitals (office_caps.h). Read here and again as text parts.
    std::string_view m(member);
    const bool master = type != DocType::kOdf && m.starts_with("ppt/slideMasters/") &&
                        m.ends_with(".xml") && m.find('/', 17) == std::string_view::npos;
    if (part != m && !master) continue;
    std::string xml;
    if (!zip.Read(i, budget, used, &xml)) break;
    pugi::xml_document doc;
    if (doc.load_buffer(xml.data(), xml.size())) {
      caps.AddStyles(doc.document_element());
    } else if (type != DocType::kOdf && !master) {  // ODF's and masters are text parts too
      out.errors.push_back(std::string(name) + ": " + std::string(part) + ": malformed XML");
    }
    if (type == DocType::kOdf) {
      *odf_styles = std::move(xml);
      break;
    }
  }
  return caps;
}

// An XLSX package's shared strings (xl/sharedStrings.xml), read before the
// sheets that index them (sheet_text.h). A part that does not parse is an
// error, as any text part's is. False when there is none.
constexpr std::string_view kSharedStrings = "xl/sharedStrings.xml";
bool ReadPackageStrings(std::string_view name, ZipArchive& zip, ExtractBudget& budget,
                        std::size_t* used, Extracted& out, std::vector<std::string>* strings) {
  for (zip_int64_t i = 0; i < zip.size() && !zip.stopped(); ++i) {
    const char* member = zip.Name(i);
    if (member == nullptr || kSharedStrings != member || zip.Encrypted(i)) continue;
    std::string xml;
    if (!zip.Read(i, budget, used, &xml)) return false;
    if (!ReadSharedStrings(xml, strings)) {
      out.errors.push_back(std::string(name) + ": " + std::string(kSharedStrings) +
                           ": malformed XML");
    }
    return true;
  }
  return false;
}

// The package's parts, from `bytes` as libzip opens them. False when
// libzip cannot open it (its error added).
bool ReadPackage(DocType type, std::string_view name, std::string_view bytes,
                 ExtractBudget& budget, Extracted& out) {
  ZipArchive zip(name, bytes, &out);
  std::size_t used = 0;
  zip_int64_t count = zip.size();
  if (type == DocType::kOdf && OdfEncrypted(zip, budget, &used)) {
    out.encrypted = true;
    return true;
  }
  std::string odf_styles;
  const OfficeCaps styles = ReadStyles(type, name, zip, budget, &used, out, &odf_styles);
  std::vector<std::string> fields;  // DOCPROPERTY names, from every part
  std::vector<std::string> strings;  // XLSX shared strings, by index
  const bool sheets = type == DocType::kOoxml;
  const bool have_strings =
      sheets && ReadPackageStrings(name, zip, budget, &used, out, &strings);
  std::vector<bool> shown(strings.size(), false);
  const PartPlaces places = PartPlaces::Read(type, zip, budget, &used);
  Properties props;                 // docProps/custom.xml, name and value
  std::string deleted;  // the parts as they read before their tracked changes
  std::string unhidden;  // the parts as shown, hidden text left out
  for (zip_int64_t i = 0; i < count && !zip.stopped(); ++i) {
    const char* member = zip.Name(i);
    if (member == nullptr) {  // what it holds is unknown, not absent
      out.errors.push_back(std::string(name) + ": member " + std::to_string(i) +
                           " has no name libzip can read; not read");
      continue;
    }
    std::string_view member_name(member);
    bool labels = type == DocType::kOoxml && member_name == "docProps/custom.xml";
    bool label_info =
        type == DocType::kOoxml && member_name == "docMetadata/LabelInfo.xml";
    bool custom_xml = type == DocType::kOoxml && IsCustomXmlItem(member_name);
    bool doc_vars = type == DocType::kOoxml && member_name == "word/settings.xml";
    // Title, Subject, Keywords, ...: each a page (document_properties.h).
    bool properties = type == DocType::kOoxml ? member_name == "docProps/core.xml" ||
                                                    member_name == "docProps/app.xml"
                                              : member_name == "meta.xml";
    if (NoTextPart(type, member_name)) continue;
    if (type == DocType::kOoxml && IsXpsPage(member_name)) {  // xps_text.h
      std::string xml;
      if (zip.Encrypted(i)) {
        out.encrypted_members.push_back(std::string(member_name));
      } else if (zip.Read(i, budget, &used, &xml)) {
        XpsPageAsText(name, member_name, xml, &out);
      }
      continue;
    }
    if (OtherMember(member_name, zip.HoldsBytes(i))) {
      if (zip.Encrypted(i)) {
        out.encrypted_members.push_back(std::string(member_name));
        continue;
      }
      std::string data;
      if (zip.Read(i, budget, &used, &data) &&
          !(PrinterSettingsPart(type, member_name) && PrinterSettings(data))) {
        ExtractEmbedded(name, std::string(member_name), data, budget, &out);
      }
      continue;
    }
    if (!labels && !label_info && !custom_xml && !properties && !doc_vars &&
        !WantedMember(type, member_name)) {
      continue;
    }
    if (have_strings && member_name == kSharedStrings) continue;  // read above
    // A part zip-encrypted in either header (ZipArchive::Encrypted): Office
    // encrypts a document as a whole, in a CFB envelope, never a part, so
    // such a part is someone's doing and what it holds is unknown to unzip
    // (issue 13, round 33 defect 4).
    if (zip.Encrypted(i)) {
      out.encrypted_members.push_back(std::string(member_name));
      continue;
    }
    std::string xml;
    if (type == DocType::kOdf && member_name == "styles.xml" && !odf_styles.empty()) {
      xml = std::move(odf_styles);  // read already, by ReadStyles
    } else if (!zip.Read(i, budget, &used, &xml)) {
      continue;
    }
    out.places.Start(out.text, places.Of(member_name));
    XmlTextOptions options;
    options.tab_splits_line = IsHeaderFooterPart(type, member_name);
    options.styles = &styles;
    options.original = &deleted;
    options.without_hidden = &unhidden;
    const std::size_t before = out.text.size();
    // A label part that does not parse is as unreadable as a text part
    // that does not: either may hold what decides the message's level.
    options.field_properties = &fields;
    if (type == DocType::kOdf && member_name == "meta.xml") OdfUserProperties(xml, &props);
    SheetGaps gaps;
    bool parsed = labels       ? CustomPropertiesAsLabels(xml, &out, &props)
                  : label_info ? LabelInfoAsLabels(xml, &out.msip_labels)
                  : custom_xml ? CustomXmlAsLabels(xml, &out)
                  : properties ? OfficePropertiesToText(xml, &out)
                  : doc_vars   ? DocVarsAsLabels(xml, &out)
                  : sheets && IsWorksheetPart(member_name)
                      ? SheetToText(xml, strings, &shown, &out.text, &gaps)
                      : XmlToText(xml, &out.text, options);
    if (gaps.missing_strings > 0) {
      out.errors.push_back(std::string(name) + ": " + std::string(member_name) + ": " +
                           gaps.Describe());
    }
    if (!parsed) {
      out.errors.push_back(std::string(name) + ": " + std::string(member_name) +
                           ": malformed XML");
    }
    // Each member that gave words is a page of its own for banners.
    if (out.text.size() > before && !properties) out.text.push_back('\f');
  }
  out.places.Start(out.text, "document properties");
  ShowFieldProperties(fields, props, &out.text);
  // Shared strings no sheet showed (a deleted sheet's, a pivot cache's):
  // read still, one a line, on a page of their own.
  std::string unshown;
  for (std::size_t k = 0; k < strings.size(); ++k) {
    if (shown[k] || strings[k].empty()) continue;
    unshown.push_back('\n');
    unshown += strings[k];
  }
  if (!unshown.empty()) {
    out.places.Start(out.text, "strings no sheet shows");
    out.text += unshown;
    out.text.push_back('\f');
  }
  if (!deleted.empty()) out.hidden.push_back({"deleted text", std::move(deleted)});
  if (!unhidden.empty()) out.hidden.push_back({"without hidden text", std::move(unhidden)});
  out.has_text = zip.ok();
  return zip.ok();
}

}  // namespace

// A package is a zip (ECMA-376 Part 2, ODF 1.2 Part 3), and is framed as
// a zip attachment is (zip_framing.h, archive_text.cc WalkZip): the
// archive unzip, Python and Office place by the last end record is the
// package; an archive before it (a benign package + a marked one, a zip
// appended to a document, a stub) is read too, as a member named by its
// offset; and what the framing cannot explain (a member only a local
// header names, a local header whose name the directory does not give, a
// local header after the end record) is an error, so the attachment is
// unreadable and the scan incomplete. Before this, libzip alone opened the
// package, keeping the first archive it could, and an OOXML file that
// hid a second archive was read as its first (issue 13, round 33 defect
// 4).
Extracted ExtractZipDocument(DocType type, std::string_view name,
                             std::string_view bytes, ExtractBudget& budget) {
  Extracted out;
  ZipFrame frame;
  std::string error;
  bool framed = FrameZip(bytes, &frame, &error);
  bool placed = frame.end > frame.start;
  bool opened = ReadPackage(
      type, name, placed ? bytes.substr(frame.start, frame.end - frame.start) : bytes, budget,
      out);
  // Not placed and not opened: libzip's error already says why.
  if (!framed && (placed || opened)) out.errors.push_back(std::string(name) + ": " + error);
  // Each archive before the package, last first, until none is left. Each
  // is read like an embedded file (ExtractEmbedded: a package, a zip or
  // whatever it is, under the depth bound); the loop is bounded by the
  // archive member count.
  std::size_t archives = 0;
  for (std::string_view rest = bytes.substr(0, placed ? frame.start : 0);
       framed && frame.prefix_has_zip;) {
    if (++archives > budget.max_archive_members) {
      out.limits.push_back({"max-archive-members",
                            std::string(name) + ": more than " +
                                std::to_string(budget.max_archive_members) +
                                " archives concatenated; not read"});
      break;
    }
    framed = FrameZip(rest, &frame, &error);
    placed = frame.end > frame.start;
    if (!framed) out.errors.push_back(std::string(name) + ": before the package: " + error);
    if (!placed) break;
    std::string piece(rest.substr(frame.start, frame.end - frame.start));
    ExtractEmbedded(name, "(zip at offset " + std::to_string(frame.start) + ")", piece,
                    budget, &out);
    rest = rest.substr(0, frame.start);
  }
  return out;
}

}  // namespace nearmiss::content
