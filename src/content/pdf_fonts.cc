// FontsWithoutUnicode: see pdf_fonts.h.
#include "content/pdf_fonts.h"

#include <FontInfo.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <memory>

namespace nearmiss::content {
namespace {

// pdffonts' names of FontInfo::Type, for the composite (CID) types; ""
// for a simple font, whose codes are one byte of a named encoding.
const char* CompositeType(FontInfo::Type type) {
  switch (type) {
    case FontInfo::CIDType0: return "CID Type 0";
    case FontInfo::CIDType0C: return "CID Type 0C";
    case FontInfo::CIDType0COT: return "CID Type 0C (OT)";
    case FontInfo::CIDTrueType: return "CID TrueType";
    case FontInfo::CIDTrueTypeOT: return "CID TrueType (OT)";
    default: return "";
  }
}

}  // namespace

std::vector<std::string> FontsWithoutUnicode(std::string_view name, std::string_view bytes) {
  std::vector<std::string> errors;
  // The document owns the stream; the stream borrows `bytes`.
  PDFDoc doc(new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)));
  if (!doc.isOk()) return errors;
  FontInfoScanner scanner(&doc);
  for (int page = 1; page <= doc.getNumPages(); ++page) {
    std::vector<std::unique_ptr<FontInfo>> fonts;
    for (FontInfo* font : scanner.scan(1)) fonts.emplace_back(font);
    for (const std::unique_ptr<FontInfo>& font : fonts) {
      const std::string_view type = CompositeType(font->getType());
      const std::string& encoding = font->getEncoding();
      if (type.empty() || font->getToUnicode() || !encoding.starts_with("Identity-")) continue;
      std::string error(name);
      error += ": page ";
      error += std::to_string(page);
      error += "'s font ";
      error += font->getName().value_or("(no name)").substr(0, 80);
      error += " (";
      error += type;
      error += ", ";
      error += encoding;
      error += ") has no ToUnicode map: its text reads as glyph numbers, not letters, and is"
               " not read";
      errors.push_back(std::move(error));
    }
  }
  return errors;
}

}  // namespace nearmiss::content
