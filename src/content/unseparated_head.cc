// UnseparatedHead (unseparated_head.h).
#include "content/unseparated_head.h"

#include "base/ascii.h"
#include "content/banner_tail.h"
#include "content/government_furniture.h"
#include "content/line_text.h"
#include "content/position.h"
#include "content/subject_idioms.h"
#include "content/word_strength.h"

namespace nearmiss::content {

const char* UnseparatedHead(const PatternEntry& p, TextKind kind, std::string_view text,
                            const RawMatch& m) {
  // "site/PROTECTED/index.html", "SECRET/plan.docx": a bare level word as
  // a whole folder of a file's path names where the files were kept, not
  // their marking; it counts where the message agrees (subject_idioms.h,
  // WholeFolderOfPath; round 58's tester 13, finding 1).
  if (kind == TextKind::kAttachmentName && (p.heading_word || OrdinaryMailWord(p)) &&
      WholeFolderOfPath(text, m.begin, m.end)) {
    return "a folder of a file's path, not the file's marking";
  }
  // A bare level word leading a subject or a file name with no separator,
  // no caveat or control after it (corpus README, round 58):
  // - a word whose scheme marks a subject with the separator or a label
  //   ("[SEC=PROTECTED]", "PROTECTED:"; pack.h, subject_head) and that is
  //   also an everyday adjective ("PROTECTED species survey", "PROTECTED
  //   characteristics training", "RESTRICTED parking notice") counts only
  //   where the message agrees;
  // - any level word before everyday words in capitals ("SECRET CINEMA
  //   TICKETS 2026", "PROTECTED SPECIES SURVEY 2026.txt"): an event's or a
  //   survey's name, where a message's own title in capitals names an
  //   operation, a report or a unit (subject_idioms.h).
  // The UK and US level words keep "SECRET deployment plan": their schemes
  // write the bare word leading a subject (uk.toml, us-classified.toml).
  if ((p.heading_word || p.subject_head != SubjectHead::kAny) &&
      !FollowedBySeparator(text, m.end) && !KnownTailThenSeparator(text, m.end) &&
      !KnownBannerTail(text, m.end, /*numbers_known=*/false) &&
      // Not a gateway's tag or a version alone after it ("PROTECTED
      // [EXTERNAL]"): SubjectDecorationStart takes a year for a number.
      (SubjectDecorationStart(text, m.end) != m.end || FollowedByLowerCaseWord(text, m.end) ||
       FollowedByEverydayCapitals(text, m.end))) {
    if (p.subject_head == SubjectHead::kTitle || p.subject_head == SubjectHead::kAlone) {
      return "no separator after a word its scheme writes with one (PROTECTED:)";
    }
    std::size_t w = m.end;
    while (w < text.size() && IsBlank(text[w])) ++w;
    if (!OpensWithOrderName(text.substr(w)) && FollowedByEverydayCapitals(text, m.end)) {
      return "everyday words in capitals after it: a name (an event, a survey)";
    }
  }
  return nullptr;
}

}  // namespace nearmiss::content
