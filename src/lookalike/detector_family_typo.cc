// A slip in a provider's name and its name under a ccTLD it has no domain
// in, at once (gmial.de, gmai.co.uk, hotmial.pl, outlok.pl for gmail.com,
// hotmail.com, outlook.com). Each slip alone is flagged (gmial.com by the
// typo index, gmail.de by FamilyCandidates); together they were accepted
// (issue 15, breaker 15, item 2). The typo index holds names under their
// own suffix only, so the providers' names have a small index of their own
// (family_typo_, one deletion deep), read only when nothing else is near.
#include <algorithm>

#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "address/second_level_zone.h"
#include "lookalike/deletions.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/edit.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {

void DetectorImpl::IndexFamilyTypos() {
  // A sister domain another provider lists as its own (poczta.fm of
  // Interia, post.cz of Seznam) is no brand of its own: "pochta" (Russian
  // for mail) is no slip of it. Two that list each other (gmail and
  // googlemail) are one provider's two brands, each its own.
  auto lists = [](const ProviderFamily& f, const std::string& domain) {
    return std::find(f.domains.begin(), f.domains.end(), domain) != f.domains.end();
  };
  auto sister = [&](const ProviderFamily& f) {
    for (const auto& [other, g] : families_) {
      if (other != f.name && lists(g, f.home) && !lists(f, g.home)) return true;
    }
    return false;
  };
  for (const auto& [name, f] : families_) {
    if (name.size() < kFamilyTypoMinLength || !AllLetters(name) || sister(f)) continue;
    ForEachDeletionKey(name, 1, kFamilyTypoKey, [&](uint64_t key) {
      std::vector<std::string>& names = family_typo_[key];
      if (names.empty() || names.back() != name) names.push_back(name);
    });
  }
}

void DetectorImpl::FamilyTypoCandidates(const Query& q, Best& best) const {
  const std::string_view name = q.reg_label;
  if (family_typo_.empty() || q.idn || name.size() + 1 < kFamilyTypoMinLength ||
      name.size() > 64) {
    return;
  }
  // Under a ccTLD, directly or under a second level where anyone
  // registers (gmai.co.uk), as FamilyCandidates asks; not in a
  // public-sector zone (a name there is its government's).
  const std::string_view dsuf = q.domain->suffix;
  const std::string_view tld = LastLabel(dsuf);
  // Any delegated ccTLD, as FamilyCandidates (the PSL has no bare "za").
  if (!address::IsCountryCodeTld(tld)) return;
  if (dsuf != tld) {
    std::string_view second = dsuf.substr(0, dsuf.size() - tld.size() - 1);
    if (second.find('.') != std::string_view::npos || address::IsPublicSectorLabel(second) ||
        !IsOpenSecondLevel(second)) {
      return;
    }
  }
  ForEachDeletionKey(name, 1, kFamilyTypoKey, [&](uint64_t key) {
    auto it = family_typo_.find(key);
    if (it == family_typo_.end()) return;
    for (const std::string& fname : it->second) {
      if (fname == name) continue;
      // One plain slip (a key next to the right one, two letters swapped,
      // one left out or doubled): any edit of a five-letter name reaches
      // too many real ones.
      // The first letter kept (mail.be, hmail.us, 6mail.cc are other
      // names, not gmail's slips), and a letter changed only in a name of
      // six or more (alive.cz is a word, not alice.it's).
      if (name[0] != fname[0]) continue;
      Edit e = DescribeEdit(name, fname);
      if (!PlainKeySlip(e) ||
          (name.size() == fname.size() && e.kind != EditKind::kTransposition && fname.size() < 6)) {
        continue;
      }
      const ProviderFamily& f = families_.at(fname);
      // Its own domain there (hotmial.de for hotmail.de) is the typo
      // index's plain slip.
      if (family_domains_.contains(Join(Join(fname, "."), dsuf))) continue;
      std::optional<uint32_t> home = set_.Exact(f.home);
      if (!home) continue;
      // Weaker than either slip alone (two slips reach more real names),
      // yet above the threshold, as a typo with a slipped ending is.
      const double score = std::max(options_.threshold, 0.7);
      // bigpnd.net.ai: one key from a regional domain of its own as well
      // (bigpond.net.au). That domain is the one meant and the home the
      // second offer, as FamilyCandidates orders them for one slip (issue
      // 15, round 33, item 5).
      for (const std::string& own : f.domains) {
        if (own.size() <= fname.size() + 1 || !own.starts_with(fname) ||
            own[fname.size()] != '.') {
          continue;
        }
        const std::string_view own_suffix = std::string_view(own).substr(fname.size() + 1);
        if (!PlainKeySlip(DescribeEdit(dsuf, own_suffix), true)) continue;
        std::optional<uint32_t> id = set_.Exact(own);
        if (!id) continue;
        std::string detail = e.detail;
        detail.append(", and ").append(SuffixDetail(dsuf, own_suffix));
        Offer({*id, CodeFor(e.kind), std::move(detail), own, Join(q.prefix, own), score + 0.01},
              best);
      }
      std::string detail = std::move(e.detail);
      detail.append(", and the provider ").append(fname).append(" has no domain under .");
      detail.append(dsuf);
      Offer({*home, CodeFor(e.kind), std::move(detail), f.home, Join(q.prefix, f.home), score},
            best);
    }
  });
}

}  // namespace nearmiss::lookalike
