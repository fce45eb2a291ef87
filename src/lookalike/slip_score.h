// How likely a difference between a typed and a trusted name is a slip, and
// how to name it: the scores and words the candidate finders of
// detector_*.cc share. Scores are in [0, 1]; a candidate at or above
// LookalikeOptions::threshold is reported. Pure functions: thread-safe.
#ifndef NEARMISS_LOOKALIKE_SLIP_SCORE_H_
#define NEARMISS_LOOKALIKE_SLIP_SCORE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lookalike/edit.h"
#include "lookalike/trusted_set.h"
#include "nearmiss/lookalike.h"

namespace nearmiss::lookalike {

// The registrable-level name under a trusted entry: for a namespace one
// label more than the namespace ("army.mil" of "hr.army.mil").
std::string TargetUnder(const Entry& e, std::string_view covered);

// "the TLD .ml is missing an 'i'", "the ending .com.ua has 'ua' where ...";
// lower-case ASCII in, an A-label shown and edited as its U-label ("the TLD
// .ру has 'у' where 'ф' belongs", not the letters of xn--p1ag).
std::string SuffixDetail(std::string_view typed, std::string_view intended);

// BoundedDamerau of two endings given in ASCII (A-labels), counted on what
// a sender types and reads: an IDN label as its U-label (.中國 is one
// character from .中国; their A-labels xn--fiqz9s and xn--fiqs8s are two
// apart), in code points. Plain ASCII endings are compared as they are.
int SuffixDistance(std::string_view typed_ascii, std::string_view intended_ascii, int limit);

// The reason code of a one-edit slip in a name.
ReasonCode CodeFor(EditKind kind);

// Organisation and protected domains are the ones an organisation names
// itself: its senders aim at them far more often than at an arbitrary
// provider, so a near miss of one is more likely a slip.
bool Declared(TrustSource s);

// True when `typed` is `intended` with one of a doubled letter left out
// ("at" for "att"): as common a slip as a doubled key.
bool DoubledLetterDropped(std::string_view typed, std::string_view intended);

// How sure we are that one edit `e` of a name `len` letters long is a slip.
// Short names have many real neighbours, so one edit there says less, unless
// the name is one the organisation declared (see Declared).
double TypoScore(size_t len, const Edit& e, bool declared, bool doubled_dropped = false);

// How likely a person who meant `intended` types `typed`, in (0, 1]: ranks
// the targets of one typed name that score alike (yahoo.co.k: yahoo.co.kr
// cut short, or yahoo.co.uk missing its 'u'?). Not a confidence: the score
// decides whether a name is a look-alike, this only which target is named.
// The order follows the slips people make (Damerau 1964; Grudin, "Error
// patterns in novice and skilled transcription typing", 1983): a name cut
// short at its end, then a swapped pair, a doubled or an undoubled letter,
// then a letter left out or a neighbouring key, then keys further apart by
// their QWERTY distance, then a stray letter, then anything of two edits.
double SlipLikelihood(std::string_view typed, std::string_view intended);

// How often the trusted entry at `position` (its id: the order of the
// organisation's lists, then the embedded provider list, which names the
// biggest domains first) is the one meant, relative to the others: a mild
// prior, so an entry 100 places further down needs a slip twice as likely
// to be named (wmail.com: gmail.com one bit off, not email.com one key off).
double TargetPrior(uint32_t position);

// How much more often a target the organisation sent `messages` messages to
// is the one meant than a target it never wrote to: 1 + log10(1 + messages)
// (1 for none, 2 for 9, 3 for 99, 4 for 999). Logarithmic, as a
// correspondent's hundredth message says less than its first; only ranks
// targets that score alike (the frequency of the target among what the
// organisation writes to, issue 15 item 4).
double OrganisationPrior(int64_t messages);

// True when `typed` and `intended` differ only by the strongest glyph
// confusions (0/o, 1/l/i): a reader cannot tell them apart.
bool StrongGlyphs(std::string_view typed, std::string_view intended);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_SLIP_SCORE_H_
