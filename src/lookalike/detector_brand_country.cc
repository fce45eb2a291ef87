// A declared name with its country code joined on: natwest-uk.com,
// hsbcuk.co.uk, santanderuk.co.uk, lloydsbank-uk.com for the .co.uk names
// (the ending's dots and its "co" dropped, as a sender writes it from
// memory), and natwestuk.com for a .com name of an organisation whose own
// domains are British. The commonest registered look-alike of a brand; it
// was caught or not by the name's length alone (lloydsbankuk.co.uk had two
// edits to spare, natwestuk.com none; issue 15, round 45's tester,
// finding 5). Now whatever the length.
//
// Only names the organisation declared (organisation, protected), which it
// answers for: a provider's or a learned name joined to a country code is
// someone's regional brand. The country is the name's own (the ccTLD its
// suffix ends in: barclays.co.uk, hmrc.gov.uk) or, for a name under a
// generic TLD (natwest.com), each country of the organisation's own
// domains. Without a hyphen only for names of four letters or more: "dbuk"
// or "ubsuk" is as likely someone's own acronym.
//
// Other words joined to a brand (natwest-online.com, barclays-secure.com,
// secure-natwest.com) are not caught: they are unbounded, real companies
// hold many, and a sender does not type them from memory for the real
// name. A brand-monitoring service watches for those.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "nearmiss/address.h"
#include "address/root_zone.h"
#include "address/second_level_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {
namespace {

// The name and the suffix of a declared registrable entry ("barclays" and
// "co.uk" of barclays.co.uk or the namespace .hsbc.co.uk); false for a
// host under one (army.mod.uk), a public suffix (.gov.uk) or a name
// of another source.
bool DeclaredRegistrable(const Entry& e, std::string_view& name, std::string& suffix) {
  if (!Declared(e.source)) return false;
  suffix = PublicSuffix(e.domain);
  if (suffix.empty() || e.domain.size() <= suffix.size() + 1) return false;
  name = std::string_view(e.domain).substr(0, e.domain.size() - suffix.size() - 1);
  return name.find('.') == std::string_view::npos;
}

}  // namespace

void DetectorImpl::IndexBrandCountries() {
  const std::vector<Entry>& entries = set_.entries();
  std::vector<std::string> home;  // the organisation's own countries
  for (const Entry& e : entries) {
    if (e.source != TrustSource::kOrganisation) continue;
    std::string_view tld = LastLabel(e.domain);
    if (address::IsCountryCodeTld(tld) && std::find(home.begin(), home.end(), tld) == home.end()) {
      home.emplace_back(tld);
    }
  }
  for (uint32_t id = 0; id < entries.size(); ++id) {
    std::string_view name;
    std::string suffix;
    if (!DeclaredRegistrable(entries[id], name, suffix)) continue;
    // gov of gov.scot is a public-sector word, no one's name (gov-uk.com
    // is the namespace .gov.uk's: BareNamespaceEndingCandidates).
    if (address::IsPublicSectorLabel(name)) continue;
    const std::string_view own = LastLabel(suffix);
    const bool national = address::IsCountryCodeTld(own);
    // nhs.scot, gov.wales: a place's own TLD, the organisation's country
    // no code of it.
    if (!national && TldNamesAPlace(own)) continue;
    const std::vector<std::string> countries = national ? std::vector<std::string>{std::string(own)}
                                                        : home;
    for (const std::string& cc : countries) {
      for (const bool hyphen : {true, false}) {
        if (!hyphen && name.size() < 4) continue;
        std::string form(name);
        if (hyphen) form += '-';
        form += cc;
        // Of two names one form (mod-uk: mod.uk, mod.gov.uk) the shorter
        // ending is meant: only the dot is left out.
        auto [it, added] = brand_country_.try_emplace(std::move(form), BrandCountry{id, national});
        if (!added && entries[it->second.id].domain.size() > entries[id].domain.size()) {
          it->second = BrandCountry{id, national};
        }
      }
    }
  }
}

void DetectorImpl::BrandCountryCandidates(const Query& q, Best& best) const {
  auto it = brand_country_.find(q.reg_label);
  if (it == brand_country_.end()) return;
  const Entry& e = set_[it->second.id];
  // The organisation's own name joined so (barclays-uk.com in its list)
  // is trusted before any finder runs; another entry's is someone else's.
  const std::string_view cc = std::string_view(q.reg_label).substr(q.reg_label.size() - 2);
  std::string detail = "has the country code '";
  detail.append(cc).append("' joined to the name of ").append(e.domain);
  if (!it->second.national) {
    detail.append(" (the organisation's own country)");
  } else if (const std::string_view ending = std::string_view(e.domain).substr(e.domain.find('.') + 1);
             ending != cc) {
    detail.append(" (the rest of its ending .").append(ending).append(" left out)");
  }
  Offer({it->second.id,
         it->second.national ? ReasonCode::kDotOmission : ReasonCode::kSuffixAppend,
         std::move(detail), e.domain, Join(q.prefix, e.domain), it->second.national ? 0.9 : 0.85},
        best);
}

}  // namespace nearmiss::lookalike
