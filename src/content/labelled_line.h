// Labelled lines: a marking written as the value of a key that names it
// ("Classification: SECRET", "Protective marking - OFFICIAL-SENSITIVE",
// "Classification | UK SECRET", "This email is classified as SECRET").
// Used by IsBannerMarking and IsLabelledLine (position.h).
//
// The keys are the words the standards' manuals and the labelling tools
// put before a marking: "Classification" and "Security classification"
// (DoDM 5200.01 Vol 2 encl. 4, the DoD e-mail's "CLASSIFICATION:" line;
// NATO C-M(2002)49 and AC/35-D/2002, "security classification"; UK GSC
// 2023 and PSPF 2018, "security classification"), "Protective marking"
// (the UK GPMS and the Australian PSPF), "Caveats" (DoD e-mail),
// "Sensitivity" and "Classified as" (Purview's content marking, Microsoft
// Learn, "Learn about sensitivity labels"), and the keys senders type
// ("Class:", "Marking:", "Security level:", "Handling:").
//
// Separators (issue 13, round 43 tester finding 1): a colon, also with
// blanks before it ("Classification :", French typography) or doubled
// ("Classification :: SECRET"), is the key's own; a hyphen or dash (the
// normaliser folds U+2010..U+2015 to '-'), a pipe, an equals sign or '>'
// runs, as plain-text templates and signature blocks write the pair, are
// loose. A classification key ("Classification", "Security
// classification", "Protective marking") may also be set off by blanks
// alone on the marking's own line ("Classification UK SECRET").
//
// Offsets are byte offsets into the normalised text; pure functions,
// nothing allocates.
#ifndef NEARMISS_CONTENT_LABELLED_LINE_H_
#define NEARMISS_CONTENT_LABELLED_LINE_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

enum class LineLabel {
  kNone,
  // The key's colon or phrase: "Classification: SECRET", "Classification:\n
  // SECRET" (the key alone on the line above, one blank line allowed
  // between, as HTML table cells come out), "Classified as SECRET".
  kKeyed,
  // A loose separator or blanks: "Classification - UK SECRET",
  // "Classification | UK SECRET", "Classification UK SECRET", "This
  // document is classified UK SECRET". On the marking's own line only,
  // except a separator after a key alone on the line above
  // ("Classification -\nSECRET").
  kLoose,
};

// How the match starting at `begin`, on the line starting at `line_begin`,
// is labelled: a key leads its line (blanks and "This <thing> is " before
// it allowed) and only decoration stands between the key and the match.
LineLabel LabelBefore(std::string_view text, std::size_t line_begin,
                      std::size_t begin);

// The match [begin, end) is a labelled value a banner counts as: kKeyed or
// kLoose, with nothing after it on its line but banner furniture
// (KnownBannerTail: "Classification: OFFICIAL-SENSITIVE Personal") or
// words that do not run on as a sentence (the next word
// on its line in lower case, or a line ending in ". ! ?" after more words:
// "Classification - SECRET documents are kept in the safe."; a full stop
// right after the marking, "This document is classified UK SECRET.",
// ends the statement). A colon does not make a sentence a label's value:
// "Classification: UK SECRET material is handled in room 4 only." and
// "Class: UK SECRET handling (e-learning), 3 places left" are prose
// (issue 13, round 44 tester finding 9).
bool LabelledValue(std::string_view text, std::size_t begin, std::size_t end);

// The match starting at `begin` stands inside the prose value of a "Key:
// value" line, not as the value: "Duties: classify items under the USML
// and the CCL (e.g. ECCN 3A001, USML Category XI), file licences." The key
// is one to four words leading its line, then a colon; the value does not
// start with the match, and holds three words or more in lower case, two
// of them before the match and one after it (a sentence's words running
// through it, not a rating's and its note: "EAR - ECCN 3A001, licence
// required" counts; "ECCN: 3A001", "Export classification: 3A001 (EAR)" keep the
// value's weight). A quoted reply's "Subject:" line is a title, not prose.
// A job advert or a course page names ratings as examples of its work
// (round 59's tester 13, finding 4).
bool InLabelledProse(std::string_view text, std::size_t begin);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LABELLED_LINE_H_
