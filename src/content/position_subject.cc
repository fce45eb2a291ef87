// Positions in a subject or file name (position.h: IsSubjectMarking and the
// words after a leading marking).
#include "content/position.h"

#include <array>

#include "base/ascii.h"
#include "content/banner_tail.h"
#include "content/line_text.h"
#include "content/subject_prefixes.h"

namespace nearmiss::content {
namespace {

// Skips one "Re:" / "Fwd[2]:" at `at`; returns the new position or `at`.
std::size_t SkipReplyPrefix(std::string_view s, std::size_t at) {
  if (at >= s.size()) return at;
  // The first byte settles most of the ~90 prefixes: this runs for every
  // match in a subject, twice (issue 20: a fifth of a marked subject's
  // scan went into these comparisons).
  const char first = AsciiToLower(s[at]);
  for (std::string_view p : kSubjectPrefixes) {
    if (AsciiToLower(p.front()) != first || !StartsWithNoCaseAt(s, at, p)) continue;
    std::size_t i = at + p.size();
    if (i < s.size() && (s[i] == '[' || s[i] == '(')) {
      char close = s[i] == '[' ? ']' : ')';
      while (i < s.size() && s[i] != close) ++i;
      if (i < s.size()) ++i;
    }
    while (i < s.size() && IsBlank(s[i])) ++i;
    if (i < s.size() && s[i] == ':') return i + 1;
  }
  return at;
}

// The closing character of a gateway tag opened by `c`, or 0.
char TagClose(char c) {
  switch (c) {
    case '[': return ']';
    case '(': return ')';
    case '{': return '}';
    case '<': return '>';
    case '*': case '#': case '=': case '!': case '~': case '_': case '+':
      return c;
    default: return 0;
  }
}

// Skips one gateway tag at `at` ending before `begin`: "[EXTERNAL]",
// "(EXT)", "{External}", "<EXT>", and tags between runs of stars, hashes
// and the like, as gateways and users type them: "*EXT*", "**EXTERNAL**",
// "*** EXTERNAL ***", "#secure#", "==EXTERNAL==" (issue 13, breaker defect
// 5). The opening run is skipped whole, then the text up to the closing
// character and the run it starts. Returns `at` when there is no tag.
std::size_t SkipGatewayTag(std::string_view s, std::size_t at,
                           std::size_t begin) {
  char close_char = TagClose(s[at]);
  if (close_char == 0) return at;
  std::size_t i = at + 1;
  if (close_char == s[at]) {
    while (i < begin && s[i] == s[at]) ++i;
  }
  if (i >= begin) return at;
  std::size_t close = s.substr(i, begin - i).find(close_char);
  if (close == std::string_view::npos) return at;
  std::size_t next = i + close + 1;
  while (next < begin && (s[next] == close_char || s[next] == '*')) ++next;
  return next;
}

// What a sender or a client puts before the marking at a subject's head
// that is no word of the subject: brackets and symbols of any kind
// ("[", "{", "<<", "!!", "~~"), emoji and other non-ASCII symbols ("🔒",
// "⚠️"), and a date or reference number ("2026-12-01", "MOD/2026/114",
// "#4471": four characters or more, a digit and no lower-case letter).
// A fixed list of brackets missed every other form (issue 13, round 34
// item 7). Stops at the first letter or short number.
std::size_t SkipHeadDecoration(std::string_view text, std::size_t at,
                               std::size_t begin) {
  auto is_alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  };
  while (at < begin) {
    char c = text[at];
    if (!is_alnum(c)) {
      ++at;  // a blank, a symbol, or a byte of a non-ASCII character
      continue;
    }
    std::size_t e = at;
    bool digit = false, lower = false;
    while (e < begin && !IsBlank(text[e])) {
      digit |= text[e] >= '0' && text[e] <= '9';
      lower |= text[e] >= 'a' && text[e] <= 'z';
      ++e;
    }
    if (!digit || lower || e - at < 4 || e == begin) break;
    at = e;
  }
  return at;
}

// Skips `word` (ASCII case folded) at `at` and the blanks after it;
// returns `at` when the word is not there whole.
std::size_t SkipWord(std::string_view s, std::size_t at, std::string_view word) {
  if (!StartsWithNoCaseAt(s, at, word)) return at;
  std::size_t i = at + word.size();
  if (i < s.size() && IsAlpha(s[i])) return at;
  while (i < s.size() && IsBlank(s[i])) ++i;
  return i;
}

// Skips a run of the separators a gateway writes after its notice, and
// the blanks around them.
std::size_t SkipNoticeSeparators(std::string_view s, std::size_t at) {
  while (at < s.size() && (IsBlank(s[at]) || s[at] == ':' || s[at] == '-' ||
                           s[at] == '|')) {
    ++at;
  }
  return at;
}

// Skips a mail gateway's external-sender notice written unbracketed at a
// subject's head: "CAUTION: EXTERNAL EMAIL - ", "CAUTION: EXTERNAL EMAIL ",
// "WARNING: External Sender | ", "ATTENTION - EXTERNAL MESSAGE: " (the
// forms Mimecast, Proofpoint and Exchange transport rules are configured
// to prepend; the bracketed "[EXTERNAL]" is SkipGatewayTag's). Returns
// `at` when there is none, or nothing follows it before `begin`.
std::size_t SkipGatewayNotice(std::string_view s, std::size_t at,
                              std::size_t begin) {
  std::size_t i = at;
  for (std::string_view head : {"caution", "warning", "attention"}) {
    i = SkipWord(s, at, head);
    if (i != at) break;
  }
  if (i == at) return at;
  i = SkipNoticeSeparators(s, i);
  std::size_t after = SkipWord(s, i, "external");
  if (after == i) return at;
  for (std::string_view what : {"email", "e-mail", "mail", "message", "sender"}) {
    std::size_t j = SkipWord(s, after, what);
    if (j != after) {
      after = j;
      break;
    }
  }
  after = SkipNoticeSeparators(s, after);
  return after <= begin ? after : at;
}

}  // namespace

std::size_t SubjectWordsStart(std::string_view text, std::size_t begin) {
  std::size_t at = 0;
  for (;;) {
    while (at < text.size() && IsBlank(text[at])) ++at;
    std::size_t next = SkipReplyPrefix(text, at);
    if (next == at && at < begin) next = SkipGatewayTag(text, at, begin);
    if (next == at && at < begin) next = SkipGatewayNotice(text, at, begin);
    if (next == at) break;
    at = next;
  }
  return SkipHeadDecoration(text, at, begin);
}

bool AbbreviationLeadsSubject(std::string_view text, std::size_t begin,
                              std::size_t end) {
  if (SubjectWordsStart(text, begin) != begin) return false;
  // Alone in the brackets that open the subject: "[CTS] exercise order",
  // "(CTSA) annex", as "[SECRET] plan" is written.
  std::size_t b = begin;
  while (b > 0 && IsBlank(text[b - 1])) --b;
  std::size_t i = end;
  while (i < text.size() && IsBlank(text[i])) ++i;
  if (b > 0 && (text[b - 1] == '[' || text[b - 1] == '(')) {
    return i < text.size() && text[i] == (text[b - 1] == '[' ? ']' : ')');
  }
  if (i == text.size()) return false;
  // "CTS: order", "NS//REL TO SWE: plan".
  if (text[i] == ':') return true;
  if (text[i] == '/') return i + 1 < text.size() && text[i + 1] == '/';
  // "CTSA - annex", "CTSA | annex", "CTSA -- annex", "CTSA || annex": the
  // run set off by blanks on both sides, as a separator, not "CTS-B".
  if (i == end || (text[i] != '-' && text[i] != '|')) return false;
  std::size_t run = i;
  while (run < text.size() && text[run] == text[i]) ++run;
  return run - i <= 2 && (run == text.size() || IsBlank(text[run]));
}

bool IsSubjectMarking(std::string_view text, std::size_t begin,
                      std::size_t end) {
  std::size_t at = SubjectWordsStart(text, begin);
  if (at == begin) return true;
  // A mission's or an operation's name before the tier, a separator after
  // it: "ISAF SECRET: convoy", "KFOR RESTRICTED - roster" (issue 13,
  // breaker round 8 defect 5).
  if (IsTierPrefix(text.substr(at, begin - at), false) &&
      FollowedBySeparator(text, end)) {
    return true;
  }
  // Wrapped in brackets anywhere: "Budget [OFFICIAL-SENSITIVE]".
  std::size_t b = begin, e = end;
  while (b > 0 && IsBlank(text[b - 1])) --b;
  while (e < text.size() && IsBlank(text[e])) ++e;
  // A control inside the brackets with it: "Convoy plan (SECRET SI)".
  if (b > 0 && (text[b - 1] == '[' || text[b - 1] == '(')) {
    const std::size_t close = text.find(text[b - 1] == '[' ? ']' : ')', end);
    if (close != std::string_view::npos && close > e &&
        ReadBannerTail(text.substr(end, close - end), false) == BannerTail::kKnown) {
      e = close;
    }
  }
  if (b > 0 && e < text.size() &&
      ((text[b - 1] == '[' && text[e] == ']') ||
       (text[b - 1] == '(' && text[e] == ')'))) {
    return true;
  }
  return TrailsSubject(text, begin, end) || BetweenSeparators(text, begin, end) ||
         EndsSubjectUnseparated(text, begin, end);
}

}  // namespace nearmiss::content
