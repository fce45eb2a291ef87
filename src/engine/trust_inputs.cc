// MakeTrustInputs: the trusted entries and reading lists of one policy
// (moved from engine.cc so the policy's own entries can be judged against
// the rest: listed_lookalikes.cc).
#include "engine/trust_inputs.h"

#include "engine/embedded_lists.h"
#include "engine/suffix_mail_domain.h"
#include "policy/trusted_names.h"

namespace nearmiss::engine {
namespace {

Status AddList(std::string_view text, std::string_view name, TrustSource source,
               std::vector<TrustedEntry>& out) {
  NM_ASSIGN_OR_RETURN(std::vector<DomainItem> items, ParseDomainList(text, name));
  for (DomainItem& item : items) out.push_back({std::move(item.domain), source});
  return Status::Ok();
}

}  // namespace

// TrustedNamesOf each item: .barclays.co.uk is barclays.co.uk too, .com is
// refused.
Status AddPolicyItems(const std::vector<DomainItem>& items, TrustSource source,
                      std::vector<TrustedEntry>& out) {
  for (const DomainItem& item : items) {
    NM_ASSIGN_OR_RETURN(std::vector<std::string> names, TrustedNamesOf(item));
    for (std::string& n : names) out.push_back({std::move(n), source});
  }
  return Status::Ok();
}

Result<TrustInputs> MakeTrustInputs(const Policy& policy, bool policy_items) {
  TrustInputs in;
  std::vector<TrustedEntry>& entries = in.entries;
  if (policy_items) {
    NM_RETURN_IF_ERROR(AddPolicyItems(policy.organisation, TrustSource::kOrganisation, entries));
    NM_RETURN_IF_ERROR(AddPolicyItems(policy.protected_domains, TrustSource::kProtected, entries));
    NM_RETURN_IF_ERROR(AddPolicyItems(policy.allow, TrustSource::kAllowlist, entries));
  }
  if (policy.use_default_protected) {
    NM_RETURN_IF_ERROR(AddList(data::kProtectedList, "data/lists/protected.txt",
                               TrustSource::kProtected, entries));
  }
  LookalikeLists& lists = in.lists;
  NM_ASSIGN_OR_RETURN(lists.confusions,
                      ParseSuffixConfusions(data::kTldConfusions, "data/lists/tld-confusions.txt"));
  // Families and real neighbours speak of provider domains only: without the
  // provider list (or a policy that lists them) they find nothing to apply to.
  NM_ASSIGN_OR_RETURN(lists.families, ParseProviderFamilies(data::kProviderRegions,
                                                            "data/lists/provider-regions.txt"));
  NM_ASSIGN_OR_RETURN(lists.word_names, ParseWordNames(data::kWordProviderNames,
                                                       "data/lists/word-provider-names.txt"));
  if (policy.use_default_providers) {
    NM_RETURN_IF_ERROR(AddList(data::kProvidersList, "data/lists/providers.txt",
                               TrustSource::kProvider, entries));
    // A family's regional domains are the provider's own (gmx.li, hotmail.co.il):
    // trusted like the list above, which need not repeat them. TrustedSet::Build
    // merges the domains both name.
    for (const ProviderFamily& f : lists.families) {
      entries.push_back({f.home, TrustSource::kProvider});
      for (const std::string& d : f.domains) entries.push_back({d, TrustSource::kProvider});
    }
  }
  NM_ASSIGN_OR_RETURN(lists.real_domains, ParseRealMailDomains(data::kRealMailDomains,
                                                               "data/lists/real-mail-domains.txt"));
  // Every mailbox domain of Thunderbird's ISPDB is real too (who.net,
  // texas.usa.com: issue 15, tester 15, findings 1, 2, 5); after the
  // hand-kept list, whose notes win for a domain both name.
  NM_ASSIGN_OR_RETURN(std::vector<RealMailDomain> ispdb,
                      ParseRealMailDomains(data::kIspdbMailDomains,
                                           "data/lists/ispdb-mail-domains.txt"));
  for (RealMailDomain& r : ispdb) lists.real_domains.push_back(std::move(r));
  NM_ASSIGN_OR_RETURN(lists.web_domains,
                      ParseProviderWebDomains(data::kProviderWebDomains,
                                              "data/lists/provider-web-domains.txt"));
  lists.suffix_mail_domains = SuffixMailDomains(policy.use_default_protected);
  return in;
}

}  // namespace nearmiss::engine
