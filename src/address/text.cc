#include "address/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

#include "address/idna.h"

namespace nearmiss::address {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

constexpr std::string_view kNbsp = "\xC2\xA0";

// Controls could forge log lines: they become '?'.
bool IsControl(int32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// Format characters (joiners, bidi overrides, soft hyphen) are invisible or
// reorder the message, yet are often the very thing wrong: name them.
bool IsFormat(int32_t c) { return u_charType(c) == U_FORMAT_CHAR; }

}  // namespace

std::string_view TrimSpace(std::string_view s) {
  for (;;) {
    if (!s.empty() && IsAsciiSpace(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with(kNbsp)) {
      s.remove_prefix(kNbsp.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && IsAsciiSpace(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with(kNbsp)) {
      s.remove_suffix(kNbsp.size());
    } else {
      break;
    }
  }
  return s;
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    int32_t c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string Echo(std::string_view s, std::size_t max) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  // Inputs are bounded by the callers; the cast cannot overflow past them,
  // and a longer view is cut anyway.
  const auto n = static_cast<int32_t>(std::min<std::size_t>(s.size(), 1 << 20));
  std::string out;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    int32_t c;
    U8_NEXT(p, i, n, c);
    std::string piece;
    if (c < 0 || IsControl(c)) {
      piece = "?";
    } else if (IsFormat(c)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(c));
      piece = buf;
    } else {
      piece = s.substr(start, i - start);
    }
    if (out.size() + piece.size() > max) {
      out += "…";
      break;
    }
    out += piece;
  }
  return out;
}

std::string DescribeByte(unsigned char c) {
  if (c >= 0x20 && c < 0x7F) {
    // Built by hand, not "'" + std::string(1, c): GCC 12 at -O3 reports a
    // false -Wrestrict on operator+(const char*, string&&) (GCC bug 105329).
    return c == '\'' ? std::string("\"'\"") : std::string{'\'', static_cast<char>(c), '\''};
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, c < 0x80 ? "U+%04X" : "byte 0x%02X", c);
  return buf;
}

namespace {

// A character of a word SmtpReplyText may convert whole: a letter, digit or
// mark of any script, and the ASCII characters of domains and addresses.
bool WordChar(int32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '-' || c == '@' || c == '_' || c == '+';
  }
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

void AppendCodePoints(std::string_view word, std::string& out) {
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    int32_t c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || IsControl(c)) {
      out += '?';
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c == 0x2026) {
      out += "...";
    } else if (c == 0x2018 || c == 0x2019) {
      out += '\'';
    } else if (c == 0xA0 || u_isspace(c)) {
      out += ' ';
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
      out += buf;
    }
  }
}

// One word with a non-ASCII character: an address's or a domain's A-label
// form when IDNA takes it, else its characters one by one.
void AppendWord(std::string_view word, std::string& out) {
  std::string_view domain = word, head;
  if (size_t at = word.rfind('@'); at != std::string_view::npos) {
    head = word.substr(0, at + 1);
    domain = word.substr(at + 1);
  }
  // A sentence's full stop after a domain is no part of it.
  size_t stops = 0;
  while (domain.ends_with('.')) {
    domain.remove_suffix(1);
    ++stops;
  }
  const std::string_view tail = word.substr(word.size() - stops);
  if (domain.find('.') != std::string_view::npos) {
    if (Result<std::string> a = ToAscii(domain); a.ok()) {
      AppendCodePoints(head, out);
      out += *a;
      out += tail;
      return;
    }
  }
  AppendCodePoints(word, out);
}

}  // namespace

namespace {

// "Cyrillic 'U+0430' (U+0430)": a detail that names a letter and its code
// point ("Cyrillic 'а' (U+0430)") said the code point twice once the letter
// was written as one (issue 15, fresh tester, item 10). "'U+0430' (U+0430)"
// becomes "U+0430".
std::string CollapseRepeatedCodePoints(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const size_t at = text.find("'U+", i);
    if (at == std::string_view::npos) break;
    size_t end = at + 3;
    while (end < text.size() && std::isxdigit(static_cast<unsigned char>(text[end]))) ++end;
    const std::string_view code = text.substr(at + 1, end - at - 1);  // "U+0430"
    std::string twice = "' (";
    twice.append(code).append(")");
    if (end - at >= 7 && text.substr(end, twice.size()) == twice) {
      out.append(text.substr(i, at - i)).append(code);
      i = end + twice.size();
    } else {
      out.append(text.substr(i, end - i));
      i = end;
    }
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

}  // namespace

std::string SmtpReplyText(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || u < 0x20 || u == 0x7F) ascii = false;
  }
  if (ascii) return std::string(utf8);
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  int32_t word_start = -1;
  bool word_ascii = true;
  auto flush = [&](int32_t end) {
    if (word_start < 0) return;
    std::string_view w = utf8.substr(word_start, end - word_start);
    if (word_ascii) {
      out += w;
    } else {
      AppendWord(w, out);
    }
    word_start = -1;
    word_ascii = true;
  };
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    int32_t c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && WordChar(c)) {
      if (word_start < 0) word_start = start;
      if (c >= 0x80) word_ascii = false;
      continue;
    }
    flush(start);
    AppendCodePoints(utf8.substr(start, i - start), out);
  }
  flush(n);
  return CollapseRepeatedCodePoints(out);
}

}  // namespace nearmiss::address
