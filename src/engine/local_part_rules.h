// The rules AddressIndex (address_typo.h) applies to a typed local part and
// a frequent one: how each is read (its compared form, the same mailbox),
// then their shapes: name parts, numbers, initials. The shape rules take
// both sides lower case in their compared form, only look, and allocate
// nothing but JudgeNumbers' two digit strings.
//
// Which slip each rule makes, and the examples, are in address_typo.h's
// file comment; the .cc says why each rule is drawn where it is.
//
// Thread safety: pure functions.
#ifndef NEARMISS_ENGINE_LOCAL_PART_RULES_H_
#define NEARMISS_ENGINE_LOCAL_PART_RULES_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace nearmiss::engine {

inline constexpr size_t kMaxParts = 4;

// A lower-case local part as it is compared: `plain` its content, unquoted
// ("\"jon smith\"" -> jon smith); `text` that, outside ASCII, in the letters
// a reader sees (lookalike::AsciiLookalike: "józef" -> "jozef"), and where
// letters with no Latin look-alike are left (Cyrillic и, я), in its Latin
// transliteration (ICU Any-Latin, Latin-ASCII: "мария" -> "maria"), then
// `transliterated`.
struct Compared {
  std::string plain;
  std::string text;
  bool transliterated = false;
};
Compared CompareForm(std::string_view lower_local);
// Whether `typed` and the known local part (with its CompareForm text
// `known_key`) are one mailbox written apart: the same once unquoted, or in
// other capitals outside ASCII; never with other accents or letters.
bool SameMailbox(const Compared& typed, std::string_view known_local, std::string_view known_key);
// gmail.com and googlemail.com, whose mailboxes ignore dots in the local
// part (Gmail Help, answer 7436150).
bool DotsIgnored(std::string_view domain);
// `a` and `b` equal once their dots are dropped.
bool SameWithoutDots(std::string_view a, std::string_view b);
// `local` with its dots dropped: how a DotsIgnored domain reads it.
std::string WithoutDots(std::string_view local);

// Name parts of a lower-case local part: "john.a.smith" -> john, a, smith,
// separated by '.', '_', '-' or (in a quoted local part) ' '. More than
// kMaxParts parts, or an empty one, gives n == 0: not a name. The views
// point into the argument.
struct Parts {
  std::array<std::string_view, kMaxParts> p;
  size_t n = 0;
};
Parts Split(std::string_view local);

// How two local parts compare by their numbers (typed first).
enum class NumberJudgement {
  kNotNumbers,           // not equal once digits are dropped: other rules judge
  kNumberAddedOrDropped, // one has digits, the other none: john.smith2, a slip
  kOneDigit,             // one digit swapped, dropped, added or changed: a slip
  kOtherNumber,          // a series of desks (support1/support2) or another number
};
NumberJudgement JudgeNumbers(std::string_view typed, std::string_view known);

// The same parts in any order (smith.john for john.smith).
bool SameMultiset(const Parts& a, const Parts& b);

// The index of the one part where `a` and `b` (as many parts each) differ;
// `a.n` when they have other counts, no part differs or two do
// (given_name_list.h, family_name_list.h: one name changed, the rest equal).
size_t OnlyDifferingPart(const Parts& a, const Parts& b);
// A name part dropped or cut to its initial (jsmith, j.smith, john, smith
// for john.smith); `allow_drop` false leaves out the dropped part.
// `typed` is the whole local part `t` was split from.
bool Shortened(std::string_view typed, const Parts& t, const Parts& k, bool allow_drop = true);
// Given names kept as the frequent address's initials or merged ones, a
// family name dropped from a double one (j.smith for j.smith-jones,
// ma.jones for mary.ann.jones, vd.berg for van.der.berg).
bool InitialsKept(std::string_view typed, const Parts& t, const Parts& k);
// The family name first and the given name's initial after it (smith.j,
// smithj for john.smith).
bool InitialAfterFamily(std::string_view typed, const Parts& t, const Parts& k);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_LOCAL_PART_RULES_H_
