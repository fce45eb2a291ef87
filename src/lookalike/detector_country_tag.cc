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
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {

void DetectorImpl::IndexCountryTags() {
  const std::vector<Entry>& entries = set_.entries();
  for (uint32_t id = 0; id < entries.size(); ++id) {
    const Entry& e = entries[id];
    if (e.is_namespace || (!Declared(e.source) && e.source != TrustSource::kAllowlist)) continue;
    const std::string_view d = e.domain;
    const size_t first = d.find('.');
    if (first == std::string_view::npos) continue;
    const std::string_view label = d.substr(0, first), rest = d.substr(first + 1);
    const size_t second = rest.find('.');
    std::string key;
    if (second != std::string_view::npos && rest.find('.', second + 1) == std::string_view::npos) {
      // nmc.org.uk -> nmc-uk.org: the code after the name, the zone's
      // first label as the TLD.
      const std::string_view level = rest.substr(0, second), cc = rest.substr(second + 1);
      if (!address::IsCountryCodeTld(cc)) continue;
      key.append(label).append("-").append(cc).append(".").append(level);
    } else if (second == std::string_view::npos) {
      // gmc-uk.org -> gmc.org: the tag left out.
      const size_t hyphen = label.rfind('-');
      if (hyphen == std::string_view::npos || hyphen == 0) continue;
      if (!address::IsCountryCodeTld(label.substr(hyphen + 1))) continue;
      key.append(label.substr(0, hyphen)).append(".").append(rest);
    } else {
      continue;
    }
    // A name trusted as it is stays so.
    if (set_.TrustedBy(key)) continue;
    country_tag_[std::move(key)].push_back(id);
  }
}

void DetectorImpl::CountryTagCandidates(const Query& q, Best& best) const {
  auto it = country_tag_.find(q.domain->registrable);
  if (it == country_tag_.end()) return;
  const bool moved = q.domain->registrable.find('-') != std::string::npos;
  for (const uint32_t id : it->second) {
    const Entry& e = set_[id];
    std::string detail = moved ? "has the country code of " : "leaves out the country tag of ";
    detail.append(e.domain).append(moved ? " moved into its name" : "");
    detail.append(": the organisation's own name, typed in another form");
    Offer({id, ReasonCode::kHyphenation, std::move(detail), e.domain, Join(q.prefix, e.domain),
           0.95},
          best);
  }
}

}  // namespace nearmiss::lookalike
