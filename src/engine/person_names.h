// The names of people as the address-typo index keys them: a display name
// or an address's local part read as (given, family) pairs, lower-case
// ASCII, and the keys people are found by (address_typo_elsewhere.cc,
// address_typo_near_name.cc).
//
// Thread safety: pure functions.
#ifndef NEARMISS_ENGINE_PERSON_NAMES_H_
#define NEARMISS_ENGINE_PERSON_NAMES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nearmiss::engine {

// A name word worth keying a person by: two letters or more, letters only
// (an initial, "j", or a number names no one in full), and no role word
// ("accounts", "service": role_words.h, a desk and no one).
bool ElsewhereNameWord(std::string_view w);

// "scope\ngiven family": a person of `scope` ("" the organisation, else a
// sender, folded).
std::string ElsewhereKey(std::string_view scope, std::string_view given,
                         std::string_view family);

// "scope\ng given" or "scope\nf family" (`part` 'g' or 'f'): a name by one
// of its two parts.
std::string NamePartKey(std::string_view scope, char part, std::string_view word);

// The (given, family) pairs a display name reads as, in full: whole and
// each part between the organisation or role qualifiers directories write
// ("Mary Jones - NHS", "Mary Jones | NHS", "NHS - Mary Jones", "Mary
// Jones, NHS", "Mary Jones via NHS", "Mary Jones / Practice Manager"),
// by the one reader the same-domain comparison uses (DisplayNameReadings,
// display_name.h; the issue-14 tester, round 44, finding 2).
// A name in a script the ASCII folding does not read ("Иван Петров",
// "李伟", "محمد علي") has no (given, family) reading; it is read whole, as
// ("", WholeScriptName), so the exact name a contact was learned under names
// that contact over another address (round 47's tester 14, finding 2).
std::vector<std::pair<std::string, std::string>> ElsewhereReadings(std::string_view display);

// The keys a name in a script the ASCII folding does not read is known
// by: `display` decoded (RFC 2047), NFKC, case folded (ICU), quotes,
// commas and bracketed qualifiers ("(Client)") dropped; its parts sorted
// (any order), and each pair of them too for a name of three or four
// parts (a patronymic); Han, Kana and Hangul parts run together. Empty
// unless it holds two letters or more, one of them outside ASCII (round
// 48's tester 14, finding 1: only the exact form learned matched).
// WholeScriptName: the first of them, the whole name.
std::vector<std::string> WholeScriptNames(std::string_view display);
std::string WholeScriptName(std::string_view display);

// A local part (its CompareForm text) read as a name, as DisplayNames reads
// one (the first word given, the last family, the words between dropped),
// in either order, the domain's order being unknown: john.smith and
// smith.john are John Smith, daan.de.vries Daan (De) Vries. None for one
// part or parts that are no name words (jsmith, s1234567).
std::vector<std::pair<std::string, std::string>> LocalPartNames(std::string_view key);

// Whether two name words (lower-case ASCII) are near misses of each other,
// the slip a display name typed or picked by autocomplete makes: one edit
// (optimal string alignment: insert, delete, substitute, swap two
// neighbours) with the longer word of 4 letters or more (jon/john,
// jhon/john, smyth/smith, jone/jones), or two edits with both words of 4
// letters or more (marie/mary). Equal words are not near misses; nor are
// words of 3 letters or fewer one edit apart (ann/ana, lee/lea: another
// name as often as a slip).
bool NearNameWord(std::string_view a, std::string_view b);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_PERSON_NAMES_H_
