// The runs of words of a display name that are ONE given name, so that no
// part of one is matched alone against another person's name (issue 14,
// tester 14 round 56c, findings 1 and 2):
// - a hyphenated run ("Seo-jun", "Hans-Jürgen"): "Kim Seo-jun" is not
//   "Kim Min-jun" for sharing "jun". The split form only equals the joined
//   one: "Seo-jun" = "Seojun" = "Seo Jun", and "H.-J." the initials of
//   "Hans-Jürgen". A hyphenated run may also be a double family name,
//   either half of which is used alone ("Okonkwo-Adeyemi" names "Adeyemi"),
//   so a part of it may match a learned word that stands alone, never one
//   that is itself part of a learned run.
// - a theophoric or kunya prefix and the name after it ("Abdul Aziz",
//   "Abd al-Rahman", "Abu Bakr", "Umm Kulthum":
//   data/names/compound-given-prefixes.txt): "Abdul" alone names no one,
//   on either side.
// And the local part that writes such a run joined: "Mary Kate Jones" fits
// marykate@, "Kim Seo-jun" fits seojun.kim@ (docs/policy.md, display-name:
// a name that fits the address it is on is not a slip).
//
// Thread safety: pure functions over an immutable table built on first use.
#ifndef NEARMISS_ENGINE_NAME_GROUPS_H_
#define NEARMISS_ENGINE_NAME_GROUPS_H_

#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::engine {

// Whether `word` (lower-case ASCII) starts a compound given name
// (data/names/compound-given-prefixes.txt).
bool IsCompoundGivenPrefix(std::string_view word);

// Whether the one-given-name runs of `typed` and `learned` (display names
// as written) agree: each run of `typed` that shares a word with `learned`
// is in `learned` whole (joined, or its parts in order, initials allowed),
// and each prefix run of `learned` that shares a word with `typed` is in
// `typed` whole. Where they do not, the two names are two people however
// their other words match. With `near_miss` a run may be written with a
// slip (NearNameWord, person_names.h): "Abdul Rahmen" for "Abdul Rahman",
// for the near-miss reading (address_typo_near_name.cc).
bool NameGroupsAgree(std::string_view typed, std::string_view learned, bool near_miss = false);

// The local part of `address` with its separators ('.', '_', '-', '+')
// as blanks: the name it writes.
std::string LocalPartAsName(std::string_view address);

// NameGroupsAgree with the display name `address` was learned under in
// `learned_names` (AddressIndex's address -> name map), or when it was
// learned under none with its local part's words (abdul.rahman@ is "Abdul
// Rahman", jean.martin@ "Jean Martin").
template <typename Names>
bool LearnedNameGroupsAgree(const Names& learned_names, const std::string& address,
                            std::string_view display, bool near_miss = false) {
  auto it = learned_names.find(address);
  if (it != learned_names.end()) return NameGroupsAgree(display, it->second, near_miss);
  return NameGroupsAgree(display, LocalPartAsName(address), near_miss);
}

// Whether the local part `local` (folded, as compared) is written from the
// words of `display` with at least two of them run together: each of its
// parts (split at '.', '_', '-') is one word or a run of consecutive words,
// none used twice ("marykate" for "Mary Kate Jones", "seojun.kim" and
// "kim.seojun" for "Kim Seo-jun", "abdulaziz" for "Abdul Aziz Al-Khalifa").
bool LocalPartJoinsNameWords(std::string_view local, std::string_view display);

// The unhyphenated double family names of `display`: a particle (or two,
// "de la") and the two names that end the name, either of which is used
// alone ("Maria da Silva Santos": silva and santos; the Portuguese and
// Brazilian order of the mother's family name, then the father's, both
// kept, with the particles da, de, do, das, dos between; round 56c's tester
// 14, finding 3). As HyphenedGroups (name_words.h) for "Okonkwo-Adeyemi".
std::vector<std::vector<std::string>> ParticleDoubleFamilies(std::string_view display);

// Checks the embedded list: kInvalidArgument naming
// data/names/compound-given-prefixes.txt:LINE and the word that is not a-z.
Status CheckCompoundGivenPrefixes();

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_NAME_GROUPS_H_
