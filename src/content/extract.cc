#include "content/extract.h"

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

bool AnySuffix(std::string_view name,
               std::initializer_list<std::string_view> suffixes) {
  for (std::string_view s : suffixes) {
    if (EndsWithNoCase(name, s)) return true;
  }
  return false;
}

bool IsOoxmlName(std::string_view filename) {
  return AnySuffix(filename,
                   {".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".pptm"});
}

}  // namespace

bool IsEncryptedOfficeFile(std::string_view filename, std::string_view bytes) {
  // [MS-CFB] 2.2: the compound file header signature.
  static constexpr std::string_view kCfb("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  return bytes.substr(0, kCfb.size()) == kCfb && IsOoxmlName(filename);
}

DocType ClassifyDocument(std::string_view mime_type, std::string_view filename,
                         std::string_view bytes) {
  bool is_zip = bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  if (IsOoxmlName(filename) ||
      mime_type.find("openxmlformats") != std::string_view::npos) {
    return is_zip ? DocType::kOoxml : DocType::kOther;
  }
  if (AnySuffix(filename, {".odt", ".ods", ".odp"}) ||
      StartsWithNoCase(mime_type, "application/vnd.oasis.opendocument")) {
    return is_zip ? DocType::kOdf : DocType::kOther;
  }
  if (bytes.substr(0, 5) == "%PDF-" || EndsWithNoCase(filename, ".pdf") ||
      EndsWithNoCase(mime_type, "/pdf")) {
    return DocType::kPdf;
  }
  if (is_zip || EndsWithNoCase(filename, ".zip") ||
      EndsWithNoCase(mime_type, "/zip") ||
      EndsWithNoCase(mime_type, "/x-zip-compressed")) {
    return DocType::kZip;
  }
  if (StartsWithNoCase(mime_type, "text/html") ||
      AnySuffix(filename, {".html", ".htm"})) {
    return DocType::kHtml;
  }
  if (StartsWithNoCase(mime_type, "text/") ||
      AnySuffix(filename, {".txt", ".csv", ".md", ".eml"})) {
    return DocType::kText;
  }
  return DocType::kOther;
}

Extracted ExtractDocument(DocType type, std::string_view name,
                          std::string_view bytes, ExtractBudget& budget) {
  switch (type) {
    case DocType::kText: {
      Extracted e;
      e.text = std::string(bytes);
      e.has_text = true;
      return e;
    }
    case DocType::kHtml:
      return HtmlToText(bytes);
    case DocType::kOoxml:
    case DocType::kOdf:
      return ExtractZipDocument(type, name, bytes, budget);
    case DocType::kZip:
      return ExtractArchive(name, bytes, budget);
    case DocType::kPdf:
      return ExtractPdf(name, bytes, budget);
    case DocType::kOther:
      break;
  }
  return Extracted{};
}

}  // namespace nearmiss::content
