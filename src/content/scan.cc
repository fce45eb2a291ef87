// Scanner::Scan: one Vectorscan pass over a normalised text (two for
// letter-spaced text), then the findings (scan_emit.h): position rules
// decide each marking's strength (marking_strength.h) and validators
// confirm detector hits.
#include <algorithm>
#include <climits>
#include <vector>

#include "content/letter_spacing.h"
#include "content/normalize.h"
#include "content/reading_place.h"
#include "content/scan_emit.h"
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

// Each finding from `first` on gets its page: the form feeds before its
// offset in `text` (Finding::page; limits stand nowhere in it).
void NumberPages(std::string_view text, std::size_t first, Sensitivity* out) {
  if (first == out->findings.size() || text.find('\f') == std::string_view::npos) return;
  std::vector<std::size_t> feeds;
  for (std::size_t i = text.find('\f'); i != std::string_view::npos; i = text.find('\f', i + 1)) {
    feeds.push_back(i);
  }
  for (std::size_t k = first; k < out->findings.size(); ++k) {
    Finding& f = out->findings[k];
    if (f.pack == "limit") continue;
    f.page = static_cast<std::size_t>(
        std::lower_bound(feeds.begin(), feeds.end(), f.offset) - feeds.begin());
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
  const std::size_t first_finding = out->findings.size();
  s.input = text;
  s.typed_at = s.typed_input = 0;
  s.surprise_text = nullptr;
  s.over_budget = false;
  // Bulk mail's text is read as a body, the level words on its edges
  // doubted (marking_strength.cc).
  s.bulk_body = kind == TextKind::kBulkBody;
  if (s.bulk_body) kind = TextKind::kBody;
  // A message's own text: its body, or the body of a message inside it
  // ("attachment:summary.eml/body": message_walker.h), also as it shows
  // without its CSS-hidden text ("body (without text hidden by CSS)":
  // reading_place.h).
  const std::string_view place = ReadingBase(where);
  s.mail_body = kind == TextKind::kBody && (place == "body" || place.ends_with("/body"));
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
    EmitUnknownBodyLabels(*rep_, s, where, first_marking, out);
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
  NumberPages(s.text, first_finding, out);
  s.in_use = false;
  return Status::Ok();
}

}  // namespace nearmiss::content
