// RFC 5322 lexical pieces shared by ParseAddress and ParseRecipient.

#include "address/rfc5322.h"

#include <string>
#include <string_view>

#include "address/mailto.h"
#include "address/text.h"

namespace nearmiss::address {

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

void AssignMailbox(std::string_view local, std::string_view ascii_domain, std::string* out) {
  // A no-break space at either end is atext, but would be trimmed away as
  // white space on the way back in: quote it.
  if (IsDotAtom(local) && TrimSpace(local) == local) {
    out->assign(local);
  } else {
    out->assign(1, '"');
    for (char c : local) {
      if (c == '"' || c == '\\') out->push_back('\\');
      out->push_back(c);
    }
    out->push_back('"');
  }
  out->push_back('@');
  out->append(ascii_domain);
}

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


std::size_t Walker::Find(std::string_view set, std::size_t from) {
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
    } else if (c == ')') {
      // A stray ')' means the text is not what it seems: one reader may take
      // what follows as a comment's end, another as an address.
      status_ = Invalid("')' without '(' in '" + Echo(s_) + "'");
      return kNpos;
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

namespace {

// tok822's operators: RFC 822 specials plus '%', '!' and '|' (a backslash
// quotes the next character instead).
bool IsOperator(char c) {
  return std::string_view("|%!()<>@,;:\".[]").find(c) != kNpos;
}

}  // namespace

std::vector<std::string_view> SplitAtMissingCommas(std::string_view piece) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  bool last_was_word = false;
  std::size_t i = 0;
  auto skip_until = [&](char close, bool nest) {
    int depth = 1;
    for (++i; i < piece.size(); ++i) {
      if (piece[i] == '\\') {
        ++i;
      } else if (nest && piece[i] == '(') {
        ++depth;
      } else if (piece[i] == close && --depth == 0) {
        ++i;
        return;
      }
    }
  };
  while (i < piece.size()) {
    const char c = piece[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    if (c == '(') {  // comments are set aside, not words
      skip_until(')', true);
      continue;
    }
    if (c == '<') return {piece};  // a mailbox with a display name
    const std::size_t word_start = i;
    bool word = true;
    if (c == '"') {
      skip_until('"', false);
    } else if (c == '[') {
      skip_until(']', false);
    } else if (IsOperator(c)) {
      word = false;
      ++i;
    } else {
      while (i < piece.size() && !IsOperator(piece[i]) && piece[i] != ' ' &&
             piece[i] != '\t' && piece[i] != '\r' && piece[i] != '\n') {
        if (piece[i] == '\\') ++i;
        ++i;
      }
    }
    if (word && last_was_word) {
      out.push_back(TrimSpace(piece.substr(start, word_start - start)));
      start = word_start;
    }
    last_was_word = word;
  }
  out.push_back(TrimSpace(piece.substr(start)));
  return out;
}

Result<MailboxParts> SplitMailbox(std::string_view text) {
  std::string_view s = TrimSpace(text);
  if (s.empty()) return Invalid("empty address");
  if (s.size() > kMaxAddressInput) {
    return Invalid("address is " + std::to_string(s.size()) +
                   " octets; too long to be one mailbox");
  }
  if (MailtoRecipients(s).size() > 1) {
    std::string why = "'";  // appended, not "'" + string&&: GCC bug 105329
    why += Echo(s);
    why += "' names several recipients; check each of them";
    return Invalid(why);
  }
  s = TrimSpace(StripMailto(s));

  MailboxParts parts;
  parts.whole = s;
  parts.spec = s;
  Walker walker(s);
  const std::size_t open = walker.Find("<>");
  NM_RETURN_IF_ERROR(walker.status());
  if (open == kNpos) return parts;
  if (s[open] == '>') return Invalid("'>' without '<' in '" + Echo(s) + "'");

  const std::size_t close = walker.Find("<>", open + 1);
  NM_RETURN_IF_ERROR(walker.status());
  if (close == kNpos || s[close] == '<') {
    return Invalid("missing '>' in '" + Echo(s) + "'");
  }
  const std::string_view after = s.substr(close + 1);
  Walker after_walker(after);
  after_walker.Find("");
  NM_RETURN_IF_ERROR(after_walker.status());
  if (!TrimSpace(StripComments(after, '\0').text).empty()) {
    return Invalid("unexpected text '" + Echo(TrimSpace(after)) +
                   "' after '>'");
  }
  const std::string_view inner =
      TrimSpace(StripMailto(TrimSpace(s.substr(open + 1, close - open - 1))));
  if (MailtoRecipients(TrimSpace(s.substr(open + 1, close - open - 1))).size() > 1) {
    return Invalid("'" + Echo(s) + "' names several recipients; check each of them");
  }
  parts.display = s.substr(0, open);
  parts.spec = inner;
  parts.bracketed = true;
  return parts;
}

}  // namespace nearmiss::address
