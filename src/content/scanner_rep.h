// The insides of Scanner and Scratch, shared by the files that implement
// them (compile, scan, label headers). Not part of the public API.
#ifndef NEARMISS_CONTENT_SCANNER_REP_H_
#define NEARMISS_CONTENT_SCANNER_REP_H_

#include <hs/hs.h>

#include <regex>
#include <string>
#include <vector>

#include "content/checkbox_choice.h"
#include "content/detectors.h"
#include "content/pack.h"
#include "nearmiss/content_scanner.h"

namespace nearmiss::content {

// kLabelLine: the prefix of a labelled line ("Sensitivity:",
// "Classification:"; body_labels.cc). kLetterSpaced:
// the trigger of letter-spaced text, scanned again collapsed
// (letter_spacing.h).
enum class PatternSource {
  kMarking, kCustom, kDetector, kLabelLine, kLetterSpaced
};

// One Vectorscan expression; its index in Scanner::Rep::patterns is its id.
struct PatternEntry {
  PatternSource source = PatternSource::kMarking;
  std::string name;
  std::string pack;
  Level level = Level::kNone;
  MarkingKind kind = MarkingKind::kClassification;  // markings only
  bool mixed_case = true;                           // markings only
  bool heading_word = false;                        // markings only
  bool footer_word = false;                         // markings only
  bool agree_only = false;                          // markings only (pack.h)
  bool line_alone = false;                          // banners only (pack.h)
  SubjectHead subject_head = SubjectHead::kAny;     // markings only
  Strength strength = Strength::kStrong;            // custom only
  DetectorKind detector = DetectorKind::kPaymentCard;  // detectors only
  std::string expression;
  unsigned flags = 0;
  std::string origin;  // "uk.toml:41", "policy.toml:12", "built-in"
  // Markings only: the whole form read on from a match's start (pack.h,
  // match_extent.h), and its id in Rep::extent_database (~0u: none).
  std::string extent;
  unsigned extent_id = ~0u;
};

struct LabelHeader {
  std::string header;
  std::string extract_text;
  std::regex extract;  // used only when !extract_text.empty()
  std::string enabled_text;
  std::regex enabled;  // used only when !enabled_text.empty()
  std::string disabled_text;
  std::regex disabled;  // used only when !disabled_text.empty()
  bool base64 = false;
  bool unnamed_is_unknown = false;  // see LabelHeaderDef
  std::string origin;
};

// A policy label-table entry, keyed for lookup (LabelKey).
struct LabelEntry {
  std::string key;
  Level level = Level::kNone;
  std::string origin;
};

struct Scanner::Rep {
  Rep() = default;
  Rep(const Rep&) = delete;
  Rep& operator=(const Rep&) = delete;
  ~Rep() {
    hs_free_database(database);
    hs_free_database(extent_database);
  }

  hs_database_t* database = nullptr;
  // The markings' extents, anchored (match_extent.h); null when none.
  hs_database_t* extent_database = nullptr;
  std::vector<PatternEntry> patterns;
  std::vector<LabelHeader> label_headers;
  std::vector<LabelEntry> labels;  // the policy's label table
  std::vector<std::string> pack_names;
  std::vector<std::string> ignored_packs;  // ScannerOptions::ignored_packs
  LabelValueWords label_values;  // the packs' [label_values], merged
  DatabaseCacheReport cache_report;  // how `database` was obtained
  // The id of the letter-spaced trigger (letter_spacing.h), or UINT_MAX.
  unsigned letter_spaced_id = ~0u;
};

// The flags a pattern is compiled with: start of match is needed for
// positions and offsets. Part of the database cache's key.
inline unsigned DatabaseFlags(const PatternEntry& p) {
  return p.flags | HS_FLAG_SOM_LEFTMOST;
}

struct RawMatch {
  unsigned id;
  unsigned long long begin;
  unsigned long long end;
  // EmitMarkings' placement of a marking match (MarkingStrength's Counts
  // and Strength), kept from its first pass so the second does not place
  // it again.
  unsigned char counts = 0;
  unsigned char strength = 0;
  // The place rule that decided them (Finding::why), a string literal.
  const char* why = nullptr;
};

// Bound on matches kept per text: beyond it a scan stops and reports a limit
// (a megabyte of "SECRET SECRET ..." must not grow memory without end).
// A marked line is several matches, one per pattern that reads it (a
// "1. (S//REL TO USA, GBR)" portion line is four since round 58b's lone REL
// TO control): 250,000 keeps a 30,000-line portion-marked document whole,
// at about 8 MB of matches.
inline constexpr std::size_t kMaxMatchesPerText = 250'000;

// Bound on the work the position rules may do for one text, in bytes of
// the lines they read: each marking match costs the length of its line plus
// kMatchWork. The rules look at a bounded number of lines around a match,
// so ordinary text costs a small multiple of its size; what could grow
// without end is many matches on one very long line (a line of 300 KB
// holding 30,000 "(S//NF) x" marks). Past the bound the scan stops reading
// positions and reports a "scan-budget" limit, which makes the result
// incomplete (held by [limits] incomplete_level) instead of tying up a
// milter worker for minutes (issue 13, breaker defect 7). 16 MiB of line
// bytes take well under a second; a long marked document (20,000
// paragraphs, each a line of 100 bytes opened by a mark) takes a fifth.
inline constexpr std::size_t kMaxPositionWork = std::size_t{16} << 20;
inline constexpr std::size_t kMatchWork = 64;

struct Scratch::Rep {
  Rep() = default;
  Rep(const Rep&) = delete;
  Rep& operator=(const Rep&) = delete;
  ~Rep() { hs_free_scratch(scratch); }

  hs_scratch_t* scratch = nullptr;
  const Scanner::Rep* owner = nullptr;  // scratch fits this database only
  bool in_use = false;                  // guards against re-entry
  std::string normalized;
  std::string collapsed;  // letter-spaced runs joined (letter_spacing.h)
  std::string_view input;  // the text given to Scan, before normalising
  bool mail_body = false;  // `input` is the message's own text ("body")
  bool bulk_body = false;  // ... of bulk or list mail (TextKind::kBulkBody)
  std::string_view text;  // what was scanned: input, `normalized`, `collapsed`
  std::vector<RawMatch> matches;
  std::vector<RawMatch> kept;
  // Set by the match callback when the letter-spaced trigger fires; its id
  // is copied here before each scan, so the callback needs no Scanner.
  unsigned letter_spaced_id = ~0u;
  bool letter_spaced = false;
  // Spans of `text` the policy's label table placed: pack markings inside
  // them are dropped, as the table wins over the packs (body_labels.cc).
  std::vector<std::pair<std::size_t, std::size_t>> label_spans;
  std::vector<std::size_t> label_reach;  // scan.cc, SortLabelSpans
  // Values of labelled lines in the banner zone that the table did not
  // place and that look like a scheme's values ("Non-Public"): unknown-label
  // unless the packs' findings cover them (body_labels.cc).
  std::vector<std::pair<std::size_t, std::size_t>> label_values;
  // The line EmitMarkings is placing matches on, when it is a row of cells
  // listing levels (checkbox_choice.h, RowListsLevels): a column header
  // of a form, whose level words mark nothing. `row_names` is its buffer.
  std::vector<NamedLevel> row_names;
  bool levels_row = false;
  // Lists of levels one a line under a line that introduces them
  // (level_column.h), in the text EmitMarkings is placing matches on.
  std::vector<std::pair<std::size_t, std::size_t>> level_columns;
  std::size_t levels_row_begin = 0, levels_row_end = 0;
  bool overflowed = false;
  bool over_budget = false;  // kMaxPositionWork spent (scan.cc)
  // Bytes FramesSection looked through for the match being placed
  // (section_banner.h), charged to kMaxPositionWork by EmitMarkings.
  mutable std::size_t section_work = 0;
  // Where TypedPlainly last counted lines to (text offset, its line number,
  // and the offset of that line in `input`): matches are read in order, so
  // counting on from there keeps the whole scan linear.
  mutable std::size_t typed_at = 0, typed_line = 0, typed_input = 0;
  // Whether the text at `surprise_text` keeps a surprise (surprise_words.h,
  // TextKeepsSurprise), read once per text however many banner lines ask.
  mutable const char* surprise_text = nullptr;
  mutable bool surprise = false;
  // The place rule MarkingStrength last decided by, a string literal
  // (Finding::why); set by each of its answers.
  mutable std::string_view why;
};

// Adds the labelled-line prefix pattern when the policy has a label table
// or a pack has [label_values] (body_labels.cc).
void AddLabelLinePattern(Scanner::Rep* rep);

// A label's visual marking in a body ("Sensitivity: Team Internal", or a
// first or last line that is a table label's name alone) placed by the
// policy's label table: strong findings with pack "policy-labels", and
// their spans in `s.label_spans`; the values left that look like a label
// scheme's, in `s.label_values` (body_labels.cc).
void EmitBodyLabels(const Scanner::Rep& rep, Scratch::Rep& s,
                    std::string_view where, Sensitivity* out);

// After the packs' findings of the same text (out->findings from index
// `first`): each of `s.label_values` that their strong findings do not
// cover whole is an unknown-label finding naming the value (body_labels.cc).
void EmitUnknownBodyLabels(const Scanner::Rep& rep, Scratch::Rep& s,
                           std::string_view where, std::size_t first,
                           Sensitivity* out);

// Whether the caller drops this pack's findings (ignored_packs): a label
// it alone places is unknown-label (label_headers.cc, body_labels.cc).
bool PackIgnored(const Scanner::Rep& rep, std::string_view pack);

// Compiles the pattern table into `rep->database` (compile.cc).
Status CompileDatabase(Scanner::Rep* rep);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SCANNER_REP_H_
