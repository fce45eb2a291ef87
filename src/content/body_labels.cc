// The policy's label table applied to a label's visual marking in a body.
//
// Purview writes a label into the message as content marking: a header or
// footer line the label adds, usually "Sensitivity: <label>" or
// "Classification: <label>", sometimes the label's name alone (Microsoft
// Learn, "Learn about sensitivity labels", content marking; the text is the
// tenant's). Names the packs know are found by their patterns; a tenant's
// own names ("Team Internal", "Secret_0", a sublabel "Confidential\Finance")
// only the table knows, so the table is read here as in a label header
// (label_headers.cc) and, as there, wins over the packs on that line. A
// name the table does not know is left to the packs; if they do not place
// all of it either, it is unknown-label only where it has the shape of a
// classification scheme's value and stands where a label's marking does,
// in the first or last lines of the text ("Classification: Non-Public",
// "Data classification: Restricted - Internal"): "Sensitivity: high" and
// "Classification: Bug" are prose and give nothing (issue 13; the words are
// labels.toml's [label_values], which says where they come from).
#include <array>

#include "content/banner_tail.h"
#include "content/label_table.h"
#include "content/line_text.h"
#include "content/position.h"
#include "content/scanner_rep.h"

namespace nearmiss::content {
namespace {

// The words IsLabelledLine accepts end in one of these; it checks the rest
// of the prefix and that it opens its line. The keys take the loose
// separators labelled_line.h reads too ("Sensitivity - Team Internal",
// "Classification | Falcon Restricted", "Classification = ...", ">>"):
// a tenant's label on such a line was left to the packs (note 44, issue
// 13: a table line needed a colon).
constexpr const char* kLabelLinePrefix =
    "(?:(?:sensitivity|classification|marking)(?: (?:label|level))?"
    "(?::| +(?:-|\\||=|>>) )|label:|classified as|labell?ed as)";

bool IsWordIn(const std::vector<std::string>& words, std::string_view word) {
  for (const std::string& w : words) {
    if (w.size() == word.size() && StartsWithNoCaseAt(word, 0, w)) return true;
  }
  return false;
}

// A classification scheme's value: at most kMaxValueWords words of ASCII
// letters, each one of [label_values] words or qualifiers and one of the
// words at least, between blanks and the separators schemes write ("-",
// "_", "/", "\\", "|", ",", "&", "(", ")"). "Non-Public", "Restricted -
// Internal", "Company Confidential", "Internal Use Only" are; "Bug",
// "Feature request", "2 (minor)" and "high" are not.
constexpr int kMaxValueWords = 6;
bool LooksLikeLabelValue(const LabelValueWords& shape, std::string_view value) {
  int words = 0;
  bool core = false;
  for (std::size_t i = 0; i < value.size();) {
    char c = value[i];
    if (IsAlpha(c)) {
      std::size_t j = i;
      while (j < value.size() && IsAlpha(value[j])) ++j;
      std::string_view word = value.substr(i, j - i);
      if (++words > kMaxValueWords) return false;
      if (IsWordIn(shape.words, word)) {
        core = true;
      } else if (!IsWordIn(shape.qualifiers, word)) {
        return false;
      }
      i = j;
      continue;
    }
    if (!IsBlank(c) && std::string_view("-_/\\|,&()").find(c) == std::string_view::npos) {
      return false;
    }
    ++i;
  }
  return core;
}

// Blanks and decoration off both ends: "[Team Internal] ***" -> the name.
std::pair<std::size_t, std::size_t> TrimDecoration(std::string_view text, std::size_t b,
                                                   std::size_t e) {
  while (b < e && IsDecoration(text[b])) ++b;
  while (e > b && IsDecoration(text[e - 1])) --e;
  return {b, e};
}

// `labelled`: the name follows "Sensitivity:" and the like. A line that is
// only a name is read whole, or as a sublabel only when written with '\'
// (Purview's separator): "Alice Smith / Team Internal" is a signature.
bool AddIfPlaced(const Scanner::Rep& rep, Scratch::Rep& s, std::string_view where,
                 std::size_t b, std::size_t e, bool labelled, Sensitivity* out) {
  std::string_view name = s.text.substr(b, e - b);
  PlacedLabel placed;
  if (labelled || name.find('\\') != std::string_view::npos) {
    placed = PlaceByTable(rep, name);
  } else {
    placed = {FindLabel(rep, name), name};
  }
  if (placed.entry == nullptr) return false;
  Finding f;
  f.marking = std::string(placed.part);
  f.pack = "policy-labels";
  f.level = placed.entry->level;
  f.where = std::string(where);
  f.offset = static_cast<std::size_t>(placed.part.data() - s.text.data());
  f.text = std::string(name);
  f.strength = Strength::kStrong;
  out->Add(std::move(f));
  if (placed.part.size() == name.size()) {
    s.label_spans.emplace_back(b, e);
  } else {
    // Only a part of a sublabel was placed: the packs still read the rest
    // ("TOP SECRET\Team Internal" keeps its TOP SECRET).
    std::size_t at = static_cast<std::size_t>(placed.part.data() - s.text.data());
    s.label_spans.emplace_back(at, at + placed.part.size());
  }
  return true;
}

// The first or last non-blank line of the text.
std::pair<std::size_t, std::size_t> EdgeLine(std::string_view text, bool last) {
  if (!last) {
    for (std::size_t b = 0; b < text.size();) {
      std::size_t e = LineEnd(text, b);
      if (!IsBlankLine(text, b, e)) return {b, e};
      b = e + 1;
    }
    return {0, 0};
  }
  for (std::size_t e = text.size();;) {
    std::size_t b = LineStart(text, e);
    if (!IsBlankLine(text, b, e)) return {b, e};
    if (b == 0) return {0, 0};
    e = b - 1;  // the break that ends the line before
  }
}

}  // namespace

void AddLabelLinePattern(Scanner::Rep* rep) {
  if (rep->labels.empty() && rep->label_values.words.empty()) return;
  PatternEntry e;
  e.source = PatternSource::kLabelLine;
  e.name = "label-line";
  e.pack = "policy-labels";
  e.expression = kLabelLinePrefix;
  e.flags = HS_FLAG_CASELESS;
  e.origin = "[sensitivity.labels]";
  rep->patterns.push_back(std::move(e));
}

void EmitBodyLabels(const Scanner::Rep& rep, Scratch::Rep& s, std::string_view where,
                    Sensitivity* out) {
  std::string_view text = s.text;
  for (const RawMatch& m : s.matches) {
    if (rep.patterns[m.id].source != PatternSource::kLabelLine) continue;
    auto [b, e] = TrimDecoration(text, m.end, LineEnd(text, m.end));
    if (b >= e || !IsLabelledLine(text, b, e)) continue;
    // "Sensitivity Level: TOP SECRET" in a vacancy names a post's
    // clearance, no label of the text (vacancy_text.h).
    if (AboutClearance(text, b, e)) continue;
    if (!rep.labels.empty() && AddIfPlaced(rep, s, where, b, e, true, out)) continue;
    if (!rep.label_values.words.empty() && InBannerZone(text, b, e) &&
        LooksLikeLabelValue(rep.label_values, text.substr(b, e - b))) {
      s.label_values.emplace_back(b, e);
    }
  }
  if (rep.labels.empty()) return;
  // A footer or header line that is only a table label's name.
  for (bool last : {false, true}) {
    auto [line_b, line_e] = EdgeLine(text, last);
    auto [b, e] = TrimDecoration(text, line_b, line_e);
    if (b >= e) continue;
    bool seen = false;
    for (auto [sb, se] : s.label_spans) seen = seen || (sb == b && se == e);
    if (!seen) AddIfPlaced(rep, s, where, b, e, false, out);
  }
}

bool PackIgnored(const Scanner::Rep& rep, std::string_view pack) {
  for (const std::string& p : rep.ignored_packs) {
    if (p == pack) return true;
  }
  return false;
}

void EmitUnknownBodyLabels(const Scanner::Rep& rep, Scratch::Rep& s,
                           std::string_view where, std::size_t first,
                           Sensitivity* out) {
  // Whether every letter of `part` lies inside a strong finding of the
  // packs ("Company Confidential" does; "Non-Public", whose "Public" alone a
  // pack knows, does not: a label is placed as a whole name, as in
  // label_headers.cc). A pack the policy turned off places nothing.
  auto covered = [&](std::string_view part) {
    std::size_t b = static_cast<std::size_t>(part.data() - s.text.data());
    for (std::size_t i = b; i < b + part.size(); ++i) {
      if (!IsAlpha(s.text[i])) continue;
      bool in = false;
      for (std::size_t k = first; k < out->findings.size() && !in; ++k) {
        const Finding& f = out->findings[k];
        in = f.strength == Strength::kStrong && !f.needs_corroboration &&
             f.where == where && f.offset <= i && i < f.offset + f.text.size() &&
             !PackIgnored(rep, f.pack);
      }
      if (!in) return false;
    }
    return true;
  };
  for (auto [b, e] : s.label_values) {
    std::string_view value = s.text.substr(b, e - b);
    // A sublabel ("TOP SECRET\Internal Only") is known when a part is: a
    // child scopes its parent, as in a label header.
    bool known = false;
    for (std::string_view part : SplitSublabel(value)) known = known || covered(part);
    // "Classification: OFFICIAL-SENSITIVE Personal", "Classification: UK
    // SECRET Page 1 of 3": a marking the packs place, then its descriptor
    // or banner furniture (banner_tail.h), is that marking, not a tenant's
    // label nobody knows.
    for (std::size_t k = first; k < out->findings.size() && !known; ++k) {
      const Finding& f = out->findings[k];
      known = f.strength == Strength::kStrong && f.where == where && f.offset == b &&
              f.level != Level::kUnknownLabel && !PackIgnored(rep, f.pack) &&
              KnownBannerTail(s.text, b + f.text.size());
    }
    if (known) continue;
    Finding f;
    f.marking = "unknown-label";
    f.pack = "labels";
    f.level = Level::kUnknownLabel;
    f.where = std::string(where);
    f.offset = b;
    f.text = std::string(value);
    f.strength = Strength::kStrong;
    out->Add(std::move(f));
  }
}

}  // namespace nearmiss::content
