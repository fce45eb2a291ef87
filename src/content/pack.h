// Marking packs: TOML data files (data/markings/*.toml) that list the forms
// of protective markings and header labels and map each onto the Level scale.
//
// Format (see data/markings/uk.toml for a commented example):
//   pack = "uk"
//   [[marking]]
//   name = "OFFICIAL-SENSITIVE"      # reported as Finding::marking
//   level = "OFFICIAL-SENSITIVE"     # a Level name
//   kind = "classification"          # classification | banner | portion | label
//   forms = ["OFFICIAL-SENSITIVE"]   # literal text: ' ' matches any run of
//                                    # blanks, '-' allows blanks around it
//   regex = ['...']                  # or Vectorscan expressions, which may
//                                    # use {name} from [define]
//   case_sensitive = false           # default: false for classification and
//                                    # label, true for banner and portion
//   mixed_case = false               # may it count written in mixed or lower
//                                    # case? default: false for
//                                    # classification (the standards write
//                                    # markings in capitals and the words are
//                                    # everyday English), true otherwise
//   spaced = false                   # also match the letter-spaced legacy
//                                    # form of each literal: "S E C R E T",
//                                    # in capitals only
//   heading_word = false             # the form is an everyday word that
//                                    # also heads adverts and personal mail
//                                    # ("TOP SECRET" over a menu): alone and
//                                    # undecorated on a body's first line
//                                    # it counts only if the message agrees
//                                    # (position.h, IsBareHeading)
//   footer_word = false              # the form is also a business footer
//                                    # ("CONFIDENTIAL" closing a company
//                                    # signature): alone and undecorated
//                                    # on a body's last line, under text,
//                                    # it counts only if the message agrees
//                                    # (position.h, IsBareFooter)
//   subject_head = "any"             # a level word whose scheme marks a
//                                    # subject another way ([SEC=...], the
//                                    # CUI banner atop the body) and that
//                                    # is also everyday English, leading a
//                                    # subject: "any" counts before any
//                                    # words; "title" counts alone or
//                                    # before a title, before a sentence
//                                    # only if the message agrees; "alone"
//                                    # counts alone, before any words only
//                                    # if the message agrees (position.h,
//                                    # ReadSubjectRest); "only": an
//                                    # abbreviation that counts leading a
//                                    # subject, in capitals, set off by
//                                    # ':', '//', ' - ', ' | ' or opening
//                                    # brackets ("CTS: exercise order",
//                                    # "[CTSA] annex"; position.h,
//                                    # AbbreviationLeadsSubject), and
//                                    # nowhere else
//   agree_only = false               # the form is also a common
//                                    # abbreviation, name or notice ("LOU":
//                                    # a letter of understanding, a first
//                                    # name, an airport; "OFFICIAL USE
//                                    # ONLY" on a pool car): where it would
//                                    # count, it counts only if the message
//                                    # agrees (another marking, or the same
//                                    # word on another banner line);
//                                    # kind "classification" or "banner"
//                                    # ("NOFORN" alone on its line)
//   line_alone = false               # kind = "banner" only: the form
//                                    # counts only alone on its line
//                                    # (blanks around it), as a
//                                    # distribution marking printed on a
//                                    # line of its own ("LIMITE") and not
//                                    # the word in a sentence or a heading
//                                    # ("DATE LIMITE : 15 mars")
//   extent = '...'                   # optional, Vectorscan syntax with
//                                    # {name}s: the whole marking read on
//                                    # from each match's start (a banner's
//                                    # further "//" fields, a REL TO list);
//                                    # its longest match there, if longer,
//                                    # is the finding's span. Kept out of
//                                    # the scan's database: an open tail on
//                                    # a short head ("S//NF...") makes
//                                    # Vectorscan scan all prose at a
//                                    # tenth of its speed (match_extent.h)
//   [label_values]                   # the words a classification scheme's
//   words = ["Internal", ...]        # values are made of: a labelled body
//   qualifiers = ["Only", ...]       # line ("Classification: Non-Public")
//                                    # whose value is such words (one from
//                                    # `words` at least) and that no pack or
//                                    # table places is unknown-label
//   [define]
//   sep = ' *// *'                   # a named piece of grammar: {sep} in a
//                                    # regex stands for (?: *// *)
//   [[label_header]]
//   header = "msip_labels"           # header name, case-insensitive
//   extract = 'MSIP_Label_[^_]+_Name=([^;]+)'  # ECMAScript, matched
//                                    # without case; group 1 is the label
//   decode = "base64"                # optional: decode the value first
//   enabled = 'MSIP_Label_([0-9a-f-]+)_Enabled=true'  # optional; group 1 is
//                                    # a label id: a label switched on whose
//                                    # id no extract match contains has no
//                                    # name, and is reported as unknown-label
//   disabled = 'MSIP_Label_([0-9a-f-]+)_Enabled=false'  # optional; group 1
//                                    # is a label id: an extract match that
//                                    # contains it is a label switched off
//                                    # for this item, reported weak
//   unnamed_is_unknown = false       # true: a header whose extract finds no
//                                    # name is unknown-label, not nothing
#ifndef NEARMISS_CONTENT_PACK_H_
#define NEARMISS_CONTENT_PACK_H_

#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/content_sensitivity.h"
#include "nearmiss/status.h"

namespace nearmiss::content {

enum class MarkingKind {
  // A level word (SECRET, OFFICIAL): strong where it leads a subject or stands
  // alone on a banner line, weak in running text.
  kClassification,
  // A composite form nobody writes by accident (SECRET//NOFORN, UK EYES
  // ONLY): strong anywhere.
  kBanner,
  // A portion mark ((S), (U//FOUO)): strong at the start of a paragraph,
  // ignored elsewhere ("item(s)").
  kPortion,
  // A label value ("Company-Confidential", "General"): matched only inside
  // label headers.
  kLabel,
};

// `subject_head` in the format above.
enum class SubjectHead { kAny, kTitle, kAlone, kOnly };

struct MarkingDef {
  std::string name;
  std::string pack;
  Level level = Level::kNone;
  MarkingKind kind = MarkingKind::kClassification;
  bool case_sensitive = false;
  // False: a match with a lower-case letter is only ever weak, and at the
  // head of a subject a separator must follow it ("SECRET:", not "SECRET
  // SANTA").
  bool mixed_case = true;
  bool heading_word = false;  // see the format above
  bool footer_word = false;   // see the format above
  SubjectHead subject_head = SubjectHead::kAny;  // see the format above
  std::string expression;  // Vectorscan syntax, {name}s expanded
  std::string extent;      // the same, or empty: see `extent` above
  std::string origin;      // "uk.toml:41"
  bool agree_only = false;  // see the format above
  bool line_alone = false;  // see the format above
};

struct LabelHeaderDef {
  std::string header;
  std::string extract;  // empty: the whole value is the label
  std::string enabled;  // empty: no check for labels without a name
  std::string disabled;  // empty: no label is switched off
  bool base64 = false;
  // The header's presence is a label: when extract finds no name, it is
  // reported as unknown-label (RFC 7444 SIO-Label without marking=).
  bool unnamed_is_unknown = false;
  std::string origin;
};

// [label_values]: the shape of a classification scheme's values, ASCII
// lower case (body_labels.cc, LooksLikeLabelValue).
struct LabelValueWords {
  std::vector<std::string> words;       // one at least in a value
  std::vector<std::string> qualifiers;  // may stand beside them
};

struct Pack {
  std::string name;
  std::vector<MarkingDef> markings;
  std::vector<LabelHeaderDef> label_headers;
  LabelValueWords label_values;
};

// Parses one pack. `file_name` is used in errors and origins.
Result<Pack> ParsePack(std::string_view toml_text, std::string_view file_name);

// Turns literal text into a Vectorscan expression (escapes metacharacters,
// loosens blanks and hyphens, adds word boundaries at word edges). With
// `run_together` (a pack's forms) a hyphen between two capital words may
// also be missing ("OFFICIALSENSITIVE": a soft hyphen dropped).
std::string LiteralToExpression(std::string_view literal, bool whole_word,
                                bool run_together = false);

// The letter-spaced legacy (typewriter) form of a literal:
// "TOP SECRET" -> \bT O P +S E C R E T\b.
std::string LetterSpacedExpression(std::string_view literal);

// The packs compiled into the library, in a stable order.
struct EmbeddedPack {
  std::string_view file_name;
  std::string_view text;
};
std::vector<EmbeddedPack> BuiltinPacks();

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PACK_H_
