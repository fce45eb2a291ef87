// The "Subject:" field of a header block quoted in a text, and a memo's or a
// pasted subject line (position.h, QuotedSubjectField, PastedSubjectLine).
#include <string_view>
#include <vector>

#include "content/line_text.h"
#include "content/position.h"

namespace nearmiss::data {
extern const std::string_view kQuotedHeaderKeys;
}  // namespace nearmiss::data

namespace nearmiss::content {
namespace {

// The keys of a quoted header block, subject and other fields, in the
// languages mail clients quote in: data/lists/quoted-header-keys.txt (its
// sources there). Read once; views into the embedded list.
struct QuotedHeaderKeys {
  std::vector<std::string_view> subject;
  std::vector<std::string_view> field;
  std::vector<std::string_view> memo;
};

const QuotedHeaderKeys& Keys() {
  static const QuotedHeaderKeys keys = [] {
    QuotedHeaderKeys k;
    std::string_view list = data::kQuotedHeaderKeys;
    while (!list.empty()) {
      const std::size_t nl = list.find('\n');
      std::string_view line = list.substr(0, nl);
      list.remove_prefix(nl == std::string_view::npos ? list.size() : nl + 1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      const std::size_t blank = line.find(' ');
      if (blank == std::string_view::npos) continue;
      const std::string_view kind = line.substr(0, blank);
      const std::string_view key = line.substr(blank + 1);
      if (kind == "subject") k.subject.push_back(key);
      if (kind == "field") k.field.push_back(key);
      if (kind == "memo") k.memo.push_back(key);
    }
    return k;
  }();
  return keys;
}

// Where `key` ends when it opens s at `at`, or npos. A key's colon may have
// blanks before it ("件名 :", "Objet :"; an ideographic space is folded to a
// blank by NFKC) and the key's letters compare in either case (ASCII).
std::size_t KeyEnd(std::string_view s, std::size_t at, std::size_t limit, std::string_view key) {
  if (key.empty() || key.back() != ':') {
    return at + key.size() <= limit && StartsWithNoCaseAt(s, at, key) ? at + key.size()
                                                                      : std::string_view::npos;
  }
  std::string_view stem = key.substr(0, key.size() - 1);
  while (!stem.empty() && stem.back() == ' ') stem.remove_suffix(1);
  if (at + stem.size() > limit || !StartsWithNoCaseAt(s, at, stem)) return std::string_view::npos;
  std::size_t i = at + stem.size();
  while (i < limit && IsBlank(s[i])) ++i;
  return i < limit && s[i] == ':' ? i + 1 : std::string_view::npos;
}

// Lines of the block looked at above and below the subject line.
constexpr int kBlockLines = 6;

// The line [b, e) without blanks and quote marks ("> > From: ...") in front.
std::size_t FieldStart(std::string_view s, std::size_t b, std::size_t e) {
  while (b < e && (IsBlank(s[b]) || s[b] == '>' || s[b] == '*')) ++b;
  return b;
}

bool IsFieldLine(std::string_view s, std::size_t b, std::size_t e) {
  std::size_t at = FieldStart(s, b, e);
  for (std::string_view key : Keys().field) {
    if (KeyEnd(s, at, e, key) != std::string_view::npos) return true;
  }
  return false;
}

bool IsSubjectLine(std::string_view s, std::size_t b, std::size_t e) {
  std::size_t at = FieldStart(s, b, e);
  for (std::string_view key : Keys().subject) {
    if (KeyEnd(s, at, e, key) != std::string_view::npos) return true;
  }
  return false;
}

// Whether a field line stands within kBlockLines lines above or below the
// line [b, e), no blank line between.
bool NextToField(std::string_view s, std::size_t b, std::size_t e) {
  std::size_t up = b;
  for (int n = 0; n < kBlockLines && up > 0 && s[up - 1] == '\n'; ++n) {
    std::size_t start = LineStart(s, up - 1);
    if (IsBlankLine(s, start, up - 1)) break;
    if (IsFieldLine(s, start, up - 1)) return true;
    up = start;
  }
  std::size_t down = e;
  for (int n = 0; n < kBlockLines && down < s.size() && s[down] == '\n'; ++n) {
    std::size_t stop = LineEnd(s, down + 1);
    if (IsBlankLine(s, down + 1, stop)) break;
    if (IsFieldLine(s, down + 1, stop)) return true;
    down = stop;
  }
  return false;
}

}  // namespace

bool QuotedSubjectField(std::string_view text, std::size_t begin,
                        std::size_t* value_begin, std::size_t* value_end) {
  std::size_t b = LineStart(text, begin);
  std::size_t e = LineEnd(text, begin);
  // A long subject wrapped over two lines ("Subject: ... - UK\nSECRET"):
  // the match on the continuation reads with the line above, a match on the
  // subject line may run onto the continuation.
  std::size_t value_stop = e;
  if (IsSubjectLine(text, b, e)) {
    if (e < text.size() && text[e] == '\n') {
      std::size_t next_end = LineEnd(text, e + 1);
      if (!IsBlankLine(text, e + 1, next_end) &&
          !IsFieldLine(text, e + 1, next_end)) {
        value_stop = next_end;
      }
    }
  } else if (b > 0 && !IsFieldLine(text, b, e) && !IsBlankLine(text, b, e)) {
    std::size_t above = LineStart(text, b - 1);
    if (IsSubjectLine(text, above, b - 1)) {
      b = above;
    }
  }
  std::size_t at = FieldStart(text, b, e);
  for (std::string_view key : Keys().subject) {
    std::size_t v = KeyEnd(text, at, begin, key);
    if (v == std::string_view::npos) continue;
    while (v < begin && IsBlank(text[v])) ++v;
    if (!NextToField(text, b, LineEnd(text, b))) return false;
    *value_begin = v;
    *value_end = value_stop;
    return true;
  }
  return false;
}

bool PastedSubjectLine(std::string_view text, std::size_t begin, std::size_t* value_begin,
                       std::size_t* value_end) {
  const std::size_t b = LineStart(text, begin);
  const std::size_t e = LineEnd(text, begin);
  // Opening its paragraph: a blank line (or the text's edge) above. The memo's
  // text may follow on the next line ("Subject: UK SECRET: convoy\nThe convoy
  // leaves ..."); a header block's other fields around it are
  // QuotedSubjectField's.
  if (b > 0 && !IsBlankLine(text, LineStart(text, b - 1), b - 1)) return false;
  const std::size_t at = FieldStart(text, b, e);
  for (const auto* keys : {&Keys().subject, &Keys().memo}) {
    for (std::string_view key : *keys) {
      std::size_t v = KeyEnd(text, at, begin, key);
      if (v == std::string_view::npos) continue;
      while (v < begin && IsBlank(text[v])) ++v;
      *value_begin = v;
      *value_end = e;
      return true;
    }
  }
  return false;
}

}  // namespace nearmiss::content
