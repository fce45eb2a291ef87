// The insides of Scanner and Scratch, shared by the files that implement
// them (compile, scan, label headers). Not part of the public API.
#ifndef NEARMISS_CONTENT_SCANNER_REP_H_
#define NEARMISS_CONTENT_SCANNER_REP_H_

#include <hs/hs.h>

#include <regex>
#include <string>
#include <vector>

#include "content/detectors.h"
#include "content/pack.h"
#include "nearmiss/content_scanner.h"

namespace nearmiss::content {

enum class PatternSource { kMarking, kCustom, kDetector };

// One Vectorscan expression; its index in Scanner::Rep::patterns is its id.
struct PatternEntry {
  PatternSource source = PatternSource::kMarking;
  std::string name;
  std::string pack;
  Level level = Level::kNone;
  MarkingKind kind = MarkingKind::kClassification;  // markings only
  bool mixed_case = true;                           // markings only
  Strength strength = Strength::kStrong;            // custom only
  DetectorKind detector = DetectorKind::kPaymentCard;  // detectors only
  std::string expression;
  unsigned flags = 0;
  std::string origin;  // "uk.toml:41", "policy.toml:12", "built-in"
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
  ~Rep() { hs_free_database(database); }

  hs_database_t* database = nullptr;
  std::vector<PatternEntry> patterns;
  std::vector<LabelHeader> label_headers;
  std::vector<LabelEntry> labels;  // the policy's label table
  std::vector<std::string> pack_names;
};

struct RawMatch {
  unsigned id;
  unsigned long long begin;
  unsigned long long end;
};

// Bound on matches kept per text: beyond it a scan stops and reports a limit
// (a megabyte of "SECRET SECRET ..." must not grow memory without end).
inline constexpr std::size_t kMaxMatchesPerText = 100'000;

struct Scratch::Rep {
  Rep() = default;
  Rep(const Rep&) = delete;
  Rep& operator=(const Rep&) = delete;
  ~Rep() { hs_free_scratch(scratch); }

  hs_scratch_t* scratch = nullptr;
  const Scanner::Rep* owner = nullptr;  // scratch fits this database only
  bool in_use = false;                  // guards against re-entry
  std::string normalized;
  std::string_view text;  // what was scanned: the input or `normalized`
  std::vector<RawMatch> matches;
  std::vector<RawMatch> kept;
  bool overflowed = false;
};

// Compiles the pattern table into `rep->database` (compile.cc).
Status CompileDatabase(Scanner::Rep* rep);

// The form a label name is looked up by: a trailing Purview "_<digits>"
// suffix dropped ("Secret_0" -> "Secret"), ASCII case folded, and runs of
// '_', '-' and blanks made one space: "Highly_Confidential",
// "highly-confidential" and "Highly Confidential" share a key
// (label_headers.cc).
std::string LabelKey(std::string_view name);

// Keys the policy's label table into `rep->labels`; an empty name is an
// error naming its origin (label_headers.cc).
Status AddLabelTable(const std::vector<LabelLevel>& labels, Scanner::Rep* rep);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SCANNER_REP_H_
