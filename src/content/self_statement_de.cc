// GermanStatesOwnLevel (self_statement_de.h).
#include "content/self_statement_de.h"

#include <array>

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

constexpr auto kDeterminers = std::to_array<std::string_view>({
    "die beigefügte ", "das beigefügte ", "der beigefügte ", "die beigefügten ",
    "die angehängte ", "das angehängte ", "der angehängte ", "die angehängten ",
    "die anliegende ", "das anliegende ", "der anliegende ", "die anliegenden ",
    "diese ", "dieses ", "dieser ", "die ", "das ", "der "});

// What a sender calls the text (longer words first where one opens another).
constexpr auto kThings = std::to_array<std::string_view>({
    "e-mail", "email", "mail", "nachricht", "anlagen", "anlage", "anhänge", "anhang",
    "dokumente", "dokument", "dateien", "datei", "berichte", "bericht", "schreiben",
    "unterlagen", "unterlage", "informationen", "information", "inhalt", "vermerk",
    "präsentation", "tabelle", "mitteilung"});
// Their genitive after "Einstufung": "dieser E-Mail", "des Dokuments".
constexpr auto kGenitives = std::to_array<std::string_view>({
    "dieser ", "dieses ", "der ", "des "});
constexpr auto kDeVerbs = std::to_array<std::string_view>({
    " ist ", " sind ", " wird ", " werden ", " wurde ", " wurden "});
constexpr auto kParticiples = std::to_array<std::string_view>({
    " eingestuft worden", " eingestuft", " klassifiziert", " gekennzeichnet", " zu behandeln"});
constexpr auto kLeadIns = std::to_array<std::string_view>({
    "hinweis: ", "achtung: ", "bitte beachten: ", "bitte beachten sie: ",
    "bitte beachten sie, dass ", "zur info: "});

// The length of the first of `list` at `at` (ASCII case folded), or 0.
template <typename List>
std::size_t DePrefixAt(std::string_view s, std::size_t at, const List& list) {
  for (std::string_view p : list) {
    if (StartsWithNoCaseAt(s, at, p)) return p.size();
  }
  return 0;
}

bool LetterAt(std::string_view s, std::size_t at) {
  return at < s.size() && (IsAlpha(s[at]) || static_cast<unsigned char>(s[at]) >= 0x80);
}

// A thing's word at `at`, whole ("Dokuments" with its genitive "s" when
// `genitive`): its length, or 0.
std::size_t ThingAt(std::string_view s, std::size_t at, bool genitive) {
  for (std::string_view t : kThings) {
    if (!StartsWithNoCaseAt(s, at, t)) continue;
    std::size_t n = t.size();
    if (genitive && n < s.size() - at && (s[at + n] == 's' || s[at + n] == 'S') && !LetterAt(s, at + n + 1)) ++n;
    if (!LetterAt(s, at + n)) return n;
  }
  return 0;
}

// A sentence may open at `i`: the line's start after blanks, after a
// sentence's end, or after a lead-in; returns where its words start, or
// npos.
std::size_t SentenceOpen(std::string_view line, std::size_t i) {
  std::size_t j = i;
  while (j > 0 && IsBlank(line[j - 1])) --j;
  if (j == 0) return i;
  if (j < i && (line[j - 1] == '.' || line[j - 1] == '!' || line[j - 1] == '?')) return i;
  return std::string_view::npos;
}

// `line` (the text of the marking's line before it) ends in the statement's
// opening: how it states, or kNone.
SelfStatement OpeningBefore(std::string_view line) {
  for (std::size_t start = 0; start < line.size(); ++start) {
    if (IsBlank(line[start]) || (start > 0 && !IsBlank(line[start - 1]))) continue;
    if (SentenceOpen(line, start) == std::string_view::npos) continue;
    std::size_t i = start + DePrefixAt(line, start, kLeadIns);
    // "Einstufung dieser E-Mail: ", "Die Einstufung des Dokuments ist ".
    std::size_t k = i;
    if (StartsWithNoCaseAt(line, k, "die ")) k += 4;
    if (StartsWithNoCaseAt(line, k, "einstufung ") || StartsWithNoCaseAt(line, k, "vs-einstufung ")) {
      k = line.find(' ', k) + 1;
      if (std::size_t g = DePrefixAt(line, k, kGenitives); g > 0) {
        if (std::size_t t = ThingAt(line, k + g, true); t > 0) {
          std::size_t after = k + g + t;
          if (line.substr(after) == ": " || line.substr(after) == " ist ") return SelfStatement::kNamed;
        }
      }
    }
    std::size_t d = DePrefixAt(line, i, kDeterminers);
    if (d == 0) continue;
    std::size_t t = ThingAt(line, i + d, false);
    if (t == 0) continue;
    std::size_t v = i + d + t;
    std::size_t verb = DePrefixAt(line, v, kDeVerbs);
    if (verb == 0) continue;
    std::string_view rest = line.substr(v + verb);
    if (rest.empty()) return SelfStatement::kCopula;
    if (rest == "als " || rest == "mit ") return SelfStatement::kNamed;
  }
  return SelfStatement::kNone;
}

}  // namespace

SelfStatement GermanStatesOwnLevel(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin == 0 || !IsBlank(text[begin - 1])) return SelfStatement::kNone;
  const std::size_t line_begin = LineStart(text, begin);
  const std::size_t line_end = LineEnd(text, end);
  SelfStatement how = OpeningBefore(text.substr(line_begin, begin - line_begin));
  if (how == SelfStatement::kNone) return how;
  // After the grade: a participle, then the sentence's or the clause's end.
  std::size_t i = end;
  if (std::size_t p = DePrefixAt(text, i, kParticiples); p > 0 && !LetterAt(text, i + p)) {
    i += p;
    how = SelfStatement::kNamed;
  }
  if (i == line_end) return how;
  const char c = text[i];
  return c == '.' || c == '!' || c == ',' || c == ';' || c == '\r' ? how : SelfStatement::kNone;
}

}  // namespace nearmiss::content
