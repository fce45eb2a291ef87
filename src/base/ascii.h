// Case-insensitive comparison for the ASCII names of protocols and formats
// (header names, MIME types, file suffixes): byte by byte, independent of
// the locale, and never touching bytes of 0x80 and above.
#ifndef NEARMISS_BASE_ASCII_H_
#define NEARMISS_BASE_ASCII_H_

#include <string>
#include <string_view>

namespace nearmiss {

inline char AsciiToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// A copy with A-Z folded to a-z: domain names (RFC 1035 §2.3.3 compares
// them case-insensitively) and protocol keywords. Bytes of 0x80 and above,
// and so UTF-8, are left as they are.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiToLower(c);
  return out;
}

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
