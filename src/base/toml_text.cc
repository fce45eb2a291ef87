#include "base/toml_text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include <unicode/utf8.h>

namespace nearmiss {
namespace {

// One UTF-8 sequence at the front of `s`: its code point and length, or
// length 0 when it is not well-formed UTF-8 (RFC 3629 §4; ICU's U8_NEXT,
// header-only, rejects overlong forms and surrogates).
struct Decoded {
  char32_t cp = 0;
  size_t length = 0;
};

Decoded DecodeUtf8(std::string_view s) {
  int32_t i = 0;
  UChar32 c = 0;
  const auto length = static_cast<int32_t>(std::min<size_t>(s.size(), 4));
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, length, c);
  if (c < 0) return {};
  return {static_cast<char32_t>(c), static_cast<size_t>(i)};
}

std::string Describe(std::string_view bytes, char32_t cp) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
  // Appended, not "'" + string&&: GCC bug 105329 (-Wrestrict at -O3).
  std::string out = "'";
  out.append(bytes);
  out.append("' (");
  out.append(hex);
  out.append(")");
  return out;
}

std::string Escape(char32_t cp) {
  char out[16];
  if (cp > 0xFFFF) {
    std::snprintf(out, sizeof out, "\\U%08X", static_cast<unsigned>(cp));
  } else {
    std::snprintf(out, sizeof out, "\\u%04X", static_cast<unsigned>(cp));
  }
  return out;
}

// Where toml++ ends a bare value: number, date, boolean
// (impl::is_value_terminator, its ASCII part).
bool IsValueTerminator(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' ||
         c == ']' || c == '}' || c == '#';
}

// Whether `rest` starts with the three quotes that end a multi-line
// string; if so, calls skip(n) for the bytes after the first, up to two
// quotes more included (they belong to the string: """a"""" is a").
template <typename Skip>
bool ClosesMultiLine(std::string_view rest, char quote, Skip skip) {
  if (rest.substr(0, 3) != std::string(3, quote)) return false;
  size_t n = 3;
  while (n < 5 && n < rest.size() && rest[n] == quote) ++n;
  skip(n - 1);
  return true;
}

enum class State {
  kBare,              // keys, values, punctuation, whitespace
  kComment,           // '#' to the end of the line
  kBasic,             // "..."
  kLiteral,           // '...'
  kMultiBasic,        // """..."""
  kMultiLiteral,      // '''...'''
  kMultiBasicEscape,  // right after '\' in """..."""
  kLineContinuation,  // after a line-ending '\': whitespace it trims
};

}  // namespace

std::optional<TomlTextProblem> FindTomlTextProblem(std::string_view text) {
  State state = State::kBare;
  // Where a value may start (after '=', '[' or ',' in an array), the
  // arrays and inline tables open around it, and whether a bare value
  // (number, date, boolean) is being read: what tells a string's quote from
  // a bad value's.
  bool expect_value = false;
  bool bare_value = false;
  std::vector<char> nesting;
  uint32_t line = 1;
  uint32_t column = 0;
  size_t i = 0;
  // Skips the ASCII delimiter bytes at `i` (never a newline).
  auto skip = [&](size_t n) {
    i += n;
    column += static_cast<uint32_t>(n);
  };
  while (i < text.size()) {
    const std::string_view rest = text.substr(i);
    const Decoded d = DecodeUtf8(rest);
    if (d.length == 0) return std::nullopt;  // toml++ reports bad UTF-8
    const char32_t c = d.cp;
    ++column;
    auto problem = [&](std::string message) {
      return TomlTextProblem{line, column, std::move(message)};
    };
    switch (state) {
      case State::kBare:
        if (c >= 0x80) {
          return problem(Describe(rest.substr(0, d.length), c) +
                         " outside a string or comment: TOML 1.0 allows "
                         "non-ASCII characters only in strings and comments "
                         "(a key that needs one is quoted: \"key\")");
        }
        if (bare_value) {
          // toml++ reads a bare value up to a value terminator, quotes and
          // brackets included (4"x" is one bad value, not 4 and "x").
          if (!IsValueTerminator(c)) break;
          bare_value = false;
        }
        switch (c) {
          case '#':
            state = State::kComment;
            break;
          case '"':
          case '\'': {
            expect_value = false;
            const bool triple =
                rest.size() >= 3 && rest[1] == rest[0] && rest[2] == rest[0];
            if (c == '"') {
              state = triple ? State::kMultiBasic : State::kBasic;
            } else {
              state = triple ? State::kMultiLiteral : State::kLiteral;
            }
            if (triple) skip(2);
            break;
          }
          case '=':
            expect_value = true;
            break;
          case ',':
            expect_value = !nesting.empty() && nesting.back() == '[';
            break;
          case '[':
            // An array where a value goes; else a table header's bracket.
            if (expect_value) nesting.push_back('[');
            break;
          case '{':
            if (expect_value) nesting.push_back('{');
            expect_value = false;
            break;
          case ']':
          case '}':
            if (!nesting.empty() && nesting.back() == (c == ']' ? '[' : '{')) {
              nesting.pop_back();
            }
            expect_value = false;
            break;
          case ' ':
          case '\t':
            break;
          case '\r':
          case '\n':
            // Only an array's values may follow a line break.
            if (nesting.empty() || nesting.back() != '[') expect_value = false;
            break;
          default:
            // A number, date, boolean, inf or nan where a value goes; else
            // a bare key.
            bare_value = expect_value;
            expect_value = false;
        }
        break;
      case State::kComment:
        if (c == '\n') state = State::kBare;
        break;
      case State::kBasic:
        if (c == '\\' && rest.size() > 1 && rest[1] != '\n') {
          // The escaped character is a string's, whatever it is.
          const Decoded next = DecodeUtf8(rest.substr(1));
          if (next.length == 0) return std::nullopt;
          i += d.length;
          ++column;
          i += next.length;
          continue;
        }
        if (c == '"' || c == '\n') state = State::kBare;
        break;
      case State::kLiteral:
        if (c == '\'' || c == '\n') state = State::kBare;
        break;
      case State::kMultiBasic:
        if (c == '\\') state = State::kMultiBasicEscape;
        if (ClosesMultiLine(rest, '"', skip)) state = State::kBare;
        break;
      case State::kMultiLiteral:
        if (ClosesMultiLine(rest, '\'', skip)) state = State::kBare;
        break;
      case State::kMultiBasicEscape:
        if (c >= 0x80) {
          return problem("'\\' before " +
                         Describe(rest.substr(0, d.length), c) +
                         " in a multi-line string: not a TOML escape (write " +
                         Escape(c) + ")");
        }
        state = c == ' ' || c == '\t' || c == '\r' || c == '\n'
                    ? State::kLineContinuation
                    : State::kMultiBasic;
        break;
      case State::kLineContinuation:
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') break;
        if (c >= 0x80) {
          return problem(Describe(rest.substr(0, d.length), c) +
                         " first after a line-ending backslash: the TOML "
                         "reader (toml++ 3.3.0, marzer/tomlplusplus#295) "
                         "cannot read it there; write " +
                         Escape(c) + " or put an ASCII character before it");
        }
        state = State::kMultiBasic;
        --column;  // read again as the string's: it may be '\' or '"""'
        continue;
    }
    if (c == '\n') {
      ++line;
      column = 0;
    }
    i += d.length;
  }
  return std::nullopt;
}

}  // namespace nearmiss
