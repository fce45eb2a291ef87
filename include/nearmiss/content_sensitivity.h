// Sensitivity: the ordered level scale and the findings that set a message's
// level.
//
// Every marking pack (UK, US classified, CUI, NATO/EU, header labels) maps its
// forms onto one scale: none < OFFICIAL < OFFICIAL-SENSITIVE < SECRET <
// TOP SECRET < unknown-label. The last is not a marking: it is a sensitivity
// label that is present (a Purview label name in msip_labels, say) but that
// neither the label table nor the policy can place. It may be as high as the
// highest, so it orders above TOP SECRET and never compares as `none`. A Finding says which marking was seen, where, and whether its
// position makes it strong (a subject prefix, a banner line, a portion mark, a
// header label, a validated detector, a policy pattern) or weak (a loose word
// in running text: "the secret to a good soup"). Only strong findings raise the
// message's level.
//
// Thread safety: plain values.
#ifndef NEARMISS_CONTENT_SENSITIVITY_H_
#define NEARMISS_CONTENT_SENSITIVITY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

// Ordered: comparisons (<, >) follow the scale.
enum class Level {
  kNone = 0,
  kOfficial,
  kOfficialSensitive,
  kSecret,
  kTopSecret,
  kUnknownLabel,  // a label present but not on the scale; see above
};

// The exact names: "none", "OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET",
// "TOP SECRET", "unknown-label".
std::string_view LevelName(Level level);

// Accepts the exact names, case-insensitively, with '_' or ' ' for '-' and
// vice versa ("official_sensitive", "top-secret"). nullopt when unknown.
std::optional<Level> ParseLevel(std::string_view name);

enum class Strength { kWeak, kStrong };
std::string_view StrengthName(Strength strength);  // "weak" | "strong"

// A finding's `marking` is the pack's name for the form it saw, or one of
// these kinds of its own (the first three are ConditionFindingNames()):
//   "unknown-label"         pack "labels": a label nothing places
//   "encrypted-attachment"  pack "archive": content encrypted, unread
//   "doubted-marking"       pack "doubt": a lone level word on a body's
//                           first or last line that nothing agrees with
//                           (the twin of the word's own weak finding)
//   "disabled-label"        pack "labels", weak, level none: a Purview
//                           label whose keys say _Enabled=false
//   limits, pack "limit" (where "limit"; the message is incomplete):
//                           "max-message-bytes", "max-mime-depth",
//                           "max-parts", "max-attachment-bytes",
//                           "max-total-bytes", "max-archive-depth",
//                           "max-archive-members", "max-compression-ratio",
//                           "max-extraction-time", "max-text-bytes",
//                           "max-matches", "scan-budget",
//                           "unreadable-attachment"
struct Finding {
  std::string marking;  // the pack's name for the form: "SECRET//NOFORN"
  // A marking pack's name ("uk", "us-classified", "us-cui", "nato-eu", "au",
  // "labels", "de", a pack file's own), "policy-labels" (the policy's label
  // table), "detector", "custom" (a policy pattern), or one of the packs
  // above: "archive", "doubt", "limit".
  std::string pack;
  Level level = Level::kNone;
  // "subject", "header:<Name>", "body", "attachment-name",
  // "attachment:<filename>", or "limit" for a bound that was hit.
  std::string where;
  // Byte offset into the normalised UTF-8 text of that place (see
  // normalize in src/content); 0 for limits.
  std::size_t offset = 0;
  // The matched text (detector hits are masked: "4111 **** **** 1111"); for a
  // limit, what was hit.
  std::string text;
  Strength strength = Strength::kWeak;
  // Why a marking is as strong as it is: the place rule that decided
  // ("on a banner line", "a labelled line", "leads the subject", "inside a
  // sentence", "alone over the text, a heading's place", ...), and for a
  // doubtful one whether another marking agreed
  // (Sensitivity::Corroborate). Empty for labels read from headers'
  // values, detectors, custom patterns and limits. Shown by `policy
  // explain` (issue 13, round 43 tester finding 5).
  std::string why{};
  // A doubtful marking (a bare portion mark in a place a list label or a
  // person's initials could take, a lone level word inside a page's banner
  // zone but not on its first or last line, a bare level word as the
  // heading of the text): weak until Sensitivity::Corroborate decides
  // whether the message agrees; then strong, or left a weak finding.
  bool needs_corroboration = false;
  // A doubtful level word of a bulk mail's text (TextKind::kBulkBody); it
  // is shown so, and agrees with its mail's other banners as any does.
  bool bulk = false;
  // The part of a document the finding is in, as its reader names it:
  // `sheet "Source" (hidden)`, `slide 2`, `notes of slide 1`, `page 3`,
  // `footnotes`, `page header`, `document properties`; empty where the
  // reader knows none (a body, a text file, a document's main text). An
  // offset alone counts characters of an extraction nobody sees (issue 13,
  // round 43 tester finding 6).
  std::string place{};  // {}: aggregate initialisers may leave it out
  // The page of its text the finding is in: the form feeds before its
  // offset (a PDF's pages, an Office package's parts), 0 for the first;
  // what `place` is looked up by.
  std::size_t page = 0;
};

// Findings a policy rule can ask for by name (rule key `finding`), each
// the Finding::marking of its kind:
//   "unknown-label"         a label present but not on the scale (level
//                           unknown-label, pack "labels"; text the name)
//   "encrypted-attachment"  an encrypted archive member or document that
//                           could not be read (pack "archive"; where
//                           "attachment:<file>/<member>")
//   "doubted-marking"       a level word alone in a banner's place (a
//                           body's first or last line) that nothing else in
//                           the message agrees with: read, not counted
//                           (level that of the word, strength weak, pack
//                           "doubt"); the default policy confirms it with
//                           the sender when it goes outside
const std::vector<std::string>& ConditionFindingNames();

struct Sensitivity {
  Level level = Level::kNone;  // highest strong finding
  std::vector<Finding> findings;
  // False when a bound (size, depth, parts, bytes, time) stopped extraction:
  // the level is then a lower bound.
  bool complete = true;

  // Appends and raises `level` when the finding is strong.
  void Add(Finding finding);
  // Whether a finding with this marking is present.
  bool Has(std::string_view marking) const;
  // Settles the doubtful findings once the whole message is read. One is
  // made strong (and raises `level`) when the message agrees: a strong
  // finding of a marking pack above none (a banner, a classification in a
  // strong place, a portion mark, a label; a "(U)" says nothing is
  // classified, so it agrees with nothing), or, for a portion mark, another
  // doubtful portion mark of the same pack and a different name ("(S) Route
  // B\n(U) Fair", "(NR) ...\n(NU) ..."), or, for a lone level word, the same
  // word on another banner line (top and bottom of a page), and a lone
  // level word and a bare portion mark agree with each other at the same
  // level ("SECRET" heading, "(S) Convoy timings" subject). The others stay
  // weak findings: a lone "(S) Blue T-shirt" subject, "(TS) Tom to send
  // the slides", "TOP SECRET" heading an advert. Detector,
  // policy-pattern and limit findings corroborate nothing.
  void Corroborate();
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SENSITIVITY_H_
