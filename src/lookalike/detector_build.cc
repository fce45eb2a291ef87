// Building the detector's indexes. See detector.h for what each one holds.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "lookalike/deletions.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/namespace_names.h"
#include "lookalike/visual_key.h"
#include "nearmiss/address.h"

namespace nearmiss::lookalike {
namespace {

// Host names so common that their use as a domain says nothing.
constexpr std::string_view kGenericHostLabels[] = {
    "mail", "email", "webmail", "smtp", "imap", "exchange", "outlook", "portal",
    "intranet", "login", "secure", "remote", "server", "admin", "support", "online",
};

bool GenericHostLabel(std::string_view label) {
  return std::find(std::begin(kGenericHostLabels), std::end(kGenericHostLabels), label) !=
         std::end(kGenericHostLabels);
}

}  // namespace

std::string DetectorImpl::EntryUnicodeName(const Entry& e) const {
  std::string_view name = e.name();
  if (name.find("xn--") == std::string_view::npos) return std::string(name);
  Result<Domain> parsed = ParseDomain(e.domain);
  if (!parsed.ok()) return std::string(name);
  std::string_view uni = parsed->unicode;
  // The name is every label but the suffix's; count suffix labels.
  size_t suffix_labels = std::count(e.suffix().begin(), e.suffix().end(), '.') + 1;
  size_t cut = uni.size();
  for (size_t i = 0; i < suffix_labels && cut != std::string_view::npos; ++i) {
    cut = uni.rfind('.', cut - 1);
  }
  return std::string(uni.substr(0, cut));
}

std::string DetectorImpl::EntryLookName(const Entry& e) const {
  std::string_view name = e.name();
  if (name.find("xn--") == std::string_view::npos) return std::string(name);
  return AsciiLookalike(EntryUnicodeName(e)).text;
}

Status DetectorImpl::Init(std::vector<TrustedEntry> entries, LookalikeLists lists,
                          LookalikeOptions options) {
  options_ = options;
  // Counts by domain before Build takes the entries (it merges duplicates).
  std::unordered_map<std::string, int64_t> counts;
  for (const TrustedEntry& e : entries) {
    if (e.messages > 0) counts[e.domain] = std::max(counts[e.domain], e.messages);
  }
  NM_RETURN_IF_ERROR(set_.Build(std::move(entries)));
  if (!counts.empty()) {
    messages_.assign(set_.entries().size(), 0);
    for (const auto& [domain, n] : counts) {
      if (std::optional<uint32_t> id = set_.Exact(domain)) messages_[*id] = n;
    }
  }
  for (SuffixConfusion& c : lists.confusions) {
    std::string key = c.typed + '\0' + c.intended;
    confusions_.emplace(std::move(key), std::move(c));
  }
  std::unordered_set<std::string_view> intended;
  for (const auto& [key, c] : confusions_) intended.insert(c.intended);
  for (uint32_t id : set_.namespaces()) {
    const std::string& ns = set_[id].domain;
    std::string flat = ns;
    flat.erase(std::remove(flat.begin(), flat.end(), '.'), flat.end());
    namespaces_.push_back({id, ns, static_cast<size_t>(std::count(ns.begin(), ns.end(), '.')) + 1,
                           std::move(flat), intended.contains(ns),
                           ns.find("xn--") != std::string::npos, {}, {}});
    namespaces_.back().names = NamespaceNamesUnder(ns);
    namespaces_.back().listed_names = namespaces_.back().names;
    // The real names under it (army.mil, navy.mil) are names the lists
    // hold: with a ccTLD added (army.mil.cn) they are slips in every zone.
    // Four letters or more, as for suggestions: short ones are other
    // countries' names too (eb.mil.br is Brazil's army, eb.mil a US one).
    for (const std::string& name : namespaces_.back().names) {
      if (name.size() >= 4) known_under_namespace_.emplace(name + "." + ns);
    }
  }
  std::vector<NamespaceIndex::Spec> specs;
  for (uint32_t i = 0; i < namespaces_.size(); ++i) {
    const Namespace& n = namespaces_[i];
    if (n.labels >= 2) flat_namespaces_.emplace(n.flat, i);
    specs.push_back({n.ns, n.labels, n.flat, n.confused || n.idn});
  }
  namespace_index_.Build(specs);
  // Names under a namespace that the lists hold (af.mil and ramstein.af.mil
  // of ramstein.af.mil): see KnownUnderNamespace.
  // The same walk fills names_under_namespaces_ (UnseenCountryName), from
  // every entry and every namespace above it.
  // Namespace entry -> the labels of listed names directly under it.
  std::unordered_map<uint32_t, std::unordered_set<std::string_view>> listed_under;
  for (const Entry& e : set_.entries()) {
    std::string_view d = e.domain;
    bool first = !e.is_namespace;
    for (size_t dot = d.find('.'); dot != std::string_view::npos; dot = d.find('.', dot + 1)) {
      std::optional<uint32_t> ns = set_.Exact(d.substr(dot + 1));
      if (!ns || !set_[*ns].is_namespace) continue;
      const size_t label = dot == 0 ? std::string_view::npos : d.rfind('.', dot - 1);
      names_under_namespaces_.emplace(d.substr(label == std::string_view::npos ? 0 : label + 1));
      if (!first) continue;
      first = false;
      // hmrc of hmrc.gov.uk, listed: a real name under .gov.uk, so that
      // hrmc.gvo.uk (a slip in the name and one in the namespace) suggests
      // it (RealNamesNear; issue 15, round 33, item 5).
      const std::string_view under = d.substr(label == std::string_view::npos ? 0 : label + 1,
                                              dot - (label == std::string_view::npos ? 0 : label + 1));
      if (!under.empty()) listed_under[*ns].insert(under);
      for (size_t at = 0; at < dot; at = d.find('.', at) + 1) {
        known_under_namespace_.emplace(d.substr(at));
      }
    }
  }
  for (Namespace& n : namespaces_) {
    auto listed = listed_under.find(n.id);
    if (listed == listed_under.end()) continue;
    const std::unordered_set<std::string> have(n.names.begin(), n.names.end());
    for (std::string_view name : listed->second) {
      if (!have.contains(std::string(name))) n.names.emplace_back(name);
    }
  }
  {
    std::unordered_set<std::string_view> seen;
    for (const Entry& e : set_.entries()) {
      if (e.is_namespace || LabelCount(e.suffix()) != 2 || !seen.insert(e.suffix()).second) continue;
      two_label_suffixes_.emplace_back(e.suffix());
    }
  }
  for (ProviderFamily& f : lists.families) {
    if (f.name.empty() || f.home.empty()) {
      return Status::InvalidArgument("provider family '" + f.name + "': no name or no home domain");
    }
    // A name that is a word or a brand of unrelated national companies
    // (tiscali.de, wanadoo.nl, terra.com.mx: word-provider-names.txt) keeps
    // its listed domains (trusted by the engine) but makes no family: its
    // name under another ccTLD is not its slip (issue 15, fresh tester,
    // item 7).
    // Its listed domains still complete an ending cut short under its own
    // name (live.co: live.co.uk beside live.com, as hotmail.co offers
    // hotmail.co.uk; issue 15, round 57's tester).
    if (std::find(lists.word_names.begin(), lists.word_names.end(), f.name) !=
        lists.word_names.end()) {
      std::string name = f.name;
      word_families_.emplace(std::move(name), std::move(f));
      continue;
    }
    // A family of one domain: that domain is its own regional one too, so
    // t-online.se is one key from t-online.de (suffix-edit), as when such
    // families were derived from the provider list (FamilyCandidates' regional
    // reading walks `domains`).
    if (f.domains.empty()) f.domains.push_back(f.home);
    for (const std::string& d : f.domains) family_domains_.insert(d);
    std::string name = f.name;
    families_.emplace(std::move(name), std::move(f));
  }
  // Only the names provider-regions.txt holds make families: every other
  // provider was one too (issue 15 breaker, second round, item 3), and so
  // its name under any other ccTLD a slip, words and surnames alike
  // (post.lt, sky.at, cox.co.uk: round 34, item 2). That file holds the
  // coined brands; a provider it lacks keeps its listed domains, trusted,
  // and its name elsewhere is judged by the other classes.
  for (const auto& [name, f] : families_) {
    if (name.find('-') == std::string::npos) continue;
    std::string flat = name;
    flat.erase(std::remove(flat.begin(), flat.end(), '-'), flat.end());
    if (!families_.contains(flat)) family_unhyphenated_.emplace(std::move(flat), name);
  }
  IndexFamilyTypos();
  IndexDepartmentsUnderTlds();
  IndexDepartmentsUnderCcTlds();
  IndexCutNamespaceNames();
  IndexCountryTags();
  IndexBrandCountries();
  IndexJoinedNames();
  for (RealMailDomain& r : lists.real_domains) {
    // A trusted domain the ISPDB lists too (mail.com, gmail.com) is trusted,
    // not a real neighbour of another trusted name.
    if (set_.Exact(r.domain)) continue;
    const std::string suffix = PublicSuffix(r.domain);
    if (r.domain.size() > suffix.size() + 1) {
      real_by_name_[r.domain.substr(0, r.domain.size() - suffix.size() - 1)].push_back(r.domain);
    }
    real_domains_.emplace(std::move(r.domain), std::move(r.note));
  }
  // google.com -> gmail.com; and "*.fastmail.com" -> fastmail.com, a
  // provider whose hosts are mail domains (ProviderHost, provider_host.h).
  for (ProviderWebDomain& w : lists.web_domains) web_domains_.emplace(std::move(w.web), std::move(w.mail));
  // nic.in, gc.ca: the name is the first label, the rest the suffix it is
  // one of (RealDomainSuffixSlip reads them by name, as the real domains).
  for (std::string& d : lists.suffix_mail_domains) {
    const size_t dot = d.find('.');
    if (dot == std::string::npos || dot == 0) continue;
    real_by_name_[d.substr(0, dot)].push_back(d);
    suffix_mail_domains_.insert(std::move(d));
  }
  const auto& all = set_.entries();
  const uint32_t n = static_cast<uint32_t>(all.size());

  // Visual keys are computed once; they are short-lived build state. A name
  // is indexed under its visual key and, when that differs, under its
  // letter-folded spelling too: a slip next to a folded pair ("barcmlays" for
  // "barclays", whose key is "bardays") is one edit from the spelling, not
  // the key. The spelling goes in letter-folded (FoldLetters), not as typed:
  // a letter-for-letter map never makes two spellings further apart, so
  // every pair within the edit limit is still found (and then verified on
  // the real strings), and for a name with no folded pair the folded
  // spelling is the visual key, so it needs one neighbourhood, not two.
  // With bench/check_bench's million names: 52.8M pairs before, 29.1M after.
  std::vector<std::string> keys(n);
  size_t typo_estimate = 0;
  for (uint32_t id = 0; id < n; ++id) {
    if (all[id].is_namespace) continue;
    keys[id] = VisualKey(EntryLookName(all[id]));
    size_t len = keys[id].size();
    size_t per_key = len + 1;
    if (len >= options_.distance2_min_length) per_key += len * (len - 1) / 2;
    typo_estimate += keys[id] == FoldLetters(all[id].name()) ? per_key : 2 * per_key;
  }
  typo_.Build(typo_estimate, [&](auto&& emit) {
    std::vector<uint64_t> hashes;
    for (uint32_t id = 0; id < n; ++id) {
      if (all[id].is_namespace || keys[id].size() >= 256) continue;
      uint64_t suffix_hash = HashKey(all[id].suffix());
      auto emit_id = [&](uint64_t key) { emit(key, id); };
      std::string look = FoldLetters(EntryLookName(all[id]));
      if (look == keys[id] || look.size() >= 256) {
        ForEachDeletionKey(keys[id], DeletionDepth(keys[id]), suffix_hash, emit_id);
        continue;
      }
      // Two spellings share most variants: emit each once. An open-addressing
      // set sized for both (a sort here cost a tenth of the whole build).
      size_t most = 2 * (1 + look.size() + look.size() * look.size() / 2 + keys[id].size() +
                         keys[id].size() * keys[id].size() / 2);
      hashes.assign(std::bit_ceil(2 * most), 0);
      const size_t mask = hashes.size() - 1;
      auto add = [&](uint64_t key) {
        // 0 marks an empty slot; setting the low bit costs a 2^-63 collision.
        uint64_t marked = key | 1;
        for (size_t at = (marked >> 7) & mask;; at = (at + 1) & mask) {
          if (hashes[at] == marked) return;
          if (hashes[at] == 0) {
            hashes[at] = marked;
            emit(key, id);
            return;
          }
        }
      };
      ForEachDeletionKey(keys[id], DeletionDepth(keys[id]), suffix_hash, add);
      ForEachDeletionKey(look, DeletionDepth(look), suffix_hash, add);
    }
  });
  keys.clear();
  keys.shrink_to_fit();

  by_name_.Build(n, [&](auto&& emit) {
    for (uint32_t id = 0; id < n; ++id) {
      if (!all[id].is_namespace) emit(HashKey(all[id].name()), id);
    }
  });

  joined_.Build(n * 4, [&](auto&& emit) {
    std::string variant;
    for (uint32_t id = 0; id < n; ++id) {
      if (all[id].is_namespace) continue;
      const std::string& d = all[id].domain;
      for (size_t dot = d.find('.'); dot != std::string::npos; dot = d.find('.', dot + 1)) {
        variant.assign(d).erase(dot, 1);
        emit(HashKey(variant), id);
        variant.assign(d)[dot] = '-';
        emit(HashKey(variant), id);
      }
    }
  });

  host_.Build(n / 8, [&](auto&& emit) {
    for (uint32_t id = 0; id < n; ++id) {
      std::string_view name = all[id].name();
      size_t dot = name.find('.');
      if (all[id].is_namespace || dot == std::string_view::npos) continue;
      std::string_view first = name.substr(0, dot);
      if (first.size() >= 5 && !GenericHostLabel(first)) emit(HashKey(first), id);
    }
  });
  IndexDistantSwaps();
  prefetch_ = MemoryBytes() > kPrefetchBytes;
  return Status::Ok();
}

size_t DetectorImpl::MemoryBytes() const {
  return set_.MemoryBytes() + typo_.MemoryBytes() + by_name_.MemoryBytes() +
         joined_.MemoryBytes() + host_.MemoryBytes() + letters_.MemoryBytes() +
         country_tag_.MemoryBytes();
}

}  // namespace nearmiss::lookalike

namespace nearmiss {

Result<std::unique_ptr<const LookalikeDetector>> LookalikeDetector::Build(
    std::vector<TrustedEntry> entries, std::vector<SuffixConfusion> confusions,
    LookalikeOptions options) {
  LookalikeLists lists;
  lists.confusions = std::move(confusions);
  return BuildWithLists(std::move(entries), std::move(lists), options);
}

Result<std::unique_ptr<const LookalikeDetector>> LookalikeDetector::BuildWithLists(
    std::vector<TrustedEntry> entries, LookalikeLists lists, LookalikeOptions options) {
  auto detector = std::make_unique<lookalike::DetectorImpl>();
  NM_RETURN_IF_ERROR(detector->Init(std::move(entries), std::move(lists), options));
  return std::unique_ptr<const LookalikeDetector>(std::move(detector));
}

std::string_view TrustSourceName(TrustSource source) {
  switch (source) {
    case TrustSource::kOrganisation: return "organisation";
    case TrustSource::kProtected: return "protected";
    case TrustSource::kAllowlist: return "allowlist";
    case TrustSource::kProvider: return "provider";
    case TrustSource::kLearned: return "learned";
    case TrustSource::kNone: return "none";
  }
  return "unknown";
}

}  // namespace nearmiss
