#include "content/pdf_revisions.h"

#include <string_view>

namespace nearmiss::content {
namespace {

constexpr std::string_view kEof = "%%EOF";
constexpr std::string_view kStartXref = "startxref";
// How far before "%%EOF" the "startxref" keyword may stand: the keyword,
// an offset of up to 20 digits, and the blanks and line ends between.
constexpr std::size_t kTrailerReach = 64;

// PDF white space (ISO 32000-1, 7.2.2, Table 1).
bool PdfBlank(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

// Whether "startxref <offset>" with a non-zero offset ends just before `eof`.
bool ClosesTrailer(std::string_view pdf, std::size_t eof) {
  std::size_t i = eof;
  while (i > 0 && PdfBlank(pdf[i - 1])) --i;
  std::size_t digits_end = i;
  while (i > 0 && pdf[i - 1] >= '0' && pdf[i - 1] <= '9') --i;
  if (i == digits_end) return false;
  std::string_view offset = pdf.substr(i, digits_end - i);
  if (offset.find_first_not_of('0') == std::string_view::npos) return false;
  std::size_t digits_begin = i;
  while (i > 0 && PdfBlank(pdf[i - 1])) --i;
  if (i == digits_begin || i < kStartXref.size()) return false;
  if (eof - i > kTrailerReach) return false;
  return pdf.substr(i - kStartXref.size(), kStartXref.size()) == kStartXref;
}

}  // namespace

std::vector<std::size_t> EarlierRevisionEnds(std::string_view pdf) {
  std::vector<std::size_t> ends;
  for (std::size_t at = pdf.find(kEof); at != std::string_view::npos;
       at = pdf.find(kEof, at + kEof.size())) {
    if (!ClosesTrailer(pdf, at)) continue;
    std::size_t end = at + kEof.size();
    if (end < pdf.size() && pdf[end] == '\r') ++end;
    if (end < pdf.size() && pdf[end] == '\n') ++end;
    ends.push_back(end);
  }
  // The last revision is the document itself; what follows its "%%EOF"
  // (blanks, a stray byte) is no revision of its own.
  if (!ends.empty()) ends.pop_back();
  return ends;
}

}  // namespace nearmiss::content
