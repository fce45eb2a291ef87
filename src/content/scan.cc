// Scanner::Scan: one Vectorscan pass over a normalised text, then position
// rules decide each marking's strength and validators confirm detector hits.
#include <algorithm>
#include <climits>
#include <iterator>
#include <map>

#include "content/letter_spacing.h"
#include "content/line_text.h"
#include "content/normalize.h"
#include "content/position.h"
#include "content/scanner_rep.h"

namespace nearmiss::content {
namespace {

constexpr std::size_t kMergeLookBack = 4;

// Vectorscan callback: records the match; stops the scan when the bound on
// matches is reached. Appending into a vector whose capacity survives across
// scans keeps the hot path allocation-free once warm.
int OnMatch(unsigned id, unsigned long long from, unsigned long long to,
            unsigned /*flags*/, void* context) {
  auto* scratch = static_cast<Scratch::Rep*>(context);
  scratch->letter_spaced |= id == scratch->letter_spaced_id;
  // One pattern matching at one start with several ends ("SECRET//REL TO
  // USA", "..., GBR", "..., GBR, AUS"): the longest is the marking, the
  // shorter are its prefixes. Vectorscan reports ends in order, so the
  // latest entry of the same pattern and start is replaced in place; a REL
  // TO list of 30,000 entries is then one match, not 30,000.
  // Other patterns' matches may come between: the last few are looked at.
  auto& v = scratch->matches;
  for (std::size_t k = v.size(); k > 0 && k + kMergeLookBack > v.size(); --k) {
    RawMatch& last = v[k - 1];
    if (last.id == id && last.begin == from) {
      last.end = std::max(last.end, to);
      return 0;
    }
  }
  if (scratch->matches.size() >= kMaxMatchesPerText) {
    scratch->overflowed = true;
    return 1;
  }
  scratch->matches.push_back(RawMatch{id, from, to});
  return 0;
}

std::string_view TrimMatch(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '-' ||
                        s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Whether the matched text has no lower-case ASCII letter: the standards
// write markings in capitals ("Top secret: surprise party" is prose).
bool WrittenInCapitals(std::string_view matched) {
  for (char c : matched) {
    if (c >= 'a' && c <= 'z') return false;
  }
  return true;
}

// Whether a marking match counts: not at all, as found, or (a doubtful mark:
// position.h) only if another marking in the same message agrees
// (Sensitivity::Corroborate).
enum class Counts { kNo, kYes, kIfCorroborated };

// A portion mark leading a subject: with controls ("(S//NF) Convoy") it
// counts; a bare one ("(S) Blue T-shirt", "(TS) Tom's leaving do") only if
// the message agrees, as in a body.
PortionPlace SubjectPortionPlace(std::string_view mark) {
  for (char c : mark.substr(1, mark.size() - 2)) {
    if (c < 'A' || c > 'Z') return PortionPlace::kPortion;
  }
  return PortionPlace::kIfCorroborated;
}

// Whether the line of `text` holding `at` is, blanks trimmed, the same as
// that line of `input`, what the sender wrote: a word typed plainly.
// Letter-spaced ("S E C R E T"), underlined ("S̲E̲C̲R̲E̲T̲"), full-width or
// mathematical letters are a drawn banner's typography, not a heading's
// (marking corpus README, seventh round). Normalisation and joining keep
// line breaks (CR LF and a lone CR become LF), so line numbers agree; when
// they do not, the lines differ, and the word stays a banner.
bool TypedPlainly(const Scratch::Rep& s, std::string_view text,
                  const RawMatch& m) {
  std::string_view input = s.input;
  // "S  E  C  R  E  T" (two blanks) matches the letter-spaced form as
  // written, with nothing normalised: a one-letter word says it.
  for (std::size_t i = m.begin; i < m.end; ++i) {
    bool alone = IsAlpha(text[i]) && (i == m.begin || !IsAlpha(text[i - 1])) &&
                 (i + 1 == m.end || !IsAlpha(text[i + 1]));
    if (alone) return false;
  }
  std::size_t at = m.begin;
  if (input.data() == text.data()) return true;
  // Count on from the last call (matches come in order); start over only
  // when this match lies before it.
  if (at < s.typed_at) s.typed_at = s.typed_input = 0;
  std::size_t line = 0;
  for (std::size_t i = s.typed_at; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
  std::size_t b = s.typed_input;
  for (std::size_t i = b; i < input.size() && line > 0; ++i) {
    bool lone_cr = input[i] == '\r' && (i + 1 == input.size() || input[i + 1] != '\n');
    if ((input[i] == '\n' || lone_cr) && --line == 0) b = i + 1;
  }
  if (line > 0) return false;
  s.typed_at = LineStart(text, at);
  s.typed_input = b;
  std::size_t e = b;
  while (e < input.size() && input[e] != '\n' && input[e] != '\r') ++e;
  auto trim = [](std::string_view s) {
    while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
    return s;
  };
  std::size_t tb = LineStart(text, at);
  return trim(input.substr(b, e - b)) == trim(text.substr(tb, LineEnd(text, at) - tb));
}

// "CUI", "FOUO", "LES", "SBU": acronyms, not words.
constexpr std::size_t kMaxAcronymLetters = 4;

// A classification word or label name in a strong place, or not.
Counts WordStrength(const PatternEntry& p, TextKind kind, const Scratch::Rep& s,
                    std::string_view text, const RawMatch& m,
                    Strength* strength) {
  *strength = Strength::kWeak;
  if (kind == TextKind::kBody && IsLabelledLine(text, m.begin, m.end)) {
    // "Sensitivity: Confidential", "Classification: Highly Confidential":
    // a label's visual marking, its name spelt as the tenant spells it.
    *strength = Strength::kStrong;
    return Counts::kYes;
  }
  if (p.kind == MarkingKind::kLabel) return Counts::kNo;
  bool subject_like =
      kind == TextKind::kSubject || kind == TextKind::kAttachmentName;
  bool strong = subject_like ? IsSubjectMarking(text, m.begin, m.end)
                             : IsBannerMarking(text, m.begin, m.end);
  if (strong && !p.mixed_case) {
    // An everyday word: capitals only, and leading a subject only with a
    // separator after it ("SECRET: x") or before the subject's own words
    // in lower case ("SECRET deployment plan"); not "SECRET SANTA draw".
    // File names keep "SECRET plan.docx": they have no such shouting.
    // A short acronym ("SBU review", "LES tickets") is also a business
    // abbreviation: it needs the separator.
    std::string_view matched = text.substr(m.begin, m.end - m.begin);
    strong = WrittenInCapitals(matched) &&
             (kind != TextKind::kSubject || FollowedBySeparator(text, m.end) ||
              (matched.size() > kMaxAcronymLetters &&
               FollowedByLowerCaseWord(text, m.end)));
  }
  // "CONFIDENTIAL" over "ATTORNEY WORK PRODUCT": business confidentiality.
  if (strong && NearLegalLegend(text, m.begin, m.end)) strong = false;
  // "holds a SECRET clearance": a person's clearance level. Asked only of
  // a match that would count, as loose words in prose are many.
  if (strong && AboutClearance(text, m.begin, m.end)) strong = false;
  if (strong && kind == TextKind::kBody && !IsEdgeLine(text, m.begin, m.end)) {
    return Counts::kIfCorroborated;
  }
  // "TOP SECRET\n\nOur summer menu is here!": an everyday word as the
  // heading of an advert or a personal note has the banner's place but
  // nothing of a marked message around it (position.h, IsBareHeading).
  // The mail's own text only: a document's extracted text has lost the
  // header and footer of each page, so its one banner line may be all that
  // is left of them.
  if (strong && kind == TextKind::kBody && s.mail_body && p.heading_word &&
      IsBareHeading(text, m.begin, m.end) && TypedPlainly(s, text, m)) {
    return Counts::kIfCorroborated;
  }
  *strength = strong ? Strength::kStrong : Strength::kWeak;
  return Counts::kYes;
}

// Returns whether a marking match in `text` (s.text, or a part of it read
// as a subject) counts, and how strongly.
Counts PlacedStrength(const PatternEntry& p, TextKind kind,
                      const Scratch::Rep& s, std::string_view text,
                      const RawMatch& m, Strength* strength) {
  if (kind == TextKind::kHeaderLabel) {
    *strength = Strength::kStrong;
    return Counts::kYes;
  }
  bool subject_like =
      kind == TextKind::kSubject || kind == TextKind::kAttachmentName;
  if (p.kind != MarkingKind::kLabel && DescribedInProse(text, m.begin)) {
    // "the document, marked TOP SECRET, was found": named, not applied.
    *strength = Strength::kWeak;
    return Counts::kYes;
  }
  switch (p.kind) {
    case MarkingKind::kBanner:
      // "Active TOP SECRET/SCI clearance": a person's clearance level;
      // "stop putting SECRET//NOFORN in the subject": a mention.
      *strength = AboutClearance(text, m.begin, m.end) ||
                          InsideSentence(text, m.begin, m.end)
                      ? Strength::kWeak
                      : Strength::kStrong;
      return Counts::kYes;
    case MarkingKind::kPortion: {
      *strength = Strength::kStrong;
      PortionPlace place =
          subject_like
              ? (IsSubjectMarking(text, m.begin, m.end)
                     ? SubjectPortionPlace(text.substr(m.begin, m.end - m.begin))
                     : PortionPlace::kNone)
              : PortionMarkPlace(text, m.begin, m.end);
      switch (place) {
        case PortionPlace::kPortion:
          return Counts::kYes;
        case PortionPlace::kIfCorroborated:
          return Counts::kIfCorroborated;
        case PortionPlace::kNone:
          return Counts::kNo;
      }
      return Counts::kNo;
    }
    case MarkingKind::kClassification:
    case MarkingKind::kLabel:
      return WordStrength(p, kind, s, text, m, strength);
  }
  return Counts::kNo;
}

// PlacedStrength in the scanned text; in a body, a match in the "Subject:"
// field of a quoted header block ("From: ...\nSent: ...\nSubject: UK TOP
// SECRET: plan") is also read as a subject, and counts if either reading
// makes it strong (position.h, QuotedSubjectField).
Counts MarkingStrength(const PatternEntry& p, TextKind kind,
                       const Scratch::Rep& s, const RawMatch& m,
                       Strength* strength) {
  Counts counts = PlacedStrength(p, kind, s, s.text, m, strength);
  if (kind != TextKind::kBody ||
      (counts == Counts::kYes && *strength == Strength::kStrong)) {
    return counts;
  }
  std::size_t vb = 0, ve = 0;
  if (!QuotedSubjectField(s.text, m.begin, &vb, &ve) || m.end > ve) {
    return counts;
  }
  RawMatch in_subject{m.id, m.begin - vb, m.end - vb};
  Strength subject_strength = Strength::kWeak;
  if (PlacedStrength(p, TextKind::kSubject, s, s.text.substr(vb, ve - vb),
                     in_subject, &subject_strength) == Counts::kYes &&
      subject_strength == Strength::kStrong) {
    *strength = Strength::kStrong;
    return Counts::kYes;
  }
  return counts;
}

// Equal spans keep the higher level, a guard's side of doubt: the SECRET
// grammar also reads "//GBR TOP SECRET" whole, taking TOP for a country
// code. Then the pattern id, so the pack listed first reports the same word
// in two packs, run after run.
bool ByBeginThenLongest(const Scanner::Rep& scanner, const RawMatch& a,
                        const RawMatch& b) {
  if (a.begin != b.begin) return a.begin < b.begin;
  if (a.end != b.end) return a.end > b.end;
  Level la = scanner.patterns[a.id].level, lb = scanner.patterns[b.id].level;
  if (la != lb) return la > lb;
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

void SortLabelSpans(Scratch::Rep& s) {
  std::sort(s.label_spans.begin(), s.label_spans.end());
  s.label_reach.clear();
  std::size_t reach = 0;
  for (auto [b, e] : s.label_spans) {
    reach = std::max(reach, e);
    s.label_reach.push_back(reach);
  }
}

Finding MakeFinding(const PatternEntry& p, std::string_view where,
                    std::size_t offset, std::string_view text,
                    Strength strength) {
  Finding f;
  f.marking = p.name;
  f.pack = p.pack;
  f.level = p.level;
  f.where = std::string(where);
  f.offset = offset;
  f.text = std::string(text);
  f.strength = strength;
  return f;
}

void EmitMarkings(const Scanner::Rep& scanner, Scratch::Rep& s, TextKind kind,
                  std::string_view where, Sensitivity* out) {
  std::string_view text = s.text;
  s.kept.clear();
  for (const RawMatch& m : s.matches) {
    if (scanner.patterns[m.id].source != PatternSource::kMarking) continue;
    if (InLabelSpan(s, m)) continue;
    s.kept.push_back(m);
  }
  std::sort(s.kept.begin(), s.kept.end(),
            [&](const RawMatch& a, const RawMatch& b) {
              return ByBeginThenLongest(scanner, a, b);
            });
  // In order of place, each match's strength, within kMaxPositionWork: a
  // match costs its line's length, each line found once.
  std::size_t work = 0, line_begin = 0, line_end = 0;
  bool line_known = false;
  auto out_it = s.kept.begin();
  const RawMatch* previous = nullptr;
  for (const RawMatch& m : s.kept) {
    // A shorter match of the same pattern at the same start: a prefix of
    // the one just read (sorted longest first).
    bool prefix = previous != nullptr && previous->id == m.id &&
                  previous->begin == m.begin;
    previous = &m;
    if (prefix) continue;
    if (!line_known || m.begin > line_end) {
      line_begin = LineStart(text, m.begin);
      line_end = LineEnd(text, m.begin);
      line_known = true;
    }
    work += line_end - line_begin + kMatchWork;
    if (work > kMaxPositionWork) {
      s.over_budget = true;
      break;
    }
    Strength strength = Strength::kWeak;
    if (MarkingStrength(scanner.patterns[m.id], kind, s, m, &strength) !=
        Counts::kNo) {
      *out_it++ = m;
    }
  }
  s.kept.erase(out_it, s.kept.end());
  DropContained(&s.kept);
  // Doubtful marks become weak findings that Sensitivity::Corroborate
  // settles once the whole message has been read.
  for (const RawMatch& m : s.kept) {
    const PatternEntry& p = scanner.patterns[m.id];
    Strength strength = Strength::kWeak;
    bool doubtful =
        MarkingStrength(p, kind, s, m, &strength) == Counts::kIfCorroborated;
    Finding f = MakeFinding(p, where, m.begin,
                            TrimMatch(text.substr(m.begin, m.end - m.begin)),
                            doubtful ? Strength::kWeak : strength);
    f.needs_corroboration = doubtful;
    out->Add(std::move(f));
  }
}

void EmitCustom(const Scanner::Rep& scanner, Scratch::Rep& s,
                std::string_view where, Sensitivity* out) {
  std::string_view text = s.text;
  s.kept.clear();
  for (const RawMatch& m : s.matches) {
    if (scanner.patterns[m.id].source == PatternSource::kCustom) {
      s.kept.push_back(m);
    }
  }
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
  s.kept.clear();
  for (const RawMatch& m : s.matches) {
    if (scanner.patterns[m.id].source == PatternSource::kDetector) {
      s.kept.push_back(m);
    }
  }
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
                            DetectorKind::kUsSsn, DetectorKind::kUkNino}) {
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

}  // namespace

Status Scanner::Scan(TextKind kind, std::string_view where,
                     std::string_view text, Scratch& scratch,
                     Sensitivity* out) const {
  Scratch::Rep& s = *scratch.rep_;
  if (s.owner != rep_.get()) {
    return Status::InvalidArgument("scratch belongs to another scanner");
  }
  if (s.in_use) return Status::Internal("scratch already in use");
  if (text.size() > UINT_MAX) {
    return Status::ResourceExhausted("text too large to scan in one pass");
  }
  s.in_use = true;
  s.input = text;
  s.typed_at = s.typed_input = 0;
  s.over_budget = false;
  s.mail_body = kind == TextKind::kBody && where == "body";
  if (IsAlreadyNormal(text)) {
    s.text = text;
  } else {
    NormalizeText(text, &s.normalized);
    s.text = s.normalized;
  }
  s.letter_spaced_id = rep_->letter_spaced_id;
  for (int pass = 0; pass < 2; ++pass) {
    s.matches.clear();
    s.overflowed = false;
    s.letter_spaced = false;
    hs_error_t rc = hs_scan(rep_->database, s.text.data(),
                            static_cast<unsigned>(s.text.size()), 0, s.scratch,
                            OnMatch, &s);
    if (rc != HS_SUCCESS && rc != HS_SCAN_TERMINATED) {
      s.in_use = false;
      return Status::Internal("hs_scan failed with code " + std::to_string(rc));
    }
    // Letter-spaced text ("S E C R E T"): once, the same text with its
    // spaced runs joined is scanned instead; offsets then point into it.
    if (pass > 0 || !s.letter_spaced) break;
    CollapseLetterSpacing(s.text, &s.collapsed);
    s.text = s.collapsed;
  }
  s.label_spans.clear();
  s.label_values.clear();
  if (kind == TextKind::kBody) EmitBodyLabels(*rep_, s, where, out);
  SortLabelSpans(s);
  std::size_t first_marking = out->findings.size();
  EmitMarkings(*rep_, s, kind, where, out);
  if (!s.label_values.empty()) {
    EmitUnknownBodyLabels(s, where, first_marking, out);
  }
  EmitCustom(*rep_, s, where, out);
  EmitDetectors(*rep_, s, where, out);
  if (s.overflowed) {
    Finding f;
    f.marking = "max-matches";
    f.pack = "limit";
    f.where = "limit";
    f.text = std::string(where) + ": more than " +
             std::to_string(kMaxMatchesPerText) + " matches; rest not scanned";
    out->Add(std::move(f));
    out->complete = false;
  }
  if (s.over_budget) {
    Finding f;
    f.marking = "scan-budget";
    f.pack = "limit";
    f.where = "limit";
    f.text = std::string(where) +
             ": markings too dense to place within the scan budget (" +
             std::to_string(kMaxPositionWork >> 20) +
             " MiB of lines); rest not read";
    out->Add(std::move(f));
    out->complete = false;
  }
  s.in_use = false;
  return Status::Ok();
}

}  // namespace nearmiss::content
