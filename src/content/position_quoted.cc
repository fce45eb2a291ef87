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
// text; in English and the languages of NATO and EU members Outlook quotes
// in (Outlook's localised reply header: German, French, Spanish, Italian,
// Dutch, Portuguese, Danish, Norwegian, Swedish, Polish, Czech, Slovak,
// Slovenian, Croatian, Hungarian, Romanian, Bulgarian, Greek, Finnish,
// Estonian, Latvian, Lithuanian, Turkish; issue 13, breaker defect 14).
// Keys with letters beyond ASCII are listed as Outlook writes them, with a
// capital.
constexpr std::array<std::string_view, 24> kSubjectKeys = {
    "subject:", "betreff:", "objet:", "objet :", "asunto:", "oggetto:",
    "onderwerp:", "assunto:", "emne:", "\u00c4mne:", "\u00e4mne:", "temat:",
    "p\u0159edm\u011bt:", "predmet:", "zadeva:", "t\u00e1rgy:", "subiect:",
    "\u0422\u0435\u043c\u0430:", "\u0398\u03ad\u03bc\u03b1:", "aihe:", "teema:",
    "t\u0113ma:", "tema:", "konu:"};

// The other fields of such a block; one must stand next to the subject.
constexpr std::array<std::string_view, 40> kFieldKeys = {
    "from:", "sent:", "to:", "date:", "cc:",  "von:",  "gesendet:",
    "an:",   "de:",   "de :", "envoy", "para:", "datum:", "da:",
    "van:", "verzonden:", "aan:", "enviada em:", "enviado:", "fra:", "til:",
    "sendt:", "fr\u00e5n:", "till:", "skickat:", "od:", "do:", "wys\u0142ano:",
    "komu:", "odesl\u00e1no:", "felad\u00f3:", "c\u00edmzett:", "trimis:",
    "l\u00e4hett\u00e4j\u00e4:", "saatja:", "kimden:", "kime:", "nuo:", "kam:",
    "inviato:"};

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

bool IsSubjectLine(std::string_view s, std::size_t b, std::size_t e) {
  std::size_t at = FieldStart(s, b, e);
  for (std::string_view key : kSubjectKeys) {
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
  for (std::string_view key : kSubjectKeys) {
    if (at + key.size() > begin || !StartsWithNoCaseAt(text, at, key)) continue;
    std::size_t v = at + key.size();
    while (v < begin && IsBlank(text[v])) ++v;
    if (!NextToField(text, b, LineEnd(text, b))) return false;
    *value_begin = v;
    *value_end = value_stop;
    return true;
  }
  return false;
}

}  // namespace nearmiss::content
