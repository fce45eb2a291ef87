// A tier heading a banner line that carries more words (position.h,
// TierHeadsBannerLine and IsTierPrefix): drafts, page and copy numbers,
// handling instructions and codewords written on the banner line itself.
#include <cstddef>
#include <string>
#include <string_view>

#include "content/banner_tail.h"
#include "content/line_text.h"
#include "content/position.h"
#include "content/staff_words.h"
#include "content/subject_idioms.h"

namespace nearmiss::content {
namespace {

// A banner line is short: GSC and CAPCO banners with a caveat and a page
// number ("UK SECRET - FOR UK/US EYES ONLY - Page 12 of 40") stay under it,
// and a longer line is a sentence.
constexpr std::size_t kMaxBannerLineBytes = 100;

// Words of the free text starting with a lower-case letter: "Page 1 of 3"
// has one, a sentence ("our winter menu launches Friday") has more.
constexpr int kMaxLowerCaseWords = 2;

bool IsSeparator(char c) {
  return c == '-' || c == ':' || c == '/' || c == '|' || c == ',' ||
         c == '(' || c == '[' || c == '\\';
}

// "//" (or "\\" typed for it) opens `s`: the CAPCO banner's separator of
// categories, not a dash.
bool AfterDoubleSlash(std::string_view s) {
  return s.size() >= 2 && ((s[0] == '/' && s[1] == '/') || (s[0] == '\\' && s[1] == '\\'));
}

// After "//" a banner's first field is a marking of the register (CAPCO
// manual: CLASSIFICATION//SCI//SAP//AEA//FGI//DISSEMINATION) or a caveat,
// descriptor or page furniture a sender writes there ("SECRET//UK EYES
// ONLY", "SECRET//STRAP 1", "SECRET//DRAFT"): ReadBannerTail reads the field
// (up to the next "/" or ",") as kKnown. Free words in capitals ("SECRET//
// NOT FOR MUM", "TOP SECRET//DO NOT SHARE") are no banner's field, as the
// us-classified pack's {controls} asks of its "//" (round 55's tester
// 13-b, finding 3; the bare tier on such a line was still read as a banner
// line before "-").
bool RegisterFieldAfterSlashes(std::string_view s) {
  s.remove_prefix(2);
  const std::size_t field_end = s.find_first_of("/,\\");
  return ReadBannerTail(s.substr(0, field_end), /*skip_separator=*/false) == BannerTail::kKnown;
}

// Free text after the tier: a separator ("SECRET - DRAFT", "OFFICIAL-
// SENSITIVE: RECIPIENTS ONLY", "SECRET (DRAFT)", "OFFICIAL-SENSITIVE/
// COMMERCIAL"), and not a sentence. After a blank alone (banner_tail.h):
// page furniture, descriptors and caveats in any case after any tier
// ("UK SECRET Page 1 of 3", "SECRET Canadian Eyes Only", "PROTECTED
// Cabinet"); after a compound tier (`compound`: "TOP SECRET",
// "OFFICIAL-SENSITIVE", "NATO SECRET") up to three words in capitals or
// numbers ("TOP SECRET CODEWORD"), and, the tier in capitals
// (`capitals`), a short tail ("UK SECRET Draft", "NATO SECRET Exercise
// plan"); a single level word followed by words of its own is a phrase
// ("OFFICIAL RESULTS TO FOLLOW", "SECRET recipe").
// `classified`: the tier is a classification, whose "//" must open a field
// of the register (RegisterFieldAfterSlashes); UNCLASSIFIED's banner line
// keeps its public-release statement ("UNCLASSIFIED//FOR PUBLIC RELEASE").
bool FreeTextAfterTier(std::string_view after, bool compound, bool capitals, bool classified) {
  std::size_t i = 0;
  while (i < after.size() && IsBlank(after[i])) ++i;
  if (i == after.size()) return false;
  std::size_t last = after.size();
  while (last > 0 && IsBlank(after[last - 1])) --last;
  if (!IsSeparator(after[i])) {
    if (i == 0) return false;
    switch (ReadBannerTail(after, /*skip_separator=*/false)) {
      case BannerTail::kKnown:
        return true;
      case BannerTail::kCapitals:
        // "SECRET OPERATION TRIDENT", "SECRET EXERCISE ONLY": a staff-work
        // word makes the words the work's title on the banner line, as
        // "SECRET OP TRIDENT" (staff_words.h; round 59b's tester 13,
        // finding 1).
        return compound || (capitals && HasStaffWord(after));
      case BannerTail::kShort:
        return compound && capitals;
      case BannerTail::kNone:
        return false;
    }
    return false;
  }
  char end_char = after[last - 1];
  if (end_char == '.' || end_char == '!' || end_char == '?') return false;
  if (classified && AfterDoubleSlash(after.substr(i)) &&
      !RegisterFieldAfterSlashes(after.substr(i))) {
    return false;
  }
  int lower_words = 0;
  for (std::size_t k = i; k < last; ++k) {
    bool starts = k == 0 || !IsAlpha(after[k - 1]);
    if (starts && after[k] >= 'a' && after[k] <= 'z') ++lower_words;
  }
  return lower_words <= kMaxLowerCaseWords;
}

// Words of a note's or an everyday label's head, which a capitalised line
// of a party invitation, an advert or a script puts before "TOP SECRET"
// ("PS: TOP SECRET", "NB: TOP SECRET", "DRESS CODE: TOP SECRET", "RECIPE:
// TOP SECRET", "SHHH... TOP SECRET", SQL's "CREATE ROLE SECRET"): none is a
// mission's name, a copy number or a document's part, the words that stand
// before a tier on a banner line (round 47's tester 13, finding 8). Dots
// ("P.S.", "SHHH...") are dropped before the word is compared.
constexpr std::string_view kNoteWords[] = {
    "ps",     "pps",    "nb",       "remember", "recipe", "sauce",  "ingredients",
    "ingredient", "dress", "code",  "theme",    "menu",   "venue",  "location",
    "destination", "password", "role", "create", "grant",  "shh",    "shhh",
    "shhhh",  "psst",   "hint",     "clue",     "answer", "prize",  "guest",
    "guests", "special", "reminder", "mum's",   "dad's",  "gift",   "surprise", "btw", "fyi",
    "imo",    "lol",    "omg", "note", "important", "headsup"};

bool IsNoteWord(std::string_view word) {
  std::string folded;
  for (char c : word) {
    if (c != '.') folded += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  for (std::string_view w : kNoteWords) {
    if (folded == w) return true;
  }
  return false;
}

// "FYI:", "Note -", "PS:", "Heads up:": a note's head (one note word, or
// two run together: "heads up") and a separator, in any case; without the
// separator too when `separator_required` is false ("FYI UK SECRET",
// "N.B. UK SECRET": round 50's tester 13, finding 2).
bool IsNoteHead(std::string_view prefix, bool separator_required = true) {
  std::size_t e = prefix.size();
  while (e > 0 && IsBlank(prefix[e - 1])) --e;
  std::size_t run = e;
  while (run > 0 && (prefix[run - 1] == '-' || prefix[run - 1] == ':')) --run;
  if (run == e && separator_required) return false;
  std::size_t b = 0;
  while (b < run && IsBlank(prefix[b])) ++b;
  while (run > b && IsBlank(prefix[run - 1])) --run;
  std::string_view word = prefix.substr(b, run - b);
  if (word.empty()) return false;
  if (const std::size_t blank = word.find(' '); blank != std::string_view::npos) {
    if (word.find(' ', blank + 1) != std::string_view::npos) return false;
    std::string joined(word.substr(0, blank));
    joined.append(word.substr(blank + 1));
    return IsNoteWord(joined);
  }
  return IsNoteWord(word);
}

// The everyday tier words alone ("SECRET", "TOP SECRET", "Confidential"),
// as a party line or a recipe writes them; a national, compound or
// caveated form ("UK SECRET", "OFFICIAL-SENSITIVE", "NATO SECRET", "CUI")
// is no one's joke.
bool IsBareTier(std::string_view tier) {
  std::string folded;
  for (char c : tier) {
    if (c == '-' || IsBlank(c)) {
      if (!folded.empty() && folded.back() != ' ') folded += ' ';
    } else {
      folded += c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    }
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  for (std::string_view bare : {"SECRET", "TOP SECRET", "CONFIDENTIAL", "RESTRICTED", "OFFICIAL",
                                "PROTECTED", "CLASSIFIED", "SENSITIVE", "UNCLASSIFIED"}) {
    if (folded == bare) return true;
  }
  return false;
}

}  // namespace

bool IsTierPrefix(std::string_view prefix, bool separator_allowed) {
  std::size_t e = prefix.size();
  if (e == 0 || !IsBlank(prefix[e - 1])) return false;
  while (e > 0 && IsBlank(prefix[e - 1])) --e;
  bool separated = false;
  if (separator_allowed) {
    // "DRAFT - SECRET", "COPY 2 OF 5 -- SECRET", "DRAFT: SECRET".
    std::size_t run = e;
    while (run > 0 && (prefix[run - 1] == '-' || prefix[run - 1] == ':' ||
                       prefix[run - 1] == '|')) {
      --run;
    }
    separated = run < e;
    e = run;
    while (e > 0 && IsBlank(prefix[e - 1])) --e;
  }
  std::size_t b = 0;
  while (b < e && IsBlank(prefix[b])) ++b;
  if (b == e) return false;
  // Words in capitals (a mission's name, "DRAFT", a copy number): one or
  // two before the bare tier ("ISAF SECRET", "RESOLUTE SUPPORT SECRET"),
  // up to five before a separator ("COPY 2 OF 5 - SECRET"). None of them a
  // word that makes the tier the object of a phrase ("OUR SECRET", "THE
  // BEST KEPT SECRET", "NOT SECRET").
  int words = 0;
  bool letters = false;
  for (std::size_t k = b; k < e;) {
    std::size_t w = k;
    bool alnum = false;  // "-" alone is a separator, not a word
    while (k < e && !IsBlank(prefix[k])) {
      char c = prefix[k];
      if (IsUpper(c)) {
        letters = alnum = true;
      } else if (IsDigit(c)) {
        alnum = true;
      } else if (c != '-' && c != '/' && c != '.') {
        return false;
      }
      ++k;
    }
    if (!alnum || IsPhraseWord(prefix.substr(w, k - w)) || IsNoteWord(prefix.substr(w, k - w))) {
      return false;
    }
    // "NON-ITAR CONTROLLED", "NO-EXPORT CONTROLLED": a negation joined to the
    // word before the tier denies it, as "NOT CONTROLLED" does (round 57's
    // tester 13, finding 8).
    const std::size_t hyphen = prefix.find('-', w);
    if (hyphen != std::string_view::npos && hyphen < k && IsPhraseWord(prefix.substr(w, hyphen - w)) &&
        (hyphen - w == 2 || hyphen - w == 3) && (prefix[w] == 'N' || prefix[w] == 'n')) {
      return false;
    }
    ++words;
    while (k < e && IsBlank(prefix[k])) ++k;
  }
  return letters && words <= (separated ? 5 : 2);
}

bool TierHeadsBannerLine(std::string_view text, std::size_t begin,
                         std::size_t end) {
  // A match may take the blanks after its word.
  while (end > begin && IsBlank(text[end - 1])) --end;
  std::size_t line_begin = LineStart(text, begin);
  std::size_t line_end = LineEnd(text, end);
  if (line_end - line_begin > kMaxBannerLineBytes) return false;
  std::string_view before = text.substr(line_begin, begin - line_begin);
  std::string_view after = text.substr(end, line_end - end);
  bool bare_before = OnlyFrame(before);
  bool bare_after = OnlyFrame(after);
  if (bare_before && bare_after) return false;
  if (!bare_before) {
    // The frame's opening run ("*** DRAFT - SECRET") is not a word.
    std::size_t lead = 0;
    while (lead < before.size() && OnlyFrame(before.substr(lead, 1))) ++lead;
    // "ISAF SECRET", "DRAFT - SECRET"; "Page 1 of 3 UK SECRET", "Annex A -
    // UK SECRET" (banner_tail.h, KnownBannerHead).
    // "FYI: UK SECRET", "Note: OFFICIAL-SENSITIVE": a note's head makes no
    // banner of a bare tier ("PS: TOP SECRET" over a party's plan), but a
    // national or compound form under it is the sender's marking (round
    // 49's tester 13, finding 2).
    if (!IsTierPrefix(before.substr(lead), true) &&
        !KnownBannerHead(before.substr(lead)) &&
        !(IsNoteHead(before.substr(lead), /*separator_required=*/false) &&
          !IsBareTier(text.substr(begin, end - begin)))) {
      return false;
    }
  }
  std::string_view tier = text.substr(begin, end - begin);
  bool compound = tier.find_first_of(" -") != std::string_view::npos;
  bool capitals = tier.find_first_of("abcdefghijklmnopqrstuvwxyz") ==
                  std::string_view::npos;
  bool classified = true;
  for (std::size_t k = 0; k + 12 <= tier.size() && classified; ++k) {
    classified = !StartsWithNoCaseAt(tier, k, "UNCLASSIFIED");
  }
  if (!bare_after && !FreeTextAfterTier(after, compound, capitals, classified)) return false;
  // "SECRET SANTA - sign up", "TOP SECRET recipe - page 2": the idiom.
  if (FollowedBySubjectIdiom(text.substr(0, line_end), end)) return false;
  return IsEdgeLine(text, begin, end);
}

bool NoteHeadsBareTier(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && IsBlank(text[end - 1])) --end;
  const std::size_t line_begin = LineStart(text, begin);
  const std::size_t line_end = LineEnd(text, end);
  if (line_end - line_begin > kMaxBannerLineBytes) return false;
  return IsNoteHead(text.substr(line_begin, begin - line_begin)) &&
         OnlyFrame(text.substr(end, line_end - end)) &&
         IsBareTier(text.substr(begin, end - begin)) && IsEdgeLine(text, begin, end);
}

}  // namespace nearmiss::content

namespace nearmiss::content {

bool LeadsLine(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && IsBlank(text[end - 1])) --end;
  std::size_t line_begin = LineStart(text, begin);
  std::size_t line_end = LineEnd(text, end);
  std::size_t b = begin;
  while (b > line_begin && IsBlank(text[b - 1])) --b;
  char closer = 0;
  if (b > line_begin) {
    switch (text[b - 1]) {
      case '[': closer = ']'; break;
      case '(': closer = ')'; break;
      case '{': closer = '}'; break;
      case '<': closer = '>'; break;
      default: return false;
    }
    --b;
    while (b > line_begin && IsBlank(text[b - 1])) --b;
    if (b > line_begin) return false;
  }
  std::size_t i = end;
  while (i < line_end && IsBlank(text[i])) ++i;
  bool set_off = false;
  if (closer != 0) {
    if (i == line_end || text[i] != closer) return false;
    ++i;
    set_off = true;
  }
  // The separator: "UK SECRET: ...", "UK SECRET - ...", "UK SECRET | ...";
  // after brackets one may follow too ("[UK SECRET]: ...").
  std::size_t sep = i;
  while (sep < line_end && IsBlank(text[sep])) ++sep;
  if (sep < line_end && text[sep] == ':') {
    i = sep + 1;
    set_off = true;
  } else if (sep < line_end && (text[sep] == '-' || text[sep] == '|') && sep > end) {
    std::size_t run = sep;
    while (run < line_end && text[run] == text[sep]) ++run;
    if (run - sep > 2 || run == line_end || !IsBlank(text[run])) return false;
    i = run;
    set_off = true;
  }
  if (!set_off || i == line_end || (!IsBlank(text[i]) && closer == 0)) return false;
  // Words follow, with a lower-case letter among them: the text the
  // marking leads ("CUI: RO12345678", a code under an invoice's tax-code
  // label, is not; cui_label.h).
  for (std::size_t k = i; k < line_end; ++k) {
    if (text[k] >= 'a' && text[k] <= 'z') return true;
  }
  return false;
}

}  // namespace nearmiss::content
