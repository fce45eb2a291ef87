// A look-alike with an ending added (issue 15, tester round 56b, finding
// 2): hmrc.uk.com, gmail.co.uk.com, army.ml.com, gmial.com.com. The leading
// labels are a look-alike of a trusted name (hmrc.uk: hmrc.gov.uk with .gov
// left out), and the ending after them (.com, .co.uk, the open zone uk.com)
// makes the whole a name under another registered domain (uk.com, co.uk.com,
// ml.com): whoever holds that domain receives the mail, exactly as for a
// trusted name with an ending added (army.mil.example.com, suffix-append:
// detector_appended.cc). The slip is the leading look-alike's; the suggestion
// is its suggestion, so armu.mil.com is army.mil's (the namespace-name
// correction of the leading part, detector_homoglyph_name.cc, applies too).
#include "address/root_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/edit.h"
#include "nearmiss/address.h"

namespace nearmiss::lookalike {

bool DetectorImpl::AppendedLookalike(const Domain& d, LookalikeMatch& m,
                                     bool registered_only) const {
  // A domain the real-neighbour lists name itself (mailo.com) stays as it
  // is; a host of one whose leading labels are a look-alike
  // (army.ml.mailo.com) is read below.
  if (m.kind != LookalikeMatch::Kind::kNone || ListedRealDomain(d)) return false;
  if (d.suffix.empty() || d.ascii.size() <= d.suffix.size() + 1) return false;
  if (!address::HasDelegatedTld(d.ascii)) return false;
  // The head is all before the public suffix (ICANN section: "com" of
  // hmrc.uk.com, "co.uk" of gmail.com.co.uk), else all before the
  // registered domain (army.ml of army.ml.mailo.com), a domain of two labels
  // or more. A host of a real name under a TLD the root lacks (cs.ox of
  // cs.ox.ac.uk) is no look-alike, only invalid, and stays external.
  const std::string_view ascii = d.ascii;
  for (const std::string_view ending : {std::string_view(d.suffix), std::string_view(d.registrable)}) {
    if (ending.empty() || ascii.size() <= ending.size() + 1) continue;
    if (registered_only && ending != d.registrable) continue;
    const std::string_view head = ascii.substr(0, ascii.size() - ending.size() - 1);
    if (LabelCount(head) < 2) continue;
    Result<Domain> parsed = ParseDomain(head);
    if (!parsed.ok() || parsed->suffix.empty()) continue;
    LookalikeMatch lead = Classify(*parsed);
    if (lead.kind != LookalikeMatch::Kind::kLookalike || lead.score < options_.threshold) continue;
    // A namespace's reading of a name no list holds (research.ml:
    // research.mil, a name no one has) flags any .ml name on purpose; under
    // another registered domain (research.ml.com, a host of Merrill Lynch's
    // ml.com) it says nothing of a slip. Only a real name's look-alike
    // counts there (army.ml.com: army.mil), or the namespace itself typed
    // (nhs.uk.com: nhs.uk, no mail domain, with .com added).
    if (std::optional<uint32_t> id = set_.TrustedBy(lead.target);
        !id || (set_[*id].is_namespace && set_[*id].domain != lead.target &&
                !NameOrParentKnown(lead.target))) {
      continue;
    }
    // Under a TLD the root lacks, only a slip of the target's own TLD
    // (gmail.cpm, nhs.nte) is one: mail.mailo of mail.mailo.com (a host of
    // Mailo's) is no mail.mil with ".mailo" for ".mil".
    // "rn" read as 'm' (gmail.corn) is that slip too.
    if (!address::HasDelegatedTld(head)) {
      std::string tld(LastLabel(head));
      for (size_t at = tld.find("rn"); at != std::string::npos; at = tld.find("rn", at)) {
        tld.replace(at, 2, "m");
      }
      const std::string_view meant = LastLabel(lead.target);
      if (tld != meant && BoundedDamerau(tld, meant, 1) != 1) continue;
    }
    m = std::move(lead);
    // "has .com added after hmrc.uk, itself a slip: the .gov of .gov.uk is
    // missing".
    std::string detail = "has .";
    detail.append(ending).append(" added after ").append(head).append(", itself a slip: ");
    detail.append(m.detail);
    m.detail = std::move(detail);
    m.code = ReasonCode::kSuffixAppend;
    return true;
  }
  return false;
}

}  // namespace nearmiss::lookalike
