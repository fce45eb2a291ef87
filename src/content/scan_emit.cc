// The findings of one scan pass: its raw Vectorscan matches sorted, the
// contained and prefix matches dropped, each marking placed
// (marking_strength.h), custom patterns and confirmed detector hits.
#include "content/scan_emit.h"

#include <algorithm>
#include <climits>
#include <iterator>
#include <map>

#include "content/level_column.h"
#include "content/line_text.h"
#include "content/marking_strength.h"
#include "content/match_extent.h"

namespace nearmiss::content {
namespace {

std::string_view TrimMatch(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '-' ||
                        s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Equal spans keep a label's name first: a label word counts only where a
// label stands (a label header, a labelled line), and there it is the name
// the tenant gave, which the label table places ("Confidential" is
// Purview's middle tier, not EO 13526's CONFIDENTIAL; labels.toml). Then
// the higher level, a guard's side of doubt: the SECRET grammar also reads
// "//GBR TOP SECRET" whole, taking TOP for a country code. Then the pattern
// id, so the pack listed first reports the same word in two packs, run
// after run.
bool ByBeginThenLongest(const Scanner::Rep& scanner, const RawMatch& a,
                        const RawMatch& b) {
  if (a.begin != b.begin) return a.begin < b.begin;
  if (a.end != b.end) return a.end > b.end;
  bool label_a = scanner.patterns[a.id].kind == MarkingKind::kLabel;
  bool label_b = scanner.patterns[b.id].kind == MarkingKind::kLabel;
  if (label_a != label_b) return label_a;
  // A placed level before "unknown-label" (au.toml's "[SEC=<any>]"), then
  // the higher level.
  auto rank = [](Level l) {
    return l == Level::kUnknownLabel ? -1 : static_cast<int>(l);
  };
  Level la = scanner.patterns[a.id].level, lb = scanner.patterns[b.id].level;
  if (la != lb) return rank(la) > rank(lb);
  return a.id < b.id;
}

// Keeps only matches not contained in an earlier (longer) one: "TOP SECRET"
// hides the "SECRET" inside it. `v` must be sorted ByBeginThenLongest.
void DropContained(std::vector<RawMatch>* v) {
  unsigned long long furthest = 0;
  bool any = false;
  auto out = v->begin();
  for (const RawMatch& m : *v) {
    if (any && m.end <= furthest) continue;
    furthest = std::max(furthest, m.end);
    any = true;
    *out++ = m;
  }
  v->erase(out, v->end());
}

// Whether the table placed the label this match is part of. The spans are
// sorted by start, with `label_reach[i]` the furthest end among the first
// i + 1 (SortLabelSpans): one binary search per match, as a text may hold
// as many labelled lines as matches.
bool InLabelSpan(const Scratch::Rep& s, const RawMatch& m) {
  auto after = std::lower_bound(
      s.label_spans.begin(), s.label_spans.end(), m.end,
      [](const std::pair<std::size_t, std::size_t>& span,
         unsigned long long at) { return span.first < at; });
  std::size_t n = static_cast<std::size_t>(after - s.label_spans.begin());
  return n > 0 && s.label_reach[n - 1] > m.begin;
}

// The end of a match that opened a bracket it does not close: past the
// closing bracket when one follows on the line after blanks
// ("OFFICIAL-SENSITIVE [COMMERCIAL]": the pack's form matches up to the
// descriptor, the finding shows the bracket closed; round 55's tester 13,
// finding 8). The match's own end otherwise.
std::size_t ClosedEnd(std::string_view text, std::size_t begin, std::size_t end) {
  std::string_view matched = text.substr(begin, end - begin);
  for (auto [open, close] : {std::pair{'[', ']'}, std::pair{'(', ')'}}) {
    const auto opened = std::count(matched.begin(), matched.end(), open);
    if (opened <= std::count(matched.begin(), matched.end(), close)) continue;
    std::size_t at = end;
    while (at < text.size() && at < end + 4 && text[at] == ' ') ++at;
    if (at < text.size() && text[at] == close) return at + 1;
  }
  return end;
}

Finding MakeFinding(const PatternEntry& p, std::string_view where,
                    std::size_t offset, std::string_view text,
                    Strength strength) {
  Finding f;
  // A label's form is a name the sender's tool wrote, and several names
  // share an entry ("General" holds "Internal", "Internal Use Only"; "Public"
  // holds Outlook's "Normal"): the finding names the one in the message, as
  // a label the policy's table places does (issue 13, breaker round 8 item
  // 13). The other kinds are named by their marking ("SECRET" for "Secret").
  f.marking = p.kind == MarkingKind::kLabel && !TrimMatch(text).empty()
                  ? std::string(TrimMatch(text))
                  : p.name;
  f.pack = p.pack;
  f.level = p.level;
  f.where = std::string(where);
  f.offset = offset;
  f.text = std::string(text);
  f.strength = strength;
  return f;
}

// s.kept: the matches of patterns from `source`, in match order.
void KeepSource(const Scanner::Rep& scanner, Scratch::Rep& s, PatternSource source) {
  s.kept.clear();
  for (const RawMatch& m : s.matches) {
    if (scanner.patterns[m.id].source == source) s.kept.push_back(m);
  }
}

// Whether the line [line_begin, line_end), whose matches are s.kept[k]
// on (sorted by start), is a row of cells listing levels (RowListsLevels):
// its classification words and label names are the levels it names.
bool LineListsLevels(const Scanner::Rep& scanner, Scratch::Rep& s,
                     std::size_t k, std::size_t line_begin,
                     std::size_t line_end) {
  std::string_view line = s.text.substr(line_begin, line_end - line_begin);
  if (line.find_first_of("\t|") == std::string_view::npos &&
      line.find("   ") == std::string_view::npos) {
    return false;  // one cell
  }
  s.row_names.clear();
  for (; k < s.kept.size() && s.kept[k].begin < line_end; ++k) {
    const PatternEntry& p = scanner.patterns[s.kept[k].id];
    if (p.kind != MarkingKind::kClassification && p.kind != MarkingKind::kLabel) {
      continue;
    }
    s.row_names.push_back(NamedLevel{s.kept[k].begin, s.kept[k].end, p.level});
  }
  return RowListsLevels(s.text, line_begin, line_end, s.row_names);
}

}  // namespace

void SortLabelSpans(Scratch::Rep& s) {
  std::sort(s.label_spans.begin(), s.label_spans.end());
  s.label_reach.clear();
  std::size_t reach = 0;
  for (auto [b, e] : s.label_spans) {
    reach = std::max(reach, e);
    s.label_reach.push_back(reach);
  }
}

void EmitMarkings(const Scanner::Rep& scanner, Scratch::Rep& s, TextKind kind,
                  std::string_view where, Sensitivity* out) {
  std::string_view text = s.text;
  s.kept.clear();
  // Extents are read first: a marking's span decides its place.
  std::size_t work = 0;
  for (const RawMatch& m : s.matches) {
    if (scanner.patterns[m.id].source != PatternSource::kMarking) continue;
    if (InLabelSpan(s, m)) continue;
    s.kept.push_back(m);
    work += ExtendMatch(scanner, s, &s.kept.back());
    TrimPartialWord(text, 1, &s.kept.back());
  }
  std::sort(s.kept.begin(), s.kept.end(),
            [&](const RawMatch& a, const RawMatch& b) {
              return ByBeginThenLongest(scanner, a, b);
            });
  // In order of place, each match's strength, within kMaxPositionWork: a
  // match costs its line's length, each line found once.
  std::size_t line_begin = 0, line_end = 0;
  bool line_known = false;
  auto out_it = s.kept.begin();
  RawMatch previous{~0u, 0, 0};
  s.levels_row = false;
  s.level_columns.clear();
  if (kind == TextKind::kBody) {
    s.row_names.clear();
    for (const RawMatch& m : s.kept) {
      const PatternEntry& p = scanner.patterns[m.id];
      if (p.kind == MarkingKind::kClassification || p.kind == MarkingKind::kLabel ||
          p.kind == MarkingKind::kBanner) {
        s.row_names.push_back(NamedLevel{m.begin, m.end, p.level});
      }
    }
    LevelColumns(text, s.row_names, &s.level_columns);
  }
  for (std::size_t k = 0; k < s.kept.size(); ++k) {
    // Copied: placed matches are written back over the entries before it.
    const RawMatch m = s.kept[k];
    // A shorter match of the same pattern at the same start: a prefix of
    // the one just read (sorted longest first).
    bool prefix = previous.id == m.id && previous.begin == m.begin;
    previous = m;
    if (prefix) continue;
    if (!line_known || m.begin > line_end) {
      line_begin = LineStart(text, m.begin);
      line_end = LineEnd(text, m.begin);
      line_known = true;
      // The entries from k on are not yet overwritten: the line's names.
      s.levels_row = kind == TextKind::kBody &&
                     LineListsLevels(scanner, s, k, line_begin, line_end);
      s.levels_row_begin = line_begin;
      s.levels_row_end = line_end;
    }
    work += line_end - line_begin + kMatchWork;
    if (work > kMaxPositionWork) {
      s.over_budget = true;
      break;
    }
    Strength strength = Strength::kWeak;
    s.section_work = 0;
    const Counts counts = MarkingStrength(scanner.patterns[m.id], kind, s, m, &strength);
    work += s.section_work;
    if (counts != Counts::kNo) {
      RawMatch placed = m;
      placed.counts = static_cast<unsigned char>(counts);
      placed.strength = static_cast<unsigned char>(strength);
      placed.why = s.why.empty() ? nullptr : s.why.data();
      *out_it++ = placed;
    }
  }
  s.kept.erase(out_it, s.kept.end());
  DropContained(&s.kept);
  // Doubtful marks become weak findings that Sensitivity::Corroborate
  // settles once the whole message has been read.
  for (const RawMatch& m : s.kept) {
    const PatternEntry& p = scanner.patterns[m.id];
    // As placed in the first pass (MarkingStrength reads only the text and
    // the match: the same answer).
    const auto strength = static_cast<Strength>(m.strength);
    const auto counts = static_cast<Counts>(m.counts);
    bool doubtful = counts == Counts::kIfCorroborated ||
                    counts == Counts::kIfCorroboratedBanner;
    Finding f = MakeFinding(p, where, m.begin,
                            TrimMatch(text.substr(m.begin, ClosedEnd(text, m.begin, m.end) - m.begin)),
                            doubtful ? Strength::kWeak : strength);
    f.needs_corroboration = doubtful;
    f.bulk = doubtful && s.bulk_body;
    if (m.why != nullptr) f.why = m.why;
    if (counts != Counts::kIfCorroboratedBanner) {
      out->Add(std::move(f));
      continue;
    }
    // Its "doubted-marking" twin, which Sensitivity::Corroborate keeps only
    // if nothing agrees with the word.
    Finding d = f;
    d.marking = std::string(kDoubtedMarking);
    d.pack = std::string(kDoubtPack);
    d.needs_corroboration = false;
    d.bulk = false;
    out->Add(std::move(f));
    out->Add(std::move(d));
  }
}

void EmitCustom(const Scanner::Rep& scanner, Scratch::Rep& s,
                std::string_view where, Sensitivity* out) {
  std::string_view text = s.text;
  KeepSource(scanner, s, PatternSource::kCustom);
  // Per pattern, report the longest of overlapping matches once.
  std::sort(s.kept.begin(), s.kept.end(),
            [&](const RawMatch& a, const RawMatch& b) {
              if (a.id != b.id) return a.id < b.id;
              return ByBeginThenLongest(scanner, a, b);
            });
  unsigned long long furthest = 0;
  unsigned last_id = UINT_MAX;
  for (const RawMatch& m : s.kept) {
    if (m.id == last_id && m.end <= furthest) continue;
    if (m.id != last_id) furthest = 0;
    last_id = m.id;
    furthest = std::max(furthest, m.end);
    const PatternEntry& p = scanner.patterns[m.id];
    out->Add(MakeFinding(p, where, m.begin,
                         text.substr(m.begin, m.end - m.begin), p.strength));
  }
}

void EmitDetectors(const Scanner::Rep& scanner, Scratch::Rep& s,
                   std::string_view where, Sensitivity* out) {
  std::string_view text = s.text;
  KeepSource(scanner, s, PatternSource::kDetector);
  if (s.kept.empty()) return;
  std::sort(s.kept.begin(), s.kept.end(),
            [&](const RawMatch& a, const RawMatch& b) {
              return ByBeginThenLongest(scanner, a, b);
            });
  // IBANs first: their digit groups must not also count as card numbers.
  // Claimed spans never overlap: kept by start, the one starting last
  // before `e` is the only one that can reach into [b, e).
  std::map<std::size_t, std::size_t> claimed;
  auto overlaps = [&](std::size_t b, std::size_t e) {
    auto it = claimed.lower_bound(e);
    return it != claimed.begin() && std::prev(it)->second > b;
  };
  for (DetectorKind kind : {DetectorKind::kIban, DetectorKind::kPaymentCard,
                            DetectorKind::kUsSsn, DetectorKind::kUkNino,
                            DetectorKind::kNhsNumber}) {
    for (const RawMatch& m : s.kept) {
      const PatternEntry& p = scanner.patterns[m.id];
      if (p.detector != kind || overlaps(m.begin, m.end)) continue;
      auto hit = ConfirmDetector(kind, text, m.begin, m.end);
      if (!hit || overlaps(hit->begin, hit->end)) continue;
      claimed.emplace(hit->begin, hit->end);
      out->Add(MakeFinding(p, where, hit->begin, hit->masked,
                           Strength::kStrong));
    }
  }
}

}  // namespace nearmiss::content
