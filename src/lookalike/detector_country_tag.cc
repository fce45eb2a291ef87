// A declared name with its country code moved into the name as a hyphened
// tag, or the tag left out: nmc-uk.org for the allowlisted nmc.org.uk (the
// Nursing and Midwifery Council), gmc.org for gmc-uk.org (the General
// Medical Council). The letters typed are the organisation's own, so that
// organisation is what was meant, before another one a letter away: the
// tester's nmc-uk.org was offered gmc-uk.org, another regulator, and
// gmc.org the provider gmx.org (issue 15, round 42, tester item 8).
//
// Only names a policy names (organisation, protected, allow), never a
// provider's or a learned one, and only a code the root zone has as a
// country's (IsCountryCodeTld).
#include <string>
#include <utility>

#include "address/root_zone.h"
#include "nearmiss/address.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {

namespace {

// The other form of entry `e`'s name that CountryTagCandidates answers
// ("nmc-uk.org" of nmc.org.uk, "gmc.org" of gmc-uk.org), or "" when it has
// none. `zone`: instead the tag made the country's zone of the TLD
// ("gmc.org.uk" of gmc-uk.org: round 44's tester, finding 5, was offered
// nmc.org.uk, the nurses' regulator, for the doctors' GMC).
std::string CountryTagForm(const Entry& e, bool zone = false) {
  std::string key;
  if (e.is_namespace || (!Declared(e.source) && e.source != TrustSource::kAllowlist)) return key;
  const std::string_view d = e.domain;
  const size_t first = d.find('.');
  if (first == std::string_view::npos) return key;
  const std::string_view label = d.substr(0, first), rest = d.substr(first + 1);
  const size_t second = rest.find('.');
  if (second != std::string_view::npos && rest.find('.', second + 1) == std::string_view::npos) {
    // nmc.org.uk -> nmc-uk.org: the code after the name, the zone's
    // first label as the TLD.
    const std::string_view level = rest.substr(0, second), cc = rest.substr(second + 1);
    if (!address::IsCountryCodeTld(cc)) return key;
    key.append(label).append("-").append(cc).append(".").append(level);
  } else if (second == std::string_view::npos) {
    // gmc-uk.org -> gmc.org: the tag left out.
    const size_t hyphen = label.rfind('-');
    if (hyphen == std::string_view::npos || hyphen == 0) return key;
    if (!address::IsCountryCodeTld(label.substr(hyphen + 1))) return key;
    key.append(label.substr(0, hyphen)).append(".").append(rest);
    if (zone) {
      key.append(".").append(label.substr(hyphen + 1));
      if (!IsPublicSuffix(std::string_view(key).substr(hyphen + 1))) key.clear();
    }
  }
  return key;
}

}  // namespace

void DetectorImpl::IndexCountryTags() {
  // A HashIndex of the forms' hashes, each verified against its entry when
  // read: with a million names a map of the forms themselves cost a check
  // two or three cache misses (its bucket, node and key), this one line.
  const std::vector<Entry>& entries = set_.entries();
  country_tag_.Build(entries.size() / 4, [&](auto&& emit) {
    for (uint32_t id = 0; id < entries.size(); ++id) {
      for (const bool zone : {false, true}) {
        const std::string key = CountryTagForm(entries[id], zone);
        // A name trusted as it is stays so.
        if (key.empty() || set_.TrustedBy(key)) continue;
        emit(HashKey(key), id);
      }
    }
  });
}

void DetectorImpl::CountryTagCandidates(const Query& q, Best& best) const {
  const std::string& registrable = q.domain->registrable;
  if (registrable.empty()) return;
  const bool moved = registrable.find('-') != std::string::npos;
  // Ids of one hash come back in the order they were emitted, the order
  // of the entries.
  country_tag_.Find(q.registrable_hash, [&](uint32_t id) {
    const Entry& e = set_[id];
    const bool zone = CountryTagForm(e, true) == registrable;
    if (!zone && CountryTagForm(e) != registrable) return;
    std::string detail = moved  ? "has the country code of "
                         : zone ? "has the country tag of "
                                : "leaves out the country tag of ";
    detail.append(e.domain).append(moved ? " moved into its name" : zone ? " moved into its ending" : "");
    detail.append(": the organisation's own name, typed in another form");
    Offer({id, ReasonCode::kHyphenation, std::move(detail), e.domain, Join(q.prefix, e.domain),
           0.95},
          best);
  });
}

}  // namespace nearmiss::lookalike
