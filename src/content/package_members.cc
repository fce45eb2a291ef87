// Office package members by kind (package_members.h).
#include "content/package_members.h"

#include <string>

#include "base/ascii.h"

namespace nearmiss::content {

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

bool IsHeaderFooterPart(DocType type, std::string_view name) {
  if (type == DocType::kOdf) return name == "styles.xml";
  return name.starts_with("word/header") || name.starts_with("word/footer");
}

}  // namespace nearmiss::content
