// Label arithmetic on lower-case ASCII domain names ("mail.gmial.com"), for
// the candidate finders of detector_*.cc. Views point into the argument;
// no function allocates except Join. Pure functions: thread-safe.
#ifndef NEARMISS_LOOKALIKE_DOMAIN_LABELS_H_
#define NEARMISS_LOOKALIKE_DOMAIN_LABELS_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace nearmiss::lookalike {

// The last label: "com" of "gmial.com"; all of `s` when it has no dot.
// Inline, as the next two: every Classify calls them, and they were
// file-local to it before the candidate finders were split out.
inline std::string_view LastLabel(std::string_view s) {
  size_t dot = s.rfind('.');
  return dot == std::string_view::npos ? s : s.substr(dot + 1);
}

// Splits `d` into head and its last `k` labels; false if there is no head.
bool SplitTail(std::string_view d, size_t k, std::string_view& head, std::string_view& tail);

// SplitTail for every k of one domain, its dots found once: the loops over
// the namespaces ask it of each query once a namespace (NamespaceCandidates,
// ForeignZoneCandidates), and with many namespaces the search for the same
// dots again was a sixth of a check. Views point into `d`.
class TailSplits {
 public:
  explicit TailSplits(std::string_view d) : d_(d) {
    size_t cut = d.size();
    while (found_ < kCached && cut > 0) {
      cut = d.rfind('.', cut - 1);
      if (cut == std::string_view::npos) break;
      dots_[found_++] = cut;
    }
  }
  // SplitTail(d, k, head, tail).
  bool Split(size_t k, std::string_view& head, std::string_view& tail) const {
    if (k == 0 || k > kCached) return SplitTail(d_, k, head, tail);
    if (k > found_) return false;
    head = d_.substr(0, dots_[k - 1]);
    tail = d_.substr(dots_[k - 1] + 1);
    return !head.empty();
  }

 private:
  static constexpr size_t kCached = 6;
  std::string_view d_;
  std::array<size_t, kCached> dots_{};  // the k-th dot from the right at [k - 1]
  size_t found_ = 0;
};

// The last `n` labels of `s` (all of it when it has fewer).
std::string_view LastLabels(std::string_view s, size_t n);

inline size_t LabelCount(std::string_view s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '.')) + 1;
}

inline std::string Join(std::string_view a, std::string_view b) {
  std::string s(a);
  s += b;
  return s;
}

// True when `tld` names a country or a region: a ccTLD (ISO 3166) or one
// of the community geographic gTLDs of a nation or region (ICANN Applicant
// Guidebook 2012, section 2.2.1.4; IANA's root zone database lists them as
// generic): .scot, .wales, .cymru, .cat, .eus. A name there is that place's
// own administration (gov.scot, nhs.wales), never the mail domain of a
// namespace that covers the whole country (gov.uk, nhs.uk), nor what a
// sender who typed nhs.com meant.
bool TldNamesAPlace(std::string_view tld);

// The endings people add out of habit to a name they typed without its own.
bool IsHabitualSuffix(std::string_view s);

// True when `s` is only the letters a-z.
bool AllLetters(std::string_view s);

// 1 when `typed` is `intended` with one dot removed, 2 when with one dot
// made a hyphen, 0 otherwise.
int DotJoin(std::string_view typed, std::string_view intended);

// Commercial second levels that many ccTLDs have, listed in the Public
// Suffix List or not (co.ru and com.ru are registrable names there that
// their owners run as zones): a provider's name under one is under the
// ccTLD itself. "co", "com", "net", "org", "biz", "info".
bool IsOpenSecondLevel(std::string_view label);

// True when the endings `typed` and `meant` differ only in a first label
// that is "com" in one and "co" in the other (com.uk for co.uk, co.au for
// com.au): the habit of one country's commercial ending typed for
// another's, likelier than any one-key slip of the same length (com.hk).
bool ComCoSwap(std::string_view typed, std::string_view meant);

// True when `typed` and `meant` are two labels each, the same two in the
// other order (uk.co for co.uk, au.com for com.au): the two labels of an
// ending of several swapped, which SuffixDistance counts as two edits.
bool LabelsSwapped(std::string_view typed, std::string_view meant);

// "the labels of .co.uk are swapped (.uk.co)": what LabelsSwapped found.
std::string SwappedDetail(std::string_view typed, std::string_view meant);

// An ending as the sender typed it, for a reason's words: its U-label form
// when it holds an A-label ("xn--p1ai" is shown "рф": the sender never saw
// the Punycode; round 50's tester 15, finding 7), else as given.
std::string ShownEnding(std::string_view ascii);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_DOMAIN_LABELS_H_
