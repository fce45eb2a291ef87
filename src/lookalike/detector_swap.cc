// Candidates for the slips of three letters in a row that the typo index
// misses in a name too short for its two-edit matches:
//   - two letters swapped across a third: "sezman" for "seznam" ('m' and
//     'n' around the 'a'); "gmali" for "gmail" is the neighbours' swap
//     (the typo index). A common slip of a hand that reaches ahead (issue
//     15, fresh tester, item 14).
//   - a letter moved two places: "icould" for "icloud" (the 'l' typed two
//     letters late), "gmial" is the one-place move (the typo index). The
//     Damerau-Levenshtein distance counts it as two transpositions; a
//     typist's one slip of timing (issue 15, round 38, item 1).
// Both at edit distance two, asked of declared and provider names only.
#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <vector>

#include "lookalike/deletions.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {
namespace {

// Shorter names are within such a slip of too many real ones ("tsl" and
// "lst" of "lts").
constexpr size_t kMinLetters = 6;

// The three ways a window of three typed letters t0 t1 t2 came from the
// name meant: t2 t1 t0 (swapped across t1), t2 t0 t1 (t2 typed two places
// late), t1 t2 t0 (t0 typed two places early).
enum class Slip { kSwap, kLate, kEarly };
constexpr Slip kSlips[] = {Slip::kSwap, Slip::kLate, Slip::kEarly};
constexpr size_t kSlipsPerWindow = std::size(kSlips);

// Writes the window of the name meant into `w`, as `slip` undone.
void Undo(Slip slip, std::string_view t, char* w) {
  switch (slip) {
    case Slip::kSwap: w[0] = t[2], w[1] = t[1], w[2] = t[0]; break;
    case Slip::kLate: w[0] = t[2], w[1] = t[0], w[2] = t[1]; break;
    case Slip::kEarly: w[0] = t[1], w[1] = t[2], w[2] = t[0]; break;
  }
}

// What the sender sees: "has 'm' and 'n' swapped around the 'a'", "has the
// 'l' two places late ('oul' where 'lou' belongs)".
std::string SlipDetail(Slip slip, std::string_view typed, std::string_view meant) {
  std::string detail = "has ";
  if (slip == Slip::kSwap) {
    detail += '\'';
    detail += typed[0];
    detail += "' and '";
    detail += typed[2];
    detail += "' swapped around the '";
    detail += typed[1];
    detail += '\'';
    return detail;
  }
  detail += "the '";
  detail += slip == Slip::kLate ? typed[2] : typed[0];
  detail += slip == Slip::kLate ? "' two places late ('" : "' two places early ('";
  detail += typed;
  detail += "' where '";
  detail += meant;
  detail += "' belongs)";
  return detail;
}

}  // namespace

uint64_t DetectorImpl::LettersKey(std::string_view first, std::string_view rest) {
  // Counts of each letter, not a sort: the key of a reordering is the same
  // by construction, and a label is at most 63 letters.
  std::array<uint8_t, 26> counts{};
  for (char c : first) ++counts[static_cast<unsigned char>(c - 'a') % 26];
  const uint64_t letters =
      HashKey(std::string_view(reinterpret_cast<const char*>(counts.data()), counts.size()));
  return Mix64(letters ^ (HashKey(rest) * 0x9e3779b97f4a7c15ULL));
}

void DetectorImpl::IndexDistantSwaps() {
  const auto& all = set_.entries();
  letters_.Build(all.size() / 2, [&](auto&& emit) {
    for (uint32_t id = 0; id < all.size(); ++id) {
      const Entry& e = all[id];
      if (!(Declared(e.source) || e.source == TrustSource::kProvider)) continue;
      const std::string_view d = e.domain;
      const size_t dot = d.find('.');
      if (dot == std::string_view::npos || dot < kMinLetters || !AllLetters(d.substr(0, dot))) {
        continue;
      }
      emit(LettersKey(d.substr(0, dot), d.substr(dot + 1)), id);
    }
  });
}

void DetectorImpl::DistantSwapCandidates(const Query& q, Best& best) const {
  const std::string_view label = q.reg_label;
  if (label.size() < kMinLetters || q.idn || !AllLetters(label)) return;
  // The registrable name repaired: a subdomain (mail.sezman.cz) keeps its
  // labels in the suggestion, the entry is the name itself.
  const std::string_view registrable = std::string_view(q.domain->ascii).substr(q.prefix.size());
  // Every variant below is the registrable name with its label's letters
  // reordered, so the entries any of them can be are those letters_ holds
  // under its LettersKey: one lookup, where an exact lookup of each of the
  // up to 72 variants read a line of a big set each (about 5 of the 63
  // cache lines a check read with a million names, bench/check-instructions
  // --cache). Most checks find none and build no variant.
  thread_local std::vector<uint32_t> reordered;
  reordered.clear();
  letters_.Find(LettersKey(label, registrable.substr(label.size() + 1)), [&](uint32_t id) {
    if (set_[id].domain.size() == registrable.size()) reordered.push_back(id);
  });
  if (reordered.empty()) return;
  constexpr size_t kMaxWindows = 24;
  constexpr size_t kMax = kMaxWindows * kSlipsPerWindow;
  thread_local std::string variants[kMax];
  size_t n = 0;
  for (size_t i = 0; i + 2 < label.size() && i < kMaxWindows; ++i) {
    const std::string_view typed = label.substr(i, 3);
    for (size_t k = 0; k < kSlipsPerWindow; ++k) {
      std::string& v = variants[n++];
      v.assign(registrable);
      Undo(kSlips[k], typed, &v[i]);
      // No change, or the same name as an earlier slip of this window
      // ("ool": the late and the swapped 'l' alike).
      bool repeat = v == registrable;
      for (size_t j = n - 1 - k; j + 1 < n && !repeat; ++j) repeat = variants[j] == v;
      if (repeat) v.clear();
    }
  }
  for (size_t at = 0; at < n; ++at) {
    const std::string& variant = variants[at];
    if (variant.empty()) continue;
    // The entry whose domain the variant is (domains are unique).
    const auto hit = std::find_if(reordered.begin(), reordered.end(),
                                  [&](uint32_t id) { return set_[id].domain == variant; });
    if (hit == reordered.end()) continue;
    const Entry& e = set_[*hit];
    const size_t i = at / kSlipsPerWindow;
    std::string detail = SlipDetail(kSlips[at % kSlipsPerWindow], label.substr(i, 3),
                                    std::string_view(variant).substr(i, 3));
    Offer({*hit, ReasonCode::kLabelTypo, std::move(detail), e.domain, Join(q.prefix, variant), 0.75},
          best);
  }
}

}  // namespace nearmiss::lookalike
