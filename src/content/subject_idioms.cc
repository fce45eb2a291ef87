// FollowedBySubjectIdiom (subject_idioms.h).
#include "content/subject_idioms.h"

#include <array>

#include "base/ascii.h"
#include "content/banner_tail.h"
#include "content/everyday_words.h"
#include "content/government_furniture.h"
#include "content/line_text.h"
#include "content/staff_words.h"
#include "content/word_strength.h"

namespace nearmiss::content {
namespace {

// Words of trade: marketing's "SECRET sale", "TOP SECRET offers", "RESTRICTED
// time offer". Right after the level word only: after a separator they may
// be a marked subject's own words ("SECRET: F-35 sale").
constexpr std::array<std::string_view, 16> kTradeWords = {
    "sale", "offer", "deal", "discount", "saving", "bargain", "promo",
    "promotion", "coupon", "voucher", "price", "pricing", "giveaway", "shop",
    "tip", "trick"};

// One word of season or audience may stand between: "SECRET summer sale",
// "RESTRICTED time offer", "RESTRICTED access offer", "SECRET VIP deals".
constexpr std::array<std::string_view, 16> kTradeModifiers = {
    "time", "access", "member", "members", "vip", "summer", "winter",
    "spring", "autumn", "fall", "holiday", "christmas", "xmas", "weekend",
    "flash", "festive"};

// Words of the kitchen, the garden and the holidays: "SECRET Santa",
// "TOP SECRET recipe", "SECRET ingredient", "SECRET menu", "SECRET
// garden", "SECRET admirer". Before any separator only: after one they
// may be a marked subject's own words ("SECRET: menu of strike options",
// "SECRET - Operation Market Garden review"; issue 13, breaker round 13
// defect 4).
constexpr std::array<std::string_view, 7> kHomeWords = {
    "santa", "recipe", "ingredient", "menu", "sauce", "garden", "admirer"};

// Finance's terms after RESTRICTED: "RESTRICTED STOCK UNITS: vesting
// schedule" (RSUs), "Restricted shares", "restricted cash", "restricted
// equity": pay and accounts, not GPMS's RESTRICTED (round 44 tester finding
// 13.2). Right after the word, before any separator.
constexpr std::array<std::string_view, 4> kRestrictedFinanceWords = {
    "stock", "share", "equity", "cash"};

// How many words after the level word a home word may stand: right after
// it, or after one word ("TOP SECRET family recipe"). Further on it is a
// marked subject's own noun ("SECRET strike options menu for CDS"; issue
// 13, tester 13 item 8).
constexpr int kHomeWordReach = 2;

// Closed-class words (prepositions, adverbs of place and time, the verbs
// of an advert's call) after which a word of trade closes its phrase:
// "SECRET sale starts now", "TOP SECRET deals for members", "PROTECTED
// savings inside". Any other word after it makes the trade word the first
// of a compound, a marked subject's noun phrase: "SECRET pricing annex",
// "SECRET deal text for the treaty", "CONFIDENTIAL price negotiation"
// (issue 13, tester 13 item 8).
// Also the heads of an advert's own compounds ("price match", "price
// drop", "sale event", "discount code").
constexpr std::array<std::string_view, 36> kPhraseClosers = {
    "for", "inside", "on", "in", "at", "to", "from", "of", "with", "now",
    "today", "tonight", "here", "this", "ends", "ending", "starts",
    "starting", "is", "are", "just", "only", "you", "your", "up", "off",
    "all", "everything", "and", "revealed", "match", "drop", "cut", "alert",
    "event", "code"};

// `word` is `w` or its plural ("offers", "deals", "recipes", "sauces").
bool IsWordOrPlural(std::string_view word, std::string_view w) {
  auto same = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && StartsWithNoCaseAt(a, 0, b);
  };
  if (same(word, w)) return true;
  if (word.size() == w.size() + 1 && same(word.substr(0, w.size()), w)) {
    return word.back() == 's' || word.back() == 'S';
  }
  return false;
}

template <std::size_t N>
bool IsOneOf(std::string_view word, const std::array<std::string_view, N>& list) {
  for (std::string_view w : list) {
    if (IsWordOrPlural(word, w)) return true;
  }
  return false;
}

// Emphasis around a word: "*SECRET* sale", "_SECRET_ sale", "\"SECRET\"".
bool IsEmphasis(char c) { return c == '*' || c == '_' || c == '"' || c == '\''; }

// The trade word ending at `j` closes its phrase: the subject ends, or a
// separator with a blank before it, a '!', '?', ':', ',', a digit or a
// closed-class word follows. "tip-off" (a hyphen glued on) is one word.
bool ClosesPhrase(std::string_view text, std::size_t j) {
  if (j >= text.size() || text[j] == '\n') return true;
  if (!IsBlank(text[j]) && !IsEmphasis(text[j])) {
    return text[j] == '!' || text[j] == '?' || text[j] == ':' ||
           text[j] == ',' || text[j] == '.';
  }
  std::size_t k = j;
  while (k < text.size() && (IsBlank(text[k]) || IsEmphasis(text[k]))) ++k;
  if (k == text.size() || text[k] == '\n' || !IsAlpha(text[k])) return true;
  std::size_t e = k;
  while (e < text.size() && IsAlpha(text[e])) ++e;
  return IsOneOf(text.substr(k, e - k), kPhraseClosers);
}

}  // namespace

namespace {

// The German idioms after the bare "GEHEIM" with no separator: "GEHEIM
// Rezept von Oma", "GEHEIM REZEPT", "GEHEIM Tipps für Köln", "GEHEIM
// WICHTELN 2026" (round 58b's tester 13, finding 3), as "SECRET recipe"
// and "SECRET SANTA" are English ones. Stems, as German joins nouns
// ("Rezeptidee", "Wichtelliste"). "GEHEIM: Tipp der Woche" keeps its
// separator's weight.
constexpr std::array<std::string_view, 4> kGermanIdiomStems = {
    "rezept", "tipp", "wichtel", "geschenk"};

bool GermanIdiomAfter(std::string_view text, std::size_t end) {
  std::size_t i = end;
  if (i >= text.size() || !IsBlank(text[i])) return false;
  while (i < text.size() && IsBlank(text[i])) ++i;
  for (std::string_view stem : kGermanIdiomStems) {
    if (StartsWithNoCaseAt(text, i, stem)) return true;
  }
  return false;
}

}  // namespace

bool FollowedBySubjectIdiom(std::string_view text, std::size_t end) {
  if (GermanIdiomAfter(text, end)) return true;
  constexpr std::string_view kRestricted = "restricted";
  const bool restricted =
      end >= kRestricted.size() &&
      StartsWithNoCaseAt(text, end - kRestricted.size(), kRestricted);
  std::size_t i = end;
  int words = 0;
  std::string_view previous;
  while (i < text.size() && text[i] != '\n' && words < kHomeWordReach) {
    char c = text[i];
    if (IsBlank(c) || IsEmphasis(c)) {
      ++i;
      continue;
    }
    if (!IsAlpha(c)) {
      // A separator or a digit ends the phrase: words after it are the
      // subject's own.
      break;
    }
    std::size_t j = i;
    while (j < text.size() && (IsAlpha(text[j]) || text[j] == '\'')) ++j;
    std::string_view word = text.substr(i, j - i);
    if (word.ends_with("'s")) word.remove_suffix(2);  // "Santa's list"
    ++words;
    if (IsOneOf(word, kHomeWords)) return true;
    if (restricted && words == 1 && IsOneOf(word, kRestrictedFinanceWords)) return true;
    // "sales" is also a trade's department ("SECRET sales brief"): only
    // the singular "sale" is the event.
    bool trade = IsOneOf(word, kTradeWords) && !IsWordOrPlural(word, "sales");
    bool adjacent = words == 1 || (words == 2 && IsOneOf(previous, kTradeModifiers));
    if (trade && adjacent && ClosesPhrase(text, j)) return true;
    previous = word;
    i = j;
  }
  return false;
}

namespace {

// Words of an advert's or a notice's headline written in capitals
// ("PROTECT YOUR ACCOUNT NOW", "UK SECRET SERVICE DOCUMENTARY TONIGHT"):
// pronouns, determiners, the moment and the offer. A message's subject
// names its matter and has none of them ("OP NORTH CONVOY TIMINGS").
constexpr std::array<std::string_view, 22> kHeadlineWords = {
    "the", "a", "an", "your", "you", "our", "we", "my", "it", "is", "are",
    "now", "today", "tonight", "free", "new", "this", "all", "here",
    "only", "win", "off"};

// "SITREP 042", "OP LANTERN": a word in capitals and a number or a second
// word name a report or an operation; one word alone ("SECRET PLAN") could
// be a shouted phrase.
bool TitleLongEnough(int words, int tokens, bool short_titles) {
  return words >= kCapitalsTitleWords ||
         (short_titles && words >= 1 && tokens >= 2);
}

}  // namespace

bool FollowedByCapitalsTitle(std::string_view text, std::size_t end,
                             bool short_titles) {
  std::size_t i = end;
  while (i < text.size() && IsBlank(text[i])) ++i;
  if (i == end) return false;
  // A date-time group: DDHHMM and a zone letter ("031200Z").
  std::size_t d = i;
  while (d < text.size() && IsDigit(text[d])) ++d;
  if (d - i == 6 && d < text.size() && IsUpper(text[d]) &&
      (d + 1 == text.size() || !IsAlpha(text[d + 1]))) {
    return true;
  }
  // "UK SECRET SITREP", "SECRET INTSUM for Monday": a report's or an
  // order's name, written in capitals by rule (government_furniture.h),
  // is the title the level tags, alone or before lower case (round 52's
  // tester 13, finding 1).
  std::size_t w = i;
  while (w < text.size() && IsAlpha(text[w])) ++w;
  if (w > i && WrittenInCapitals(text.substr(i, w - i)) &&
      OpensWithOrderName(text.substr(i))) {
    return true;
  }
  int words = 0;   // tokens with a capital letter
  int tokens = 0;  // and numbers ("SITREP 042")
  // A token in capitals that is no everyday word: an acronym or a name
  // ("MOD", "NATO"), not "BBQ", "SUPPER", "CINEMA" (everyday_words.h).
  bool acronym = false;
  while (i < text.size() && text[i] != '\n') {
    std::size_t j = i;
    bool letter = false;
    for (; j < text.size() && !IsBlank(text[j]) && text[j] != '\n'; ++j) {
      char c = text[j];
      // "SECRET MOD position paper": an acronym or a name in capitals,
      // then the subject's own words in lower case.
      if (c >= 'a' && c <= 'z') {
        return words >= kCapitalsTitleWords ||
               (short_titles && words >= 1 && j == i && acronym);
      }
      if (!IsUpper(c) && !IsDigit(c) && c != '-' && c != '/' && c != '\'') {
        return TitleLongEnough(words + (letter ? 1 : 0), tokens + (j > i ? 1 : 0),
                               short_titles);
      }
      letter = letter || IsUpper(c);
    }
    if (IsOneOf(text.substr(i, j - i), kHeadlineWords)) return false;
    const bool number = !letter && text.find_first_of("0123456789", i) < j;
    // After a bare separator ("ACCESS - server room") only the long form
    // is read: the words after it are not the title's.
    if (!letter && !number) {
      if (TitleLongEnough(words, tokens, short_titles)) return true;
      short_titles = false;
    }
    words += letter ? 1 : 0;
    tokens += letter || number ? 1 : 0;
    acronym = acronym || (letter && !IsEverydayWord(text.substr(i, j - i)));
    i = j;
    while (i < text.size() && IsBlank(text[i])) ++i;
  }
  return TitleLongEnough(words, tokens, short_titles);
}

// Days and months: names the word list keeps in title case, an event's
// date in its name ("SECRET CINEMA TICKETS FOR FRIDAY").
constexpr std::array<std::string_view, 19> kCalendarWords = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "tonight"};

// Staff work's words in a military message's subject (staff_words.h):
// "TOP SECRET EXERCISE STEEL SABRE ORDERS", "SECRET NORTH CONVOY TIMINGS".
// With one, the words in capitals are the message's own title, not an
// event's name.
bool FollowedByEverydayCapitals(std::string_view text, std::size_t end) {
  std::size_t i = end;
  if (i >= text.size() || !IsBlank(text[i])) return false;
  // Each token's start and end, and whether it is a number.
  constexpr std::size_t kMaxTokens = 8;
  std::array<std::size_t, kMaxTokens> from{}, to{};
  std::array<bool, kMaxTokens> number{};
  std::size_t n = 0;
  int words = 0;
  while (i < text.size() && text[i] != '\n') {
    while (i < text.size() && IsBlank(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && (IsAlpha(text[j]) || IsDigit(text[j]))) ++j;
    if (j == i) break;  // a separator, a file's extension or the end
    if (n == kMaxTokens) return false;  // a sentence, not a name
    std::string_view token = text.substr(i, j - i);
    const bool digits = token.find_first_not_of("0123456789") == std::string_view::npos;
    // A closed-class word links a name's words ("TICKETS FOR FRIDAY").
    if (!digits && !(WrittenInCapitals(token) &&
                     (IsEverydayWord(token) || IsOneOf(token, kPhraseClosers) ||
                      IsOneOf(token, kCalendarWords)))) {
      return false;
    }
    if (IsStaffWord(token)) return false;
    from[n] = i;
    to[n] = j;
    number[n++] = digits;
    words += digits ? 0 : 1;
    i = j;
    if (i < text.size() && !IsBlank(text[i])) break;  // "TICKETS.txt", "2026:"
  }
  // A caveat, a descriptor or a control written out in everyday words
  // ("TOP SECRET STRAP 1", "SECRET ATOMIC", "OFFICIAL-SENSITIVE
  // COMMERCIAL", "SECRET SPECIAL ACCESS REQUIRED": banner_tail.h) is the
  // banner's own tail. Read a word and the two after it, up to a number
  // (which alone ReadBannerTail takes for a page's).
  for (std::size_t k = 0; k < n; ++k) {
    if (number[k]) continue;
    std::size_t last = k;
    while (last + 1 < n && last < k + 2 && !number[last + 1]) ++last;
    if (ReadBannerTail(text.substr(from[k], to[last] - from[k]), false) == BannerTail::kKnown) {
      return false;
    }
  }
  return words >= 1;
}

bool WholeFolderOfPath(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > 0 && text[begin - 1] != '/' && text[begin - 1] != '\\') return false;
  if (end >= text.size() || (text[end] != '/' && text[end] != '\\')) return false;
  // A folder's name with its stroke ("PROTECTED/", walk_leaf.cc).
  if (end + 1 == text.size() || text[end + 1] == '\n') return true;
  if (text[end + 1] == '/' || text[end + 1] == '\\') return false;  // "SECRET//NOFORN"
  std::string_view rest = text.substr(end + 1, LineEnd(text, end) - end - 1);
  // A file or a folder after it: an extension's dot or a further folder,
  // not a control after one stroke ("SECRET/NOFORN").
  return rest.find_first_of("./\\") != std::string_view::npos;
}

}  // namespace nearmiss::content
