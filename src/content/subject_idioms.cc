// FollowedBySubjectIdiom (subject_idioms.h).
#include "content/subject_idioms.h"

#include <array>

#include "base/ascii.h"
#include "content/line_text.h"

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

// How many words after the level word a home word may stand.
constexpr int kHomeWordReach = 4;

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

}  // namespace

bool FollowedBySubjectIdiom(std::string_view text, std::size_t end) {
  std::size_t i = end;
  bool separated = false;
  bool separator_seen = false;
  int words = 0;
  std::string_view previous;
  while (i < text.size() && text[i] != '\n' && words < kHomeWordReach) {
    char c = text[i];
    if (IsBlank(c) || IsEmphasis(c)) {
      ++i;
      continue;
    }
    if (!IsAlpha(c)) {
      // A separator or a digit: trade words no longer count, nor home
      // words after a separator.
      separated = true;
      separator_seen = separator_seen || !IsDigit(c);
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (IsAlpha(text[j]) || text[j] == '\'')) ++j;
    std::string_view word = text.substr(i, j - i);
    if (word.ends_with("'s")) word.remove_suffix(2);  // "Santa's list"
    ++words;
    if (IsOneOf(word, kHomeWords) && !separator_seen) return true;
    // "sales" is also a trade's department ("SECRET sales brief"): only
    // the singular "sale" is the event.
    bool trade = IsOneOf(word, kTradeWords) && !IsWordOrPlural(word, "sales");
    if (!separated && trade) {
      bool adjacent = words == 1 ||
                      (words == 2 && IsOneOf(previous, kTradeModifiers));
      if (adjacent) {
        // "offer letter": an offer of employment.
        std::size_t k = j;
        while (k < text.size() && IsBlank(text[k])) ++k;
        bool letter = IsWordOrPlural(word, "offer") &&
                      StartsWithNoCaseAt(text, k, "letter");
        if (!letter) return true;
      }
    }
    if (words >= 2) separated = true;  // trade words stand first or second
    previous = word;
    i = j;
  }
  return false;
}

}  // namespace nearmiss::content
