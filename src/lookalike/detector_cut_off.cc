// Endings cut off before their end (hotmail.co, outlook.co.u): the
// provider's real domains that complete what was typed are the
// suggestions, not one reading alone (issue 15, round 42, item 5).
//  - Under a real TLD (hotmail.co: .co is Colombia's) the best reading is
//    the ending with a letter left out (hotmail.com); the family's domain
//    whose ending continues the typed one past a dot (hotmail.co.uk) is
//    offered second, as likely a cut-off.
//  - Under a TLD the root zone lacks (outlook.co.u), the cut-off of real
//    endings (co.uk, co.ug, co.uz), the family's domain that completes it
//    is the one meant; with none (Outlook has no co.u* domain: ISPDB's
//    hotmail.com.xml) the family's home is, and the note says so.
// Completions are taken in the order the organisation writes to them
// (OrganisationPriorOf), then data/lists/provider-regions.txt's order
// (home first, then the regional domains as listed).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "address/special_use_names.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"

namespace nearmiss::lookalike {
namespace {

// True when `tail` ("co.u") is a real ending cut short: some listed public
// suffix under a delegated TLD is `tail` with one to three letters added
// ("co.uk", "co.ug"). Asked only on rare paths: up to 26 + 26 PSL lookups.
bool CutShortOfListedSuffix(std::string_view tail) {
  std::string probe(tail);
  for (char a = 'a'; a <= 'z'; ++a) {
    probe.resize(tail.size());
    probe += a;
    if (address::IsListedSuffix(probe) && address::HasDelegatedTld(probe)) return true;
    for (char b = 'a'; b <= 'z'; ++b) {
      probe.resize(tail.size() + 1);
      probe += b;
      if (address::IsListedSuffix(probe) && address::HasDelegatedTld(probe)) return true;
    }
  }
  return false;
}

}  // namespace

const ProviderFamily* DetectorImpl::CompletionFamily(std::string_view name) const {
  if (auto it = families_.find(std::string(name)); it != families_.end()) return &it->second;
  if (auto it = word_families_.find(std::string(name)); it != word_families_.end()) {
    return &it->second;
  }
  return nullptr;
}

std::vector<std::string> DetectorImpl::FamilyCompletions(std::string_view name,
                                                         std::string_view typed_ending) const {
  std::vector<std::string> out;
  const ProviderFamily* family = CompletionFamily(name);
  if (family == nullptr) return out;
  const ProviderFamily& f = *family;
  std::vector<std::pair<double, std::string>> ranked;
  // Only the family's domains of this very name: gmail's googlemail.com,
  // googlemail's gmail.com complete nothing typed under the other.
  auto consider = [&](const std::string& domain) {
    if (domain.size() <= name.size() + 1 || !domain.starts_with(name) || domain[name.size()] != '.') {
      return;
    }
    const std::string_view ending = std::string_view(domain).substr(name.size() + 1);
    if (ending.size() <= typed_ending.size() || !ending.starts_with(typed_ending)) return;
    const std::optional<uint32_t> id = set_.Exact(domain);
    if (!id) return;
    for (const auto& r : ranked) {
      if (r.second == domain) return;
    }
    ranked.emplace_back(OrganisationPriorOf(*id, domain), domain);
  };
  consider(f.home);
  for (const std::string& d : f.domains) consider(d);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& r : ranked) out.push_back(std::move(r.second));
  return out;
}

void DetectorImpl::CutOffSecondOffer(const Query& q, Best& best) const {
  // hotmail.co: hotmail.com best (an 'm' left out); hotmail.co.uk second.
  if (!best.code || q.reg_label != q.name) return;
  const std::string_view typed = q.domain->suffix;
  const std::string_view meant = best.suggestion;
  if (!meant.starts_with(Join(q.name, ".")) || best.alt_score >= best.score - 0.05) return;
  const std::string_view meant_ending = meant.substr(q.name.size() + 1);
  if (meant_ending.size() <= typed.size() || !meant_ending.starts_with(typed)) return;
  std::vector<std::string> completions = FamilyCompletions(q.name, Join(typed, "."));
  // A trusted completion the organisation writes to comes first, family or
  // not: live makes no family (a word), and live.co was only live.com for
  // an organisation that writes to live.co.uk every day (round 52's
  // tester, finding 8).
  const std::string typed_ending = Join(typed, ".");
  std::string written;
  double written_prior = 1.0;
  by_name_.Find(HashKey(q.name), [&](uint32_t id) {
    const Entry& e = set_[id];
    if (e.is_namespace || e.name() != q.name || e.domain == meant ||
        !e.suffix().starts_with(typed_ending)) {
      return;
    }
    if (const double prior = OrganisationPriorOf(id, e.domain); prior > written_prior) {
      written_prior = prior;
      written = e.domain;
    }
  });
  if (!written.empty()) completions.insert(completions.begin(), written);
  for (const std::string& domain : completions) {
    if (domain == meant) continue;
    const std::optional<uint32_t> id = set_.Exact(domain);
    best.alt_id = *id;
    best.alt_code = ReasonCode::kSuffixTruncate;
    best.alt_target = domain;
    best.alt_suggestion = domain;
    best.alt_detail = "the ending .";
    best.alt_detail.append(std::string_view(domain).substr(q.name.size() + 1));
    best.alt_detail.append(" is cut short to .").append(typed);
    best.alt_score = best.score;
    return;
  }
}

bool DetectorImpl::CutOffUndelegated(const Domain& d, LookalikeMatch& m) const {
  // outlook.co.u: "co.u" is co.uk, co.ug or co.uz cut short, under no TLD.
  const std::string_view ascii = d.ascii;
  std::string_view head, tail;
  if (!SplitTail(ascii, 2, head, tail) || !CutShortOfListedSuffix(tail)) return false;
  const std::string_view name = LastLabel(head);
  const ProviderFamily* family = CompletionFamily(name);
  if (family == nullptr) return false;
  const std::string_view prefix = head.substr(0, head.size() - name.size());
  std::vector<std::string> done = FamilyCompletions(name, tail);
  const bool completed = !done.empty();
  if (!completed) done.push_back(family->home);
  const std::optional<uint32_t> id = set_.Exact(done[0]);
  if (!id) return false;
  const std::string_view tld = LastLabel(ascii);
  m.kind = LookalikeMatch::Kind::kLookalike;
  m.code = ReasonCode::kTldNotDelegated;
  m.source = set_[*id].source;
  m.target = done[0];
  m.resembles = done[0];
  m.target_domain_for_suggestion = Join(prefix, done[0]);
  if (done.size() > 1) m.alternative_suggestion = Join(prefix, done[1]);
  m.detail = address::NoSuchTldPhrase(tld);
  m.detail.append("; the ending .").append(tail);
  if (completed) {
    m.detail.append(" is .").append(std::string_view(done[0]).substr(name.size() + 1));
    m.detail.append(" cut short");
  } else {
    m.detail.append(" is cut short, and ").append(name).append(" has no domain under .");
    m.detail.append(tail).append("*: ").append(done[0]).append(" is its home");
  }
  m.score = 0.85;
  return true;
}

}  // namespace nearmiss::lookalike
