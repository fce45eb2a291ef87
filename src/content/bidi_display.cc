#include "content/bidi_display.h"

#include <unicode/ubidi.h>
#include <unicode/unistr.h>

#include <memory>
#include <string_view>
#include <vector>

namespace nearmiss::content {
namespace {

// The bytes of U+061C (ALM), U+200E/F, U+202A..E and U+2066..9 in UTF-8:
// enough to find and drop them without decoding the rest.
std::size_t BidiControlLength(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (b(0) == 0xD8 && i + 1 < s.size() && b(1) == 0x9C) return 2;  // U+061C
  if (b(0) != 0xE2 || i + 2 >= s.size()) return 0;
  if (b(1) == 0x80 && (b(2) == 0x8E || b(2) == 0x8F || (b(2) >= 0xAA && b(2) <= 0xAE))) return 3;
  if (b(1) == 0x81 && b(2) >= 0xA6 && b(2) <= 0xA9) return 3;
  return 0;
}

bool HasInitiator(std::string_view line) {
  for (std::size_t i = 0; i + 2 < line.size(); ++i) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(line[i + k]); };
    if (b(0) != 0xE2) continue;
    if (b(1) == 0x80 && (b(2) == 0xAA || b(2) == 0xAB || b(2) == 0xAD || b(2) == 0xAE)) return true;
    if (b(1) == 0x81 && b(2) >= 0xA6 && b(2) <= 0xA8) return true;
  }
  return false;
}

void AppendWithoutControls(std::string_view line, std::string* out) {
  for (std::size_t i = 0; i < line.size();) {
    if (std::size_t n = BidiControlLength(line, i); n != 0) {
      i += n;
      continue;
    }
    out->push_back(line[i++]);
  }
}

// The line in visual order (ubidi_writeReordered with mirroring, controls
// removed), or false when ICU reports an error. The paragraph's direction
// is its first strong character's (UAX #9 P2-P3), left to right when it has
// none: a plain-text reader's and a mail client's default.
bool Reorder(std::string_view line, std::string* out) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, void (*)(UBiDi*)> bidi(ubidi_openSized(u.length(), 0, &status),
                                                &ubidi_close);
  if (U_FAILURE(status) || !bidi) return false;
  ubidi_setPara(bidi.get(), u.getBuffer(), u.length(), UBIDI_DEFAULT_LTR, nullptr, &status);
  if (U_FAILURE(status)) return false;
  // Removing controls never lengthens the text; mirroring keeps its length.
  std::vector<UChar> shown(static_cast<std::size_t>(u.length()) + 1);
  int32_t n = ubidi_writeReordered(bidi.get(), shown.data(), static_cast<int32_t>(shown.size()),
                                   UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
  if (U_FAILURE(status)) return false;
  std::string visual;
  icu::UnicodeString(shown.data(), n).toUTF8String(visual);
  // ubidi leaves the implicit marks it does not count as controls: drop
  // whatever Bidi_Control is left.
  AppendWithoutControls(visual, out);
  return true;
}

}  // namespace

bool IsBidiControl(std::uint32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool IsBidiInitiator(std::uint32_t cp) {
  return cp == 0x202A || cp == 0x202B || cp == 0x202D || cp == 0x202E ||
         (cp >= 0x2066 && cp <= 0x2068);
}

void ApplyDisplayOrder(std::string* text, std::string* spare) {
  spare->clear();
  spare->reserve(text->size());
  std::string_view all(*text);
  for (std::size_t start = 0; start <= all.size();) {
    std::size_t end = all.find('\n', start);
    if (end == std::string_view::npos) end = all.size();
    std::string_view line = all.substr(start, end - start);
    const std::size_t before = spare->size();
    if (!HasInitiator(line) || !Reorder(line, spare)) {
      spare->resize(before);
      AppendWithoutControls(line, spare);
    }
    if (end == all.size()) break;
    spare->push_back('\n');
    start = end + 1;
  }
  text->swap(*spare);
}

}  // namespace nearmiss::content
