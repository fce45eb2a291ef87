// Zip packages: OOXML (DOCX/XLSX/PPTX) and ODF (ODT/ODS/ODP) text, and the
// MSIP label properties of OOXML files. Reading is bounded by ZipArchive.
#include <pugixml.hpp>

#include <algorithm>

#include "base/ascii.h"

#include "content/document_properties.h"
#include "content/package_labels.h"
#include "content/number_format_text.h"
#include "content/package_members.h"
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
// The member named `part`, read; false when there is none or it cannot be.
bool ReadNamedMember(ZipArchive& zip, std::string_view part, ExtractBudget& budget,
                     std::size_t* used, std::string* xml) {
  for (zip_int64_t i = 0; i < zip.size() && !zip.stopped(); ++i) {
    const char* member = zip.Name(i);
    if (member == nullptr || part != member || zip.Encrypted(i)) continue;
    return zip.Read(i, budget, used, xml);
  }
  return false;
}

bool ReadPackageStrings(std::string_view name, ZipArchive& zip, ExtractBudget& budget,
                        std::size_t* used, Extracted& out, std::vector<std::string>* strings) {
  std::string xml;
  if (!ReadNamedMember(zip, kSharedStrings, budget, used, &xml)) return false;
  if (!ReadSharedStrings(xml, strings)) {
    out.errors.push_back(std::string(name) + ": " + std::string(kSharedStrings) +
                         ": malformed XML");
  }
  return true;
}

// The literals an XLSX package's custom number formats show
// (number_format_text.h), on a page of their own.
void ReadNumberFormats(std::string_view name, ZipArchive& zip, ExtractBudget& budget,
                       std::size_t* used, Extracted& out) {
  constexpr std::string_view kStyles = "xl/styles.xml";
  std::string xml, literals;
  if (!ReadNamedMember(zip, kStyles, budget, used, &xml)) return;
  if (!NumberFormatLiterals(xml, &literals)) {
    out.errors.push_back(std::string(name) + ": " + std::string(kStyles) + ": malformed XML");
    return;
  }
  if (literals.empty()) return;
  out.places.Start(out.text, "number formats");
  out.text += literals;
  out.text.push_back('\f');
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
  PackageProperties props;                 // docProps/custom.xml, name and value
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
    if (type == DocType::kOdf && member_name == "meta.xml") OdfUserProperties(xml, &props, &out);
    SheetGaps gaps;
    bool parsed = labels       ? CustomPropertiesAsLabels(xml, &out, &props)
                  : label_info ? LabelInfoAsLabels(xml, &out.msip_labels)
                  : custom_xml ? CustomXmlAsLabels(xml, &out)
                  : properties ? OfficePropertiesToText(xml, &out)
                  : doc_vars   ? DocVarsAsLabels(xml, &out)
                  : sheets && IsWorksheetPart(member_name)
                      ? SheetToText(xml, strings, &shown, &out.text, &gaps)
                      : XmlToText(xml, &out.text, options);
    if (gaps.Any()) {
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
  if (sheets) ReadNumberFormats(name, zip, budget, &used, out);
  // A tab's name, each a page of its own as a label of its own: a sheet
  // named "UK SECRET" marks it as its banner would (round 45 leftover).
  for (const std::string& sheet : places.SheetNames()) {
    if (sheet.empty()) continue;
    out.places.Start(out.text, "sheet name");
    out.text.push_back('\n');
    out.text += sheet;
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
