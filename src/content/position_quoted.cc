// The "Subject:" field of a header block quoted in a text (position.h,
// QuotedSubjectField).
#include <array>

#include "content/line_text.h"
#include "content/position.h"

namespace nearmiss::content {
namespace {

// The subject field's key as mail clients quote it: Outlook's reply and
// forward header ("From:/Sent:/To:/Subject:"), "-----Original Message-----",
// Gmail's "---------- Forwarded message ---------", a forwarded .eml saved as
// text; in English and the languages Outlook most often quotes in.
constexpr std::array<std::string_view, 6> kSubjectKeys = {
    "subject:", "betreff:", "objet:", "objet :", "asunto:", "oggetto:"};

// The other fields of such a block; one must stand next to the subject.
constexpr std::array<std::string_view, 14> kFieldKeys = {
    "from:", "sent:", "to:", "date:", "cc:",  "von:",  "gesendet:",
    "an:",   "de:",   "de :", "envoy", "para:", "datum:", "da:"};

// Lines of the block looked at above and below the subject line.
constexpr int kBlockLines = 6;

// The line [b, e) without blanks and quote marks ("> > From: ...") in front.
std::size_t FieldStart(std::string_view s, std::size_t b, std::size_t e) {
  while (b < e && (IsBlank(s[b]) || s[b] == '>' || s[b] == '*')) ++b;
  return b;
}

bool IsFieldLine(std::string_view s, std::size_t b, std::size_t e) {
  std::size_t at = FieldStart(s, b, e);
  for (std::string_view key : kFieldKeys) {
    if (at + key.size() <= e && StartsWithNoCaseAt(s, at, key)) return true;
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
  std::size_t at = FieldStart(text, b, e);
  for (std::string_view key : kSubjectKeys) {
    if (at + key.size() > begin || !StartsWithNoCaseAt(text, at, key)) continue;
    std::size_t v = at + key.size();
    while (v < begin && IsBlank(text[v])) ++v;
    if (!NextToField(text, b, e)) return false;
    *value_begin = v;
    *value_end = e;
    return true;
  }
  return false;
}

}  // namespace nearmiss::content
