// ParseAddress and SplitAddressList: RFC 5322 mailboxes as people type and
// paste them, plus the pieces of RFC 5321 and 6531 that matter for that.

#include <string>
#include <string_view>
#include <vector>

#include "address/text.h"
#include "nearmiss/address.h"

namespace nearmiss {
namespace {

using address::Echo;
using address::TrimSpace;

constexpr std::size_t kMaxLocalOctets = 64;  // RFC 5321 4.5.3.1.1
// Well past any real header line (998 octets); bounds the work per call.
constexpr std::size_t kMaxAddressInput = 4096;
constexpr std::size_t kNpos = std::string_view::npos;

Status Invalid(std::string message) {
  return Status::InvalidArgument(std::move(message));
}

// RFC 5322 atext, plus every non-ASCII byte: RFC 6531 allows UTF-8, which
// is checked for well-formedness separately.
bool IsAtext(unsigned char c) {
  if (c >= 0x80) return true;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
      (c >= '0' && c <= '9')) {
    return true;
  }
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(static_cast<char>(c)) !=
         kNpos;
}

bool IsDotAtom(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  if (s.find("..") != kNpos) return false;
  for (char c : s) {
    if (c != '.' && !IsAtext(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Where a character of RFC 5322 text sits: structure is only read at the top
// level, outside quoted strings and (nestable) comments.
class Walker {
 public:
  explicit Walker(std::string_view s) : s_(s) {}

  // The next top-level character in `set` at or after `from`; kNpos if none,
  // and then status() says whether a quote or comment ran off the end.
  std::size_t Find(std::string_view set, std::size_t from = 0) {
    bool quoted = false;
    int comment = 0;
    for (std::size_t i = from; i < s_.size(); ++i) {
      const char c = s_[i];
      if (quoted || comment > 0) {
        if (c == '\\') {
          ++i;
        } else if (quoted && c == '"') {
          quoted = false;
        } else if (comment > 0 && c == '(') {
          ++comment;
        } else if (comment > 0 && c == ')') {
          --comment;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        comment = 1;
      } else if (set.find(c) != kNpos) {
        return i;
      }
    }
    if (quoted) {
      status_ = Invalid("unterminated quoted string in '" + Echo(s_) + "'");
    } else if (comment > 0) {
      status_ = Invalid("unterminated comment in '" + Echo(s_) + "'");
    }
    return kNpos;
  }

  const Status& status() const { return status_; }

 private:
  std::string_view s_;
  Status status_;
};

// Splits `s` into its top-level text (comments removed, quoted strings kept
// verbatim) and the content of its first comment. `s` must be balanced.
struct Decommented {
  std::string text;
  std::string first_comment;
};

Decommented StripComments(std::string_view s, char replacement) {
  Decommented out;
  bool quoted = false;
  bool first = true;
  int comment = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (comment > 0) {
      if (c == '\\' && i + 1 < s.size()) {
        if (first) out.first_comment += s[i + 1];
        ++i;
        continue;
      }
      if (c == '(') ++comment;
      if (c == ')' && --comment == 0) {
        first = false;
        if (replacement != '\0') out.text += replacement;
        continue;
      }
      if (first) out.first_comment += c;
      continue;
    }
    if (quoted) {
      if (c == '\\' && i + 1 < s.size()) {
        out.text += c;
        out.text += s[++i];
        continue;
      }
      if (c == '"') quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '(') {
      comment = 1;
      continue;
    }
    out.text += c;
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// "Smith, Bob" from `"Smith, Bob"`, `Bob (work) Smith` → "Bob Smith": quotes
// and escapes removed, comments dropped, white space collapsed. Bytes that
// are not UTF-8 become U+FFFD so later JSON output stays valid.
std::string CleanDisplayName(std::string_view s) {
  const std::string text = StripComments(s, ' ').text;
  std::string out;
  bool quoted = false;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (quoted && c == '\\' && i + 1 < text.size()) c = text[++i];
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  if (address::IsValidUtf8(out)) return out;
  std::string fixed;
  for (unsigned char c : out) {
    if (c < 0x80) {
      fixed += static_cast<char>(c);
    } else {
      fixed += "\xEF\xBF\xBD";
    }
  }
  return fixed;
}

Result<std::string> ParseLocal(std::string_view raw) {
  if (raw.size() > kMaxLocalOctets) {
    return Invalid("local part is " + std::to_string(raw.size()) +
                   " octets; at most 64");
  }
  std::string local;
  if (raw.front() == '"') {
    std::size_t i = 1;
    bool closed = false;
    for (; i < raw.size(); ++i) {
      if (raw[i] == '"') {
        closed = true;
        break;
      }
      // A backslash quotes the next character, but a control stays illegal
      // (RFC 5322 quoted-pair is VCHAR or WSP; the obsolete forms are out).
      if (raw[i] == '\\' && i + 1 < raw.size()) ++i;
      const auto c = static_cast<unsigned char>(raw[i]);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        return Invalid("illegal character " + address::DescribeByte(c) +
                       " in local part");
      }
      local += static_cast<char>(c);
    }
    if (!closed) return Invalid("unterminated quoted string in local part");
    if (i + 1 != raw.size()) {
      return Invalid("illegal character " + address::DescribeByte(raw[i + 1]) +
                     " after the quoted local part '" + Echo(raw) + "'");
    }
    if (local.empty()) return Invalid("empty local part");
  } else {
    for (char c : raw) {
      const auto u = static_cast<unsigned char>(c);
      if (c != '.' && !IsAtext(u)) {
        return Invalid("illegal character " + address::DescribeByte(u) +
                       " in local part '" + Echo(raw) + "'");
      }
    }
    if (!IsDotAtom(raw)) {
      return Invalid("local part '" + Echo(raw) +
                     "' has a dot at its start or end or two in a row; "
                     "quote it if it is really meant");
    }
    local = raw;
  }
  if (!address::IsValidUtf8(local)) {
    return Invalid("local part '" + Echo(local) + "' is not valid UTF-8");
  }
  return local;
}

// A bare addr-spec: `bob@army.mil`, `"bob smith"@army.mil`, comments allowed.
Result<Address> ParseAddrSpec(std::string_view spec, std::string_view whole) {
  Walker walker(spec);
  walker.Find("");  // only to check quotes and comments balance
  NM_RETURN_IF_ERROR(walker.status());
  Decommented parts = StripComments(spec, '\0');
  std::string_view s = TrimSpace(parts.text);
  // RFC 5321 source route "@relay.mil:bob@army.mil": obsolete; ignore it.
  if (!s.empty() && s.front() == '@') {
    const std::size_t colon = Walker(s).Find(":");
    if (colon != kNpos) s = TrimSpace(s.substr(colon + 1));
  }
  Walker w(s);
  std::size_t at = kNpos;
  for (std::size_t p = w.Find("@"); p != kNpos; p = w.Find("@", p + 1)) {
    at = p;
  }
  if (at == kNpos) return Invalid("no '@' in '" + Echo(whole) + "'");
  const std::string_view local_raw = TrimSpace(s.substr(0, at));
  const std::string_view domain_raw = TrimSpace(s.substr(at + 1));
  if (local_raw.empty()) return Invalid("empty local part");
  if (domain_raw.empty()) return Invalid("empty domain");

  Address a;
  NM_ASSIGN_OR_RETURN(a.local, ParseLocal(local_raw));
  NM_ASSIGN_OR_RETURN(a.domain, ParseDomain(domain_raw));
  a.display_name = CleanDisplayName(parts.first_comment);
  return a;
}

std::string_view StripMailto(std::string_view s) {
  constexpr std::string_view kMailto = "mailto:";
  if (s.size() < kMailto.size()) return s;
  for (std::size_t i = 0; i < kMailto.size(); ++i) {
    if ((s[i] | 0x20) != kMailto[i]) return s;
  }
  s.remove_prefix(kMailto.size());
  // In a URI the query ("?subject=…") follows; a real '?' in the local part
  // would have been percent-encoded.
  return s.substr(0, s.find('?'));
}

}  // namespace

Result<Address> ParseAddress(std::string_view text) {
  std::string_view s = TrimSpace(text);
  if (s.empty()) return Invalid("empty address");
  if (s.size() > kMaxAddressInput) {
    return Invalid("address is " + std::to_string(s.size()) +
                   " octets; too long to be one mailbox");
  }
  s = TrimSpace(StripMailto(s));

  Walker walker(s);
  const std::size_t open = walker.Find("<>");
  NM_RETURN_IF_ERROR(walker.status());
  if (open == kNpos) return ParseAddrSpec(s, s);
  if (s[open] == '>') return Invalid("'>' without '<' in '" + Echo(s) + "'");

  const std::size_t close = walker.Find("<>", open + 1);
  NM_RETURN_IF_ERROR(walker.status());
  if (close == kNpos || s[close] == '<') {
    return Invalid("missing '>' in '" + Echo(s) + "'");
  }
  const std::string_view after = s.substr(close + 1);
  if (!TrimSpace(StripComments(after, '\0').text).empty()) {
    return Invalid("unexpected text '" + Echo(TrimSpace(after)) +
                   "' after '>'");
  }
  const std::string_view inner =
      TrimSpace(StripMailto(TrimSpace(s.substr(open + 1, close - open - 1))));
  NM_ASSIGN_OR_RETURN(Address a, ParseAddrSpec(inner, s));
  // The name before '<' wins over any comment inside the brackets.
  a.display_name = CleanDisplayName(s.substr(0, open));
  return a;
}

std::vector<std::string> SplitAddressList(std::string_view text) {
  std::vector<std::string> out;
  auto emit = [&out](std::string_view piece) {
    piece = TrimSpace(piece);
    if (!piece.empty()) out.emplace_back(piece);
  };
  // Separators count only at the top level (Walker skips quoted strings and
  // comments) and outside angle brackets. An unterminated quote or comment
  // swallows the rest, which becomes one piece for the parser to refuse.
  Walker walker(text);
  bool angle = false;
  std::size_t start = 0;
  for (std::size_t i = walker.Find("<>,;"); i != kNpos; i = walker.Find("<>,;", i + 1)) {
    if (text[i] == '<' || text[i] == '>') {
      angle = text[i] == '<';
    } else if (!angle) {
      emit(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (start < text.size()) emit(text.substr(start));
  return out;
}

std::string Address::ToString() const { return WithDomain(domain.ascii); }

std::string Address::WithDomain(std::string_view ascii_domain) const {
  std::string out;
  // A no-break space at either end is atext, but would be trimmed away as
  // white space on the way back in: quote it.
  if (IsDotAtom(local) && TrimSpace(local) == local) {
    out = local;
  } else {
    out = '"';
    for (char c : local) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '@';
  out.append(ascii_domain);
  return out;
}

}  // namespace nearmiss
