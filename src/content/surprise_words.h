// Words with which everyday mail says the bare tier of a surprise or as a
// joke: "TOP SECRET - surprise party for Jo", "TOP SECRET... don't tell
// Jo", "TOP SECRET 🤫", "This email is TOP SECRET. Jo must not know about
// the party." The standards write a marking plainly, in capitals at the top
// and bottom of a page or as the text's stated level (UK GSC 2023, DoDM
// 5200.01 Vol 2); none writes an emoji or a party beside it (round 51's
// tester 13, finding 5; round 52's, finding 3).
//
// Offsets are byte offsets into normalised text; pure functions.
#ifndef NEARMISS_CONTENT_SURPRISE_WORDS_H_
#define NEARMISS_CONTENT_SURPRISE_WORDS_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// The reason a bare tier beside a surprise or a joke counts only where the
// message agrees (word_strength.cc). Such a line agrees with no other: "TOP
// SECRET!" at a party note's top and foot is one note shouting twice, not
// two markings (sensitivity.cc; round 57b's tester 13, finding 5).
inline constexpr char kSurpriseWhy[] = "a bare tier beside a surprise or a joke (a party, an emoji)";

// A smiley (":)", ";-)", ":D", ":P") or an emoji (a four-byte UTF-8
// sequence) at `i` of `s`.
bool SmileyAt(std::string_view s, std::size_t i);

// The line of the match [begin, end) keeps a surprise or jokes: an
// exclamation mark right after the match ("TOP SECRET!!"), a smiley or an
// emoji after it, or, anywhere on the line, a word that asks for
// quiet or keeps something from someone ("shh", "don't tell", "must not
// know", "birthday", "surprise party", "party for", "hen do"), or a party
// word right after the tier ("TOP SECRET party", "TOP SECRET drinks",
// "SECRET Saturday plans") or "surprise" right after it at the
// line's end ("TOP SECRET surprise"). Not "surprise" alone
// ("SECRET: surprise inspection of the depot") nor "party" alone ("any
// third party", "working party").
bool KeepsSurprise(std::string_view text, std::size_t begin, std::size_t end);

// KeepsSurprise, or "surprise" or "find out" anywhere on the line: in a
// sentence that states the text's level ("This message is SECRET, it's a
// surprise!") the words are the sentence's own (self_statement.h,
// EmphaticStatement).
bool SurpriseOnLine(std::string_view text, std::size_t begin, std::size_t end);

// A message's text that keeps a surprise anywhere: the words of
// KeepsSurprise that say so without the marking's line ("shh", "don't
// tell", "birthday", "surprise party", "a surprise"), not those a marked
// text writes too ("party for", "the party": a working party; "spoil").
// For a bare tier on a banner line over a party's note ("** TOP SECRET
// **\n\nSurprise party for Jim Friday 6pm.\n\n** TOP SECRET **"), where
// the note's words stand on their own line (round 53's tester 13,
// finding 5). Linear in the text.
bool TextKeepsSurprise(std::string_view text);

// TextKeepsSurprise of `raw` as the scanner reads it (normalize.h: curly
// apostrophes, "don’t tell"): for a message's body before or after it is
// scanned.
bool RawTextKeepsSurprise(std::string_view raw);

// While one lives, the subject scanned on this thread belongs to a message
// whose body keeps a surprise (TextKeepsSurprise): a bare tier leading it
// counts only where the message agrees, as the body's own banner lines
// over such a note are weak (round 56b's tester 13, finding 4). Set by the
// message walker around a second reading of the subject
// (MessageWalker::RereadSubjectOverSurprise); a scan runs on its caller's
// thread, so the scanner's API stays as it is.
class BodySurpriseScope {
 public:
  BodySurpriseScope();
  ~BodySurpriseScope();
  BodySurpriseScope(const BodySurpriseScope&) = delete;
  BodySurpriseScope& operator=(const BodySurpriseScope&) = delete;

 private:
  bool outer_;
};

// Whether a BodySurpriseScope lives on this thread.
bool BodyKeepsSurpriseNow();

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SURPRISE_WORDS_H_
