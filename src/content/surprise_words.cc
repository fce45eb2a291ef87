// KeepsSurprise and SurpriseOnLine (surprise_words.h).
#include "content/surprise_words.h"

#include <array>
#include <string>

#include "content/line_text.h"
#include "content/normalize.h"

namespace nearmiss::content {
namespace {

// Words of a line that keeps a surprise or asks for quiet, matched whole
// and case-folded.
// The British social events ("hen do", "leaving do") are parties by name
// (round 58c's tester 13, finding 5).
constexpr std::array<std::string_view, 34> kKeepWords = {
    "shh", "shhh", "psst", "hush", "birthday", "don't tell", "do not tell", "dont tell",
    "don't mention", "do not mention", "spoil", "must not know", "mustn't know",
    "must not find out", "doesn't know", "does not know", "keep it quiet", "keep it a secret",
    "surprise party", "surprise for", "a surprise", "the surprise", "party for", "the party",
    "our little secret", "no peeking", "hen do", "stag do", "leaving do", "hen party",
    "stag party", "hen night", "stag night", "leaving drinks"};

// kKeepWords that say a surprise is kept wherever they stand in a note.
// "secret santa": the body of a subject's bare "SECRET" ("Secret Santa:
// you drew Anna!"; round 58b's tester 13, finding 3).
constexpr std::array<std::string_view, 27> kTextWords = {
    "secret santa", "hen do", "stag do", "hen party", "stag party",
    "shh", "shhh", "psst", "birthday", "don't tell", "do not tell", "dont tell",
    "don't mention", "do not mention", "must not know", "mustn't know", "must not find out",
    "doesn't know", "does not know", "keep it quiet", "keep it a secret", "surprise party",
    "surprise for", "a surprise", "the surprise", "our little secret", "no peeking"};

// Words that keep a surprise only inside a statement's sentence ("This
// email is SECRET - you'll find out Friday"): a subject's "SECRET: surprise
// inspection" is a real subject.
constexpr std::array<std::string_view, 2> kStatementWords = {"surprise", "find out"};

// `word` at `at` of `line`, whole: no letter on either side.
bool WholeWordAt(std::string_view line, std::size_t at, std::string_view word) {
  if (at > 0 && IsAlpha(line[at - 1])) return false;
  if (!StartsWithNoCaseAt(line, at, word)) return false;
  const std::size_t next = at + word.size();
  return next >= line.size() || !IsAlpha(line[next]);
}

// The German words of a kept surprise and of the everyday things a party
// note or a family mail calls "geheim" ("GEHEIM: Überraschungsparty für
// Anna", "STRENG GEHEIM - Geburtstagsgeschenk für Papa", "GEHEIM: Wichteln
// 2026"; de.toml names
// the party invitation's "streng geheim!" as the everyday use; round 58b's
// tester 13, finding 3). Stems: German joins nouns into one word
// ("Überraschungsparty", "Geburtstagsgeschenk"), so each matches at a
// word's start with any letters after it. A non-ASCII first letter is not
// case folded, so its three spellings are listed.
constexpr std::array<std::string_view, 11> kGermanKeepStems = {
    "überraschung", "Überraschung", "ÜBERRASCHUNG", "geburtstag", "wichtel", "geschenk",
    "nicht verraten", "verrate nichts", "party für", "feier für", "nicht weitersagen"};

bool LetterByte(char c) { return IsAlpha(c) || static_cast<unsigned char>(c) >= 0x80; }

bool GermanStemAt(std::string_view line, std::size_t at) {
  if (at > 0 && LetterByte(line[at - 1])) return false;
  for (std::string_view stem : kGermanKeepStems) {
    if (StartsWithNoCaseAt(line, at, stem)) return true;
  }
  return false;
}

template <std::size_t N>
bool AnyWordOn(std::string_view line, const std::array<std::string_view, N>& words) {
  for (std::size_t at = 0; at < line.size(); ++at) {
    for (std::string_view w : words) {
      if (WholeWordAt(line, at, w)) return true;
    }
    if (GermanStemAt(line, at)) return true;
  }
  return false;
}

std::string_view LineOf(std::string_view text, std::size_t begin, std::size_t end) {
  const std::size_t line_begin = LineStart(text, begin);
  return text.substr(line_begin, LineEnd(text, end) - line_begin);
}

// More of a word starts at `i` of `s`: a letter or a digit, a non-ASCII
// letter (a lead byte of two or three bytes), or a hyphen or an apostrophe
// followed by one ("D-Day", "P's").
bool WordGoesOn(std::string_view s, std::size_t i) {
  auto word_byte = [&](std::size_t j) {
    if (j >= s.size()) return false;
    auto c = static_cast<unsigned char>(s[j]);
    return IsAlpha(s[j]) || (c >= '0' && c <= '9') || (c >= 0x80 && c < 0xF0);
  };
  if (word_byte(i)) return true;
  return i < s.size() && (s[i] == '-' || s[i] == '\'') && word_byte(i + 1);
}

// The words right after the tier that make it a party's adjective (round
// 58b's tester 13, finding 4; round 58c's, finding 5: "TOP SECRET drinks",
// "TOP SECRET bash", "TOP SECRET leaving do", "SECRET Saturday plans").
constexpr std::array<std::string_view, 13> kAfterWords = {
    "party", "parties", "partying", "drinks", "bash", "leaving do", "hen do", "stag do",
    "night out", "saturday plans", "sunday plans", "weekend plans", "friday night plans"};

// The word right after the tier keeps a surprise: "TOP SECRET party",
// "SECRET Party Planning", "Photos/TOP SECRET Party/" (a tier set before
// "party" as an adjective; round 58b's tester 13, finding 4), or
// "surprise" when it ends the line ("TOP SECRET surprise"). Only blanks
// stand between: "SECRET: party conference security" and "SECRET:
// surprise inspection of the depot" are a marked subject's words.
bool SurpriseWordAfter(std::string_view text, std::size_t end, std::size_t line_end) {
  std::size_t at = end;
  if (at >= line_end || !IsBlank(text[at])) return false;
  while (at < line_end && IsBlank(text[at])) ++at;
  for (std::string_view w : kAfterWords) {
    if (at + w.size() <= line_end && WholeWordAt(text.substr(0, line_end), at, w)) return true;
  }
  constexpr std::string_view kSurprise = "surprise";
  if (at + kSurprise.size() > line_end || !WholeWordAt(text.substr(0, line_end), at, kSurprise)) {
    return false;
  }
  for (std::size_t i = at + kSurprise.size(); i < line_end; ++i) {
    if (IsAlpha(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

}  // namespace

bool SmileyAt(std::string_view s, std::size_t i) {
  if (static_cast<unsigned char>(s[i]) >= 0xF0) return true;
  if ((s[i] != ':' && s[i] != ';') || i + 1 >= s.size()) return false;
  std::size_t k = i + 1;
  if (s[k] == '-' && k + 1 < s.size()) ++k;
  if (s[k] == ')') return true;
  if (s[k] != 'D' && s[k] != 'P' && s[k] != 'p') return false;
  // ":D" and ":P" stand alone: "SECRET:Deployment order", "SECRET:plan",
  // "TOP SECRET:D-Day" are a tier glued to the subject's first word (round
  // 57b's tester 13, finding 1). A letter, a digit, a non-ASCII letter or a
  // hyphen or apostrophe joining on more of a word ends no smiley; an emoji
  // (a four-byte sequence) may follow one.
  return !WordGoesOn(s, k + 1);
}

bool KeepsSurprise(std::string_view text, std::size_t begin, std::size_t end) {
  const std::size_t line_end = LineEnd(text, end);
  // "TOP SECRET!!", "SECRET !": no marking is written with an exclamation.
  std::size_t after = end;
  while (after < line_end && IsBlank(text[after])) ++after;
  if (after < line_end && text[after] == '!') return true;
  for (std::size_t i = end; i < line_end; ++i) {
    if (SmileyAt(text, i)) return true;
  }
  if (SurpriseWordAfter(text, end, line_end)) return true;
  return AnyWordOn(LineOf(text, begin, end), kKeepWords);
}

bool SurpriseOnLine(std::string_view text, std::size_t begin, std::size_t end) {
  return KeepsSurprise(text, begin, end) || AnyWordOn(LineOf(text, begin, end), kStatementWords);
}

bool TextKeepsSurprise(std::string_view text) { return AnyWordOn(text, kTextWords); }

bool RawTextKeepsSurprise(std::string_view raw) {
  if (IsAlreadyNormal(raw)) return TextKeepsSurprise(raw);
  std::string normal;
  NormalizeText(raw, &normal);
  return TextKeepsSurprise(normal);
}

namespace {
thread_local bool body_keeps_surprise = false;
}  // namespace

BodySurpriseScope::BodySurpriseScope() : outer_(body_keeps_surprise) { body_keeps_surprise = true; }
BodySurpriseScope::~BodySurpriseScope() { body_keeps_surprise = outer_; }
bool BodyKeepsSurpriseNow() { return body_keeps_surprise; }

}  // namespace nearmiss::content
