// Common East Asian family names, as data: the Chinese (pinyin), Japanese
// (Hepburn) and Korean family names of data/names/{chinese,japanese,
// korean}-family-names.txt (each file's header gives its public source),
// and the address-typo rule they give. A few family names cover most of
// each population (the top five Chinese ones 30.8% of 1.4 billion people,
// Kim 21.5% of Koreans), so two people at one partner often share a given
// name and differ in a family name one or two letters away: zhang.wei
// beside the frequent wang.wei, k.tanabe beside k.tanaka, sato beside
// saito. Such an address is another person far more often than a slip
// (issue 14, round 54's brief, item 1), so AddressIndex (address_typo.h)
// gives it the kind other-common-family-name and a low score, which the
// embedded default policy warns on instead of confirming.
//
// Western family names are not listed: smyth for smith is a slip as often
// as another person, and stays one (edit).
//
// Thread safety: pure functions over immutable tables built on first use
// (a function-local static).
#ifndef NEARMISS_ENGINE_FAMILY_NAME_LIST_H_
#define NEARMISS_ENGINE_FAMILY_NAME_LIST_H_

#include <string_view>

#include "engine/local_part_rules.h"
#include "nearmiss/status.h"

namespace nearmiss::engine {

// Whether `a` and `b` (lower-case ASCII) are two different common family
// names of one naming tradition: both on one of the lists, and no line
// of it gives both as spellings of one name (satoh and sato, jeong and
// jung, lyu and lv are one name each). Two names one letter dropped or
// added apart (wan and wang, chen and cheng, ki and kim, sato and saito)
// are a typing slip: false.
bool OtherCommonFamilyNames(std::string_view a, std::string_view b);

// The rank of `word` (lower-case ASCII) among the common family names:
// the smallest line number of a list that spells it (the lists are in
// order of frequency), or -1 when no list does.
int CommonFamilyNameRank(std::string_view word);

// Checks the embedded lists: kInvalidArgument naming FILE:LINE and the word
// that is not lower-case a-z.
Status CheckCommonFamilyNames();

// Whether the typed local part differs from the frequent one in a family
// name alone, both names common and different (OtherCommonFamilyNames):
//   - two or more parts, the first or the last differing, whatever the
//     domain's name order (name_order.h reads it by Western given names: a
//     Korean partner's kim.minjun reads as given first): zhang.wei for
//     wang.wei, k.tanabe for k.tanaka, kang.minjun for jang.minjun;
//   - one part, the family name at one end and the same letters (a given
//     name or an initial) at the other: zhangwei for wangwei, ktanabe for
//     ktanaka, weizhang for weiwang.
// `typed` and `known` are the two local parts as compared (lower case),
// `t` and `k` their Split parts. The caller has found the two within one
// or two edits.
bool OtherCommonFamilyName(std::string_view typed, const Parts& t, std::string_view known,
                           const Parts& k);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_FAMILY_NAME_LIST_H_
