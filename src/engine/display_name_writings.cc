// DisplayNameWriting (display_name.h): one person's name written with its
// initials dotted or spaced ("J. R. Tolkien", "J.R. Tolkien" for "JR
// Tolkien") and its family particles apart ("P. de Vries", "de Vries, P."
// for "P. Devries"), rewritten in the one form the name readings compare
// (issue 14, tester 14-b, finding 1: those writings gave no reading and
// passed on another address, where "JR Tolkien" was flagged); and an
// Arabic name's patronymic dropped and its "Al-" joined ("Muhammad bin
// Abdullah Al-Rashid" for "Muhammad AlRashid": tester 14-c, finding 1).
#include <string>
#include <string_view>
#include <vector>

#include "engine/address_fold.h"
#include "engine/display_name.h"
#include "engine/family_particles.h"

namespace nearmiss::engine {
namespace {

// A word's letters: ASCII ones, the octets of a UTF-8 letter (0x80 and
// up), and an apostrophe between letters ("O'Neill"), as DisplayNames
// reads a word.
bool WritingLetter(std::string_view text, size_t i) {
  const char c = text[i];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  if (static_cast<unsigned char>(c) >= 0x80) return true;
  return c == '\'' && i > 0 && i + 1 < text.size() && WritingLetter(text, i - 1) &&
         WritingLetter(text, i + 1);
}

// One letter: an ASCII letter, or one UTF-8 sequence ("Ł").
bool IsInitialWord(std::string_view w) {
  if (w.empty()) return false;
  if (w.size() == 1) return static_cast<unsigned char>(w[0]) < 0x80;
  const unsigned char lead = static_cast<unsigned char>(w[0]);
  const size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  return length == w.size();
}

// The Arabic article a family name starts with, written apart or
// hyphenated ("Al-Rashid", "El Sayed"): "al", "el".
bool IsArabicArticle(std::string_view w) { return w == "al" || w == "el"; }

// The words that lead a patronymic: "bin", "ibn" (son of), "bint" (daughter
// of), and "binti" and "ben" as Malay and Maghrebi names write them.
bool IsPatronymicWord(std::string_view w) {
  return w == "bin" || w == "ibn" || w == "bint" || w == "binti" || w == "ben";
}

// A name's text cut into words and what stands between them; text inside
// (), [] or {} (a qualifier, no name) is kept in the separators.
struct Piece {
  std::string sep;   // before the word
  std::string word;  // empty only for the last piece (what ends the text)
};

std::vector<Piece> Pieces(std::string_view text) {
  std::vector<Piece> out(1);
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (depth == 0 && WritingLetter(text, i)) {
      out.back().word += c;
      continue;
    }
    if (!out.back().word.empty()) out.emplace_back();
    out.back().sep += c;
  }
  return out;
}

bool Blanks(std::string_view s, bool dots) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && !(dots && c == '.')) return false;
  }
  return true;
}

std::string LowerWord(std::string_view w) {
  std::string out;
  for (char c : w) out += Lower(c);
  return out;
}

// Initials written apart ("J. R.", "J.R.", "J R") are one given name of
// their letters ("Jr"), as an address writes them (jrtolkien): the second
// and later letters lower case, so the run reads as no name in capitals.
void JoinInitials(std::vector<Piece>* pieces) {
  for (size_t i = 0; i + 1 < pieces->size(); ++i) {
    Piece& first = (*pieces)[i];
    if (!IsInitialWord(first.word)) continue;
    size_t j = i + 1;
    while (j < pieces->size() && IsInitialWord((*pieces)[j].word) &&
           Blanks((*pieces)[j].sep, /*dots=*/true)) {
      first.word += LowerWord((*pieces)[j].word);
      ++j;
    }
    pieces->erase(pieces->begin() + static_cast<std::ptrdiff_t>(i) + 1,
                  pieces->begin() + static_cast<std::ptrdiff_t>(j));
  }
}

// Particles of a family name (family_particles.h: de, van der, de la) run
// together with the name they lead, as addresses write them: "P. de
// Vries" is "P. deVries", "de Vries, P." "deVries, P.", "Ludwig van
// Beethoven" "Ludwig vanBeethoven". A particle leads a family name after
// another word, or before a comma ("de Vries, P."); the first word of a
// name without a comma may be a given name ("Le Minh Tuan").
void JoinParticles(std::vector<Piece>* pieces) {
  bool comma_seen = false;
  for (size_t i = 0; i + 1 < pieces->size(); ++i) {
    comma_seen = comma_seen || (*pieces)[i].sep.find(',') != std::string::npos;
    // The Arabic article hyphenated to its name ("Al-Rashid", "el-Sayed")
    // is one family name wherever it stands: no given name is written so.
    if (IsArabicArticle(LowerWord((*pieces)[i].word)) && (*pieces)[i + 1].sep == "-" &&
        !(*pieces)[i + 1].word.empty() && !IsParticle(LowerWord((*pieces)[i + 1].word))) {
      (*pieces)[i].word += (*pieces)[i + 1].word;
      pieces->erase(pieces->begin() + static_cast<std::ptrdiff_t>(i) + 1);
      continue;
    }
    size_t j = i;
    while (j + 1 < pieces->size() && IsParticle(LowerWord((*pieces)[j].word)) &&
           Blanks((*pieces)[j + 1].sep, /*dots=*/false) && !(*pieces)[j + 1].word.empty()) {
      ++j;
    }
    if (j == i) continue;  // no particle, or nothing after it
    // The group ends at a word that is no particle.
    if (IsParticle(LowerWord((*pieces)[j].word))) continue;
    const bool before_comma = j + 1 < pieces->size() &&
                              (*pieces)[j + 1].sep.find(',') != std::string::npos;
    if (i == 0 && !comma_seen && !before_comma) continue;
    Piece& group = (*pieces)[i];
    for (size_t k = i + 1; k <= j; ++k) group.word += (*pieces)[k].word;
    pieces->erase(pieces->begin() + static_cast<std::ptrdiff_t>(i) + 1,
                  pieces->begin() + static_cast<std::ptrdiff_t>(j) + 1);
  }
}

// A patronymic chain ("bin Abdullah", "bin Abdullah bin Aziz") after the
// given name and before a family name is dropped: addresses and short
// writings of the name leave it out ("Muhammad Al-Rashid",
// m.alrashid@). Only between blanks: "Ben-Gurion" is a family name.
void DropPatronymics(std::vector<Piece>* pieces) {
  for (size_t i = 1; i + 1 < pieces->size(); ++i) {
    size_t j = i;  // past the chain
    while (j + 2 < pieces->size() && IsPatronymicWord(LowerWord((*pieces)[j].word)) &&
           Blanks((*pieces)[j].sep, /*dots=*/false) && Blanks((*pieces)[j + 1].sep, false) &&
           Blanks((*pieces)[j + 2].sep, false) && !(*pieces)[j + 1].word.empty() &&
           !IsPatronymicWord(LowerWord((*pieces)[j + 1].word))) {
      j += 2;
    }
    // A family name follows the chain, or it is the family name.
    if (j == i || (*pieces)[j].word.empty()) continue;
    (*pieces)[j].sep = (*pieces)[i].sep;
    pieces->erase(pieces->begin() + static_cast<std::ptrdiff_t>(i),
                  pieces->begin() + static_cast<std::ptrdiff_t>(j));
  }
}

}  // namespace

std::string DisplayNameWriting(std::string_view text, int how) {
  std::vector<Piece> pieces = Pieces(text);
  if ((how & kDropPatronymics) != 0) DropPatronymics(&pieces);
  if ((how & kJoinInitials) != 0) JoinInitials(&pieces);
  if ((how & kJoinParticles) != 0) JoinParticles(&pieces);
  std::string out;
  for (const Piece& p : pieces) out.append(p.sep).append(p.word);
  return out == text ? std::string() : out;
}

}  // namespace nearmiss::engine
