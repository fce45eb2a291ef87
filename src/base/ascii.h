// Case-insensitive comparison for the ASCII names of protocols and formats
// (header names, MIME types, file suffixes): byte by byte, independent of
// the locale, and never touching bytes of 0x80 and above.
#ifndef NEARMISS_BASE_ASCII_H_
#define NEARMISS_BASE_ASCII_H_

#include <string_view>

namespace nearmiss {

inline char AsciiToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

inline bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiToLower(a[i]) != AsciiToLower(b[i])) return false;
  }
  return true;
}

inline bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsNoCase(s.substr(0, prefix.size()), prefix);
}

inline bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && EqualsNoCase(s.substr(s.size() - suffix.size()), suffix);
}

}  // namespace nearmiss

#endif  // NEARMISS_BASE_ASCII_H_
