// A trusted namespace's ending typed twice: mail.mil.mil, hmrc.gov.uk.gov.uk,
// hmrc.gov.gov.uk, ato.gov.gov.au, dia.govt.govt.nz. The namespace trusts
// every name under it, so the doubled name was trusted and accepted with no
// word, while no such name exists (only the namespace's registry could
// create one) and the issue names mail.mil.mil as the type of an invalid
// name (round 49's tester 15, finding 2). The same slip after a declared
// domain (nhs.net.net) is SuffixCandidates' appended ending already.
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"

namespace nearmiss::lookalike {

bool DetectorImpl::NamespaceTypedTwice(const Domain& d, const Entry& ns, LookalikeMatch& m) const {
  const std::string_view ascii = d.ascii, name = ns.domain;
  if (ascii.size() <= name.size() + 1) return false;
  const std::string_view rest = ascii.substr(0, ascii.size() - name.size() - 1);
  std::string meant, doubled;
  if (rest == name || (rest.size() > name.size() && rest.ends_with(name) &&
                       rest[rest.size() - name.size() - 1] == '.')) {
    // mail.mil.mil: the whole ending again. gov.uk.gov.uk means the
    // namespace itself, which is no one's mail domain: no suggestion.
    meant.assign(rest);
    doubled.assign(name);
  } else if (const size_t dot = name.find('.'); dot != std::string_view::npos) {
    // hmrc.gov.gov.uk: its first label again.
    const std::string_view first = name.substr(0, dot);
    if (rest.size() <= first.size() + 1 || !rest.ends_with(first) ||
        rest[rest.size() - first.size() - 1] != '.') {
      return false;
    }
    meant.assign(rest.substr(0, rest.size() - first.size() - 1)).append(".").append(name);
    doubled.assign(first);
  } else {
    return false;
  }
  const std::optional<uint32_t> id = set_.TrustedBy(meant);
  if (!id) return false;
  m = LookalikeMatch{};
  m.kind = LookalikeMatch::Kind::kLookalike;
  m.code = ReasonCode::kSuffixAppend;
  m.source = set_[*id].source;
  m.target = TargetUnder(set_[*id], meant);
  m.resembles = meant;
  m.detail = "has ." + doubled + " typed twice";
  m.target_domain_for_suggestion = meant == name ? std::string() : meant;
  m.score = 0.95;
  return true;
}

}  // namespace nearmiss::lookalike
