#include "maillog/trace_address.h"

#include <cstring>

#include "maillog/postfix_fields.h"

namespace nearmiss::maillog {
namespace {

// A line break in a cell (Excel's Alt+Enter, a list pasted from lines)
// separates as a blank does (issue-16 tester, item 7).
bool Blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && Blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && Blank(s.back())) s.remove_suffix(1);
  return s;
}

// Calls `piece` with the text between the separators in `seps` found outside
// double quotes (with '\\' escapes) and, when `brackets`, outside '<...>'.
template <typename Fn>
void SplitTopLevel(std::string_view s, const char* seps, bool brackets, Fn piece) {
  bool quoted = false;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted && c == '\\') {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && brackets && c == '<') {
      ++depth;
    } else if (!quoted && brackets && c == '>' && depth > 0) {
      --depth;
    } else if (!quoted && depth == 0 && c != '\0' && std::strchr(seps, c) != nullptr) {
      piece(s.substr(start, i - start));
      start = i + 1;
    }
  }
  piece(s.substr(start));
}

// The position of the last '<' outside quotes; npos when none.
size_t LastOpenBracket(std::string_view s) {
  bool quoted = false;
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    if (quoted && s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      quoted = !quoted;
    } else if (!quoted && s[i] == '<') {
      open = i;
    }
  }
  return open;
}

// RFC 5322 3.2.3 atext, and UTF-8 bytes (RFC 6531 3.3).
bool Atext(unsigned char c) {
  if (c >= 0x80) return true;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::strchr("!#$%&'*+-/=?^_`{|}~", c) != nullptr && c != '\0';
}

// A list's or an element's wrapper, taken off: PowerShell shows a
// String[] as "{a, b}" (its formatter's, which a copied table or an
// Out-String export keeps), ConvertTo-Json as ["a", "b"], and a list
// edited by hand may bracket one element ("[eve@navy.ml]"). No address
// starts with '[' (RFC 5321 4.1.2) or ends with '}', and an address
// quoted whole ("\"bob@army.ml\"", JSON's string) has no '@' after its
// closing quote; so none of these is one address and each is unwrapped,
// never judged by the text after its last '@' (issue-16 tester round 34,
// item 6).
std::string_view Unwrap(std::string_view s) {
  for (;;) {
    s = TrimBlanks(s);
    if (s.size() >= 2 && ((s.front() == '{' && s.back() == '}') ||
                          (s.front() == '[' && s.back() == ']'))) {
      s = s.substr(1, s.size() - 2);
      continue;
    }
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"' &&
        s.find('"', 1) == s.size() - 1 && s.find('@') != std::string_view::npos) {
      s = s.substr(1, s.size() - 2);
      continue;
    }
    return s;
  }
}

}  // namespace

void SplitTraceAddresses(std::string_view cell, std::vector<std::string_view>* out) {
  SplitTopLevel(Unwrap(cell), ";,", /*brackets=*/true, [&](std::string_view raw) {
    std::string_view piece = Unwrap(raw);
    if (piece.empty()) return;
    size_t open = LastOpenBracket(piece);
    if (open != std::string_view::npos && piece.back() == '>') {
      // name-addr: the display name before '<' must hold no address of its
      // own ("a@x <b@y>"), which would be lost: then the piece is kept whole
      // and is not one address.
      std::string_view display = piece.substr(0, open);
      bool other = false;
      SplitTopLevel(display, "@<>", /*brackets=*/false, [&](std::string_view d) {
        if (d.size() != display.size()) other = true;
      });
      if (other) {
        out->push_back(piece);
      } else {
        std::string_view inside = TrimBlanks(piece.substr(open + 1, piece.size() - open - 2));
        // "<>", the null sender, names no address.
        if (!inside.empty() || !TrimBlanks(display).empty()) out->push_back(inside);
      }
      return;
    }
    SplitTopLevel(piece, " \t\r\n", /*brackets=*/false, [&](std::string_view a) {
      if (!a.empty()) out->push_back(a);
    });
  });
}

bool TraceAddressValid(std::string_view address) {
  size_t at = 0;
  if (address.starts_with('"')) {
    size_t i = 1;
    for (; i < address.size() && address[i] != '"'; ++i) {
      if (address[i] == '\\') ++i;
    }
    if (i >= address.size() || i + 1 >= address.size() || address[i + 1] != '@' || i == 1) {
      return false;
    }
    at = i + 1;
  } else {
    while (at < address.size() && address[at] != '@') {
      unsigned char c = static_cast<unsigned char>(address[at]);
      if (c != '.' && !Atext(c)) return false;
      ++at;
    }
    if (at == 0 || at >= address.size()) return false;
  }
  std::string_view domain = address.substr(at + 1);
  if (domain.find('@') != std::string_view::npos) return false;
  return JudgeableRecipient(address);
}

std::string_view OneTraceAddress(std::string_view cell, bool* one) {
  std::vector<std::string_view> all;
  SplitTraceAddresses(cell, &all);
  *one = all.size() <= 1 && (all.empty() || TraceAddressValid(all[0]));
  return *one && !all.empty() ? all[0] : std::string_view();
}

}  // namespace nearmiss::maillog
