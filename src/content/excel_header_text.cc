// ExcelHeaderText (extract.h): a SpreadsheetML page header's format string
// as text.
#include <string>
#include <string_view>

#include "content/extract.h"

namespace nearmiss::content {
namespace {

bool IsHexOrSign(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F') || c == '+' || c == '-';
}

}  // namespace

void ExcelHeaderText(std::string_view codes, std::string* out) {
  std::size_t i = 0;
  while (i < codes.size()) {
    char c = codes[i++];
    if (c != '&' || i == codes.size()) {
      out->push_back(c);
      continue;
    }
    char code = codes[i++];
    switch (code) {
      case '&':
        out->push_back('&');
        break;
      case 'L': case 'C': case 'R':  // left, centre, right section
        out->append("\n\n");
        break;
      case '"':  // &"font name,style": up to the closing quote
        while (i < codes.size() && codes[i] != '"') ++i;
        if (i < codes.size()) ++i;
        break;
      case 'K': {  // &KRRGGBB, or a theme colour &KTTSNNN
        std::size_t n = 0;
        while (n < 6 && i < codes.size() && IsHexOrSign(codes[i])) ++i, ++n;
        break;
      }
      case 'P': case 'N': case 'D': case 'T': case 'Z': case 'F':
      case 'A': case 'G':  // fields: page, pages, date, time, path, ...
        out->push_back(' ');
        break;
      default:
        if (code >= '0' && code <= '9') {  // &nn: font size in points
          while (i < codes.size() && codes[i] >= '0' && codes[i] <= '9') ++i;
        }
        // &B &I &U &E &S &X &Y &O &H and any code not known: formatting,
        // no text.
        break;
    }
  }
}

}  // namespace nearmiss::content
