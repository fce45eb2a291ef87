// ReadPostScriptText (postscript_text.h).
#include "content/postscript_text.h"

#include <cstdint>

namespace nearmiss::content {
namespace {

constexpr std::string_view kDosEps("\xC5\xD0\xD3\xC6", 4);

std::uint32_t Le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

// The PostScript section of a DOS EPS file (its offset and length at 4
// and 8), or `bytes` as they are.
std::string_view PostScriptSection(std::string_view bytes) {
  if (!bytes.starts_with(kDosEps) || bytes.size() < 12) return bytes;
  const std::size_t at = Le32(bytes, 4), length = Le32(bytes, 8);
  if (at >= bytes.size()) return {};
  return bytes.substr(at, length);
}

// A string's byte as text: the fonts' encodings (StandardEncoding,
// ISOLatin1Encoding, PLRM E.5-E.6) agree with Latin-1 on letters, which
// is written as UTF-8; control bytes become blanks.
void AppendByte(unsigned char c, std::string* out) {
  if (c < 0x20 || c == 0x7F) {
    out->push_back(' ');
  } else if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// A literal string from the '(' at `*at` (PLRM 3.2.2), decoded into
// `out`; `*at` is left after its closing ')' (or at the end).
void ReadLiteral(std::string_view s, std::size_t* at, std::string* out) {
  int depth = 0;
  std::size_t i = *at;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '(') {
      if (depth++ > 0) out->push_back('(');
    } else if (c == ')') {
      if (--depth == 0) {
        ++i;
        break;
      }
      out->push_back(')');
    } else if (c == '\\' && i + 1 < s.size()) {
      const char e = s[++i];
      switch (e) {
        case 'n': case 'r': case 't': case 'b': case 'f': out->push_back(' '); break;
        case '\r':
          if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
          break;  // a line continued: nothing
        case '\n': break;
        default:
          if (e >= '0' && e <= '7') {
            int value = e - '0';
            for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k) {
              value = value * 8 + (s[++i] - '0');
            }
            AppendByte(static_cast<unsigned char>(value & 0xFF), out);
          } else {
            AppendByte(static_cast<unsigned char>(e), out);  // \( \) \\ and any other
          }
      }
    } else {
      AppendByte(static_cast<unsigned char>(c), out);
    }
  }
  *at = i;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A hexadecimal string from the '<' at `*at`: pairs of digits, blanks
// ignored, an odd last digit as if 0 followed.
void ReadHex(std::string_view s, std::size_t* at, std::string* out) {
  std::size_t i = *at + 1;
  int high = -1;
  for (; i < s.size() && s[i] != '>'; ++i) {
    const int v = HexValue(s[i]);
    if (v < 0) continue;
    if (high < 0) {
      high = v;
    } else {
      AppendByte(static_cast<unsigned char>(high * 16 + v), out);
      high = -1;
    }
  }
  if (high >= 0) AppendByte(static_cast<unsigned char>(high * 16), out);
  *at = i < s.size() ? i + 1 : i;
}

// An ASCII base-85 string "<~ ... ~>" (PLRM 3.2.2, 3.13.3): groups of five
// characters '!'..'u' for four bytes, 'z' for four zeros, a short last
// group padded with 'u'.
void ReadAscii85(std::string_view s, std::size_t* at, std::string* out) {
  std::size_t i = *at + 2;
  std::uint32_t group = 0;
  int n = 0;
  auto flush = [&](int bytes) {
    for (int k = 0; k < bytes; ++k) AppendByte(static_cast<unsigned char>(group >> (24 - 8 * k)), out);
  };
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '~') break;
    if (c == 'z' && n == 0) {
      flush(4);
      continue;
    }
    if (c < '!' || c > 'u') continue;
    group = group * 85 + static_cast<std::uint32_t>(c - '!');
    if (++n == 5) {
      flush(4);
      group = 0;
      n = 0;
    }
  }
  if (n > 1) {
    const int bytes = n - 1;
    for (; n < 5; ++n) group = group * 85 + 84;
    flush(bytes);
  }
  *at = i + 2 <= s.size() ? i + 2 : s.size();
}

bool IsBlankLine(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

bool IsPostScript(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  return bytes.starts_with("%!PS") || bytes.starts_with(kDosEps);
}

PostScriptText ReadPostScriptText(std::string_view bytes) {
  PostScriptText out;
  const std::string_view s = PostScriptSection(bytes);
  if (s.empty() && !bytes.empty()) {
    out.error = "a DOS EPS file whose PostScript section lies past its end";
    return out;
  }
  std::string line;
  auto end_line = [&] {
    if (!IsBlankLine(line)) {
      out.text += line;
      out.text += '\n';
    }
    line.clear();
  };
  bool line_start = true;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '%') {
      const std::size_t eol = s.find_first_of("\r\n", i);
      const std::string_view comment = s.substr(i, eol == std::string_view::npos ? s.size() - i : eol - i);
      // DSC 3.0 5.1: "%%Title: ( ... )" or the title as it stands.
      if (line_start && comment.starts_with("%%Title:")) {
        std::string_view title = comment.substr(8);
        while (!title.empty() && title.front() == ' ') title.remove_prefix(1);
        if (title.starts_with("(")) {
          std::size_t k = 0;
          ReadLiteral(title, &k, &line);
        } else {
          for (char t : title) AppendByte(static_cast<unsigned char>(t), &line);
        }
        end_line();
      }
      i = eol == std::string_view::npos ? s.size() : eol;
      continue;
    }
    line_start = c == '\n' || c == '\r';
    if (c == '(') {
      ReadLiteral(s, &i, &line);
      end_line();
    } else if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {
      i += 2;  // a dictionary
    } else if (c == '<' && i + 1 < s.size() && s[i + 1] == '~') {
      ReadAscii85(s, &i, &line);
      end_line();
    } else if (c == '<') {
      ReadHex(s, &i, &line);
      end_line();
    } else {
      ++i;
    }
  }
  // Page content kept compressed and run as a procedure: its strings are
  // not in the file's text (ps2write's "currentfile /ASCII85Decode filter
  // ... cvx exec").
  if (s.find("currentfile") != std::string_view::npos && s.find("filter") != std::string_view::npos &&
      s.find("cvx exec") != std::string_view::npos) {
    out.error = "a PostScript program that runs compressed content (currentfile ... filter ... cvx exec): not read";
  }
  return out;
}

}  // namespace nearmiss::content
