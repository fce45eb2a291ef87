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
namespace {

// yahho for yahoo: the double of the name typed on the letter before it
// (or after), one letter for another that is no key slip, yet the
// commonest way to mistype a doubled letter (Damerau 1964 counts it under
// substitutions; issue 15, round 36, defect 2).
bool WrongLetterDoubled(std::string_view typed, std::string_view meant) {
  if (typed.size() != meant.size()) return false;
  size_t at = typed.size();
  for (size_t i = 0; i < typed.size(); ++i) {
    if (typed[i] == meant[i]) continue;
    if (at != typed.size()) return false;
    at = i;
  }
  if (at == typed.size()) return false;
  // The typed letter doubles its neighbour, where the meant one doubled
  // the other neighbour ("hh" of yahho where "oo" of yahoo belongs).
  if (at > 0 && at + 1 < typed.size() && typed[at] == typed[at - 1] &&
      meant[at] == meant[at + 1]) {
    return true;
  }
  return at > 0 && at + 1 < typed.size() && typed[at] == typed[at + 1] &&
         meant[at] == meant[at - 1];
}

}  // namespace

void DetectorImpl::IndexFamilyTypos() {
  // A sister domain another provider lists as its own (poczta.fm of
  // Interia, post.cz of Seznam) is no brand of its own: "pochta" (Russian
  // for mail) is no slip of it. Two that list each other (gmail and
  // googlemail) are one provider's two brands, each its own. And a brand
  // that names its parent (ymail and rocketmail list yahoo.com, ISPDB
  // yahoo.com.xml) does not make the parent its sister: the line with more
  // domains is the provider's (yahoo's 60 against ymail's 2; tutanota's 5
  // against tutamail's 1). Read the other way, yahoo had no index here and
  // yaho.ru, ayhoo.ru passed while gmial.ru was caught (issue 15, round 36,
  // defect 2).
  auto lists = [](const ProviderFamily& f, const std::string& domain) {
    return std::find(f.domains.begin(), f.domains.end(), domain) != f.domains.end();
  };
  auto sister = [&](const ProviderFamily& f) {
    for (const auto& [other, g] : families_) {
      if (other != f.name && lists(g, f.home) && !lists(f, g.home) &&
          g.domains.size() > f.domains.size()) {
        return true;
      }
    }
    return false;
  };
  // Letters, and a hyphen inside (t-online): t-onlne.at was accepted while
  // seznan.cy was caught (round 46's tester 15, finding 4).
  auto lettered = [](std::string_view name) {
    return !name.starts_with('-') && !name.ends_with('-') &&
           std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
  };
  for (const auto& [name, f] : families_) {
    if (name.size() < kFamilyTypoMinLength || !lettered(name) || sister(f)) continue;
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
      // Its first two letters swapped keeps both (ayhoo for yahoo).
      Edit e = DescribeEdit(name, fname);
      if (name[0] != fname[0] && !(e.kind == EditKind::kTransposition && name[1] == fname[0])) {
        continue;
      }
      if (!(PlainKeySlip(e) || WrongLetterDoubled(name, fname)) ||
          (name.size() == fname.size() && e.kind != EditKind::kTransposition &&
           fname.size() < 6 && !WrongLetterDoubled(name, fname))) {
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
      // Not when the home's own ending is one slip away (yhoo.co: .co for
      // .com): that home is the one meant, as for a name alone.
      const bool home_near =
          f.home.size() > fname.size() + 1 && f.home.starts_with(fname) &&
          f.home[fname.size()] == '.' &&
          PlainKeySlip(DescribeEdit(dsuf, std::string_view(f.home).substr(fname.size() + 1)),
                       true);
      for (const std::string& own : f.domains) {
        if (home_near) break;
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
