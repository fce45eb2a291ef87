// The display name of an address, as a reader sees it: RFC 2047 encoded
// words decoded (`=?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?=`, what Outlook and
// Thunderbird write for a name outside ASCII) and the letters folded to
// the ASCII forms address local parts are written in, so a display name
// can be compared with the address it is attached to (engine/address_typo.h),
// and the person a display name names.
//
// Thread safety: may be called from any number of threads.
#ifndef NEARMISS_ENGINE_DISPLAY_NAME_H_
#define NEARMISS_ENGINE_DISPLAY_NAME_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nearmiss::engine {

// `display` (raw header text, possibly with encoded words; UTF-8 or ASCII)
// decoded (RFC 2047 section 6, by GMime) and folded to lower-case ASCII
// name forms, at most four, the first always there when `display` is not
// empty:
//   - accents stripped and look-alikes taken to their letter (UTS #39
//     skeletons, as the domain look-alikes are): "José García" ->
//     "jose garcia", "Jörg Müller" -> "jorg muller";
//   - and, when the name has a German umlaut or eszett, the transcription
//     people use in addresses (DIN 5007-2): "Jörg Müller" -> "joerg
//     mueller", "Strauß" -> "strauss"; and the Danish and Norwegian one
//     ("Søren" -> "soeren", æ ae, å aa);
//   - and each of those with a Gaelic "Mac" written "Mc" or "Mc" "Mac"
//     ("Mairi MacDonald" and "Mairi McDonald" are one name).
// Characters with no ASCII form are kept, lower case, and divide words.
std::vector<std::string> DisplayNameForms(std::string_view display);

// The display name's given and family names, lower case ASCII (pass a form
// from DisplayNameForms): "John Smith", "Smith, John", "John A. Smith",
// "Mr John Smith", "Dr. Smith, John", "John Smith (partner)", "John Smith
// [EXT]", "John Smith Jr"; and two words one of which is an initial, "P.
// Okonkwo", "Okonkwo, P.", "Maria G." (the initial in `given` or `family`
// as the words stand). Text in parentheses, brackets or braces is a
// qualifier (a company, "external"), not a name, and is skipped; so are
// titles (RFC 5322 leaves the phrase free; directories and clients put
// "Mr", "Dr" there) and generational or degree suffixes. False when fewer
// than two name words are left, or more than four.
bool DisplayNames(std::string_view display, std::string* given, std::string* family);

// The readings of a display name form (from DisplayNameForms) as given and
// family names: the whole (DisplayNames), and each part of it between the
// qualifiers people and directories put after a name: "John Smith - Partner
// Ltd", "John Smith | Partner", "John Smith, Partner Ltd", "John Smith /
// Sales", "John Smith – Partner" (any Unicode dash), "John Smith via
// LinkedIn", "John Smith at Partner", "John Smith @ Partner" (Outlook GAL
// entries, CRM-synced and LinkedIn contacts). A hyphen inside a word
// ("Lloyd-Webber") divides nothing. Parts that are no name (one word, five
// or more) give no reading; so "Smith, John" is read whole only.
// The other word orders are read too: a family name first without a comma
// ("NOVAK Petr"; two words in mixed case either way, more words when the
// family's are in capitals as written in `display`, the display name before
// folding: "GARCÍA LÓPEZ Ana María"), each word of a family name of two
// ("García López, Ana María") with the given name, and a double given
// name's initial ("DUBOIS Anne-Marie": a/dubois). Two words in mixed case
// are read family first too only with `ambiguous_order` ("Novak Petr",
// "Tanaka Taro"): what names a frequent address, not what the typed address
// is said to fit ("John Smith" <john.smithson@> names no Smith John).
// Each writing of the name (DisplayNameWriting) is read too.
std::vector<std::pair<std::string, std::string>> DisplayNameReadings(
    std::string_view form, std::string_view display = {}, bool ambiguous_order = false);

// Ways of writing one name that DisplayNameWriting rewrites to the form
// the readings compare: initials apart ("J. R. Tolkien", "J.R. Tolkien",
// "Tolkien, J. R." read as "Jr Tolkien", the jrtolkien of an address), and
// family particles apart from their name ("P. de Vries", "de Vries, P.",
// "Ludwig van Beethoven" read as "P. deVries", the p.devries of an
// address; particles from data/names/family-particles.txt). A particle
// that is the first word of a name without a comma is left ("Le Minh
// Tuan"). DisplayNameReadings reads every writing, so each writing of one
// name compares equal (issue 14, tester 14-b, finding 1).
// And, for Arabic names (tester 14-c, findings 1 and 3): the Arabic
// article of a family name joined to it whether hyphenated or spaced
// ("Al-Rashid", "al Rashid", "El-Sayed" read as "AlRashid", the alrashid of
// an address; kJoinParticles, "al" and "el" of family-particles.txt), and
// patronymic chains dropped (kDropPatronymics): "bin", "ibn", "bint",
// "binti", "ben" and the father's name after the given name, before a
// family name ("Muhammad bin Abdullah Al-Rashid" read as "Muhammad
// Al-Rashid"; the nasab of Arabic naming, written "bin"/"binti" in Malay).
// A chain that ends the name is its family name ("Yusuf ibn Khalid"), and
// a first word or a hyphenated one is a name ("Ben Carter", "Ben-Gurion").
inline constexpr int kJoinInitials = 1;
inline constexpr int kJoinParticles = 2;
inline constexpr int kDropPatronymics = 4;

// `text` (a display name form, or the display name as written) rewritten
// as `how` (kJoinInitials, kJoinParticles, kDropPatronymics, or'd) says; "" when that
// changes nothing.
std::string DisplayNameWriting(std::string_view text, int how);

// Whether `w` (lower case) is a generational or degree suffix written
// after a name: "jr", "sr", "iii", "phd".
bool IsNameSuffix(std::string_view w);

// The address a display name is when it is one (`"john.smith@x.org"
// <jane@x.org>`, what clients write when they had no name), lower case,
// quotes and angle brackets dropped; "" when it is not of that form (a
// blank inside it makes a phrase: "John Smith @ Partner").
std::string DisplayAddress(std::string_view display);

// Whether `local` (an address's local part) is written for the person
// named: with its digits and separators dropped, it is the family name with
// the given name, or with the given name's initial and nothing else, or one
// of the two names alone. "John Smith": john.smith, jsmith, smith.j,
// john.a.smith, smith, john; not jane.smith or smith.jane (another Smith).
// When one of the two is an initial (one letter), the other name whole and
// nothing else, or a word starting with the initial: "P. Okonkwo" names
// p.okonkwo, pieter.okonkwo, okonkwo; "Maria G." maria.garcia, garcia.maria.
bool NamesPerson(std::string_view local, std::string_view given, std::string_view family);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_DISPLAY_NAME_H_
